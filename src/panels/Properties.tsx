import { EDGE_PROPERTIES, kindInfo } from '../model/catalogue.ts';
import { figureInUse, propsProblem } from '../model/props.ts';
import { memo } from 'react';
import { nodeById, sameExceptPosition, setLabel, setNodeProp, setNotes, updateEdge } from '../model/ops.ts';
import type { PropertySpec } from '../model/properties.ts';
import { type DiagramEdge, type DiagramNode, type PropValue } from '../model/types.ts';
import { capOf, partitionBehaviour } from '../analysis/cap.ts';
import { useEditor, useEditorStore } from '../store/context.ts';
import { Field } from './Field.tsx';
import { TextField } from './TextField.tsx';

/** The form for the selected component, group or edge, generated from the catalogue. */
export function Properties() {
  const selectedNodes = useEditor((state) => state.selectedNodes);
  const selectedEdges = useEditor((state) => state.selectedEdges);
  const node = useEditor((state) => (state.selectedNodes.size === 1 && state.selectedEdges.size === 0 ? nodeById(state.doc, [...state.selectedNodes][0]!) : undefined));
  const edge = useEditor((state) =>
    state.selectedEdges.size === 1 && state.selectedNodes.size === 0 ? state.doc.edges.find((candidate) => state.selectedEdges.has(candidate.id)) : undefined,
  );
  const count = selectedNodes.size + selectedEdges.size;
  return (
    <form className="properties" aria-label="Properties" onSubmit={(event) => event.preventDefault()}>
      <h2>Properties</h2>
      {node && <NodeForm key={node.id} node={node} />}
      {edge && <EdgeForm key={edge.id} edge={edge} />}
      {!node && !edge && <p className="muted">{count > 1 ? `${count} items selected.` : 'Select a component or connection to edit it.'}</p>}
    </form>
  );
}

/** Edits from the form: a field's typing is one undo step, ended when it is left. */
function useGestureEdit() {
  return { change: useEditor((state) => state.updateGesture), done: useEditor((state) => state.endGesture) };
}

// Dragging the selected node changes its position on every frame; the form shows
// none of that, so it is not drawn again.
const NodeForm = memo(function NodeForm({ node }: { node: DiagramNode }) {
  const store = useEditorStore();
  const { change, done } = useGestureEdit();
  const info = kindInfo(node.kind);
  const cap = capOf(node);
  return (
    <>
      <p className="kind-name">{info.name}</p>
      <TextField label="Label" value={node.label} required onChange={(text) => change((doc) => setLabel(doc, node.id, text))} onDone={done} />
      {info.properties.map((spec: PropertySpec) => (
        <Field
          key={spec.key}
          spec={spec}
          value={node.props[spec.key]}
          inUse={figureInUse(node, spec.key)}
          onChange={(value: PropValue | undefined) => change((doc) => setNodeProp(doc, node.id, spec.key, value))}
          conflict={(value) => {
            const problem = propsProblem({ ...node.props, [spec.key]: value });
            return problem && `${spec.label} can't be that: ${problem}.`;
          }}
          onDone={done}
        />
      ))}
      {cap && (
        <section className="cap-explainer" aria-label="CAP classification">
          <h3>
            Behaves as <span className={`badge cap cap-${cap.cap.toLowerCase()}`}>{cap.cap}</span>
          </h3>
          <p>
            {cap.cap} because {cap.reason}: {partitionBehaviour(cap.cap)}.
          </p>
        </section>
      )}
      <TextField label="Notes" multiline value={node.notes ?? ''} onChange={(text) => change((doc) => setNotes(doc, node.id, text))} onDone={done} />
      <button type="button" onClick={() => store.getState().showBlast([node.id])}>
        What if this fails?
      </button>
    </>
  );
}, (before, after) => sameExceptPosition(before.node, after.node));

function EdgeForm({ edge }: { edge: DiagramEdge }) {
  const { change, done } = useGestureEdit();
  const props = edge.props as Record<string, PropValue | undefined>;
  return (
    <>
      <p className="kind-name">Connection</p>
      <TextField label="Label" value={edge.label ?? ''} onChange={(text) => change((doc) => updateEdge(doc, edge.id, { label: text }))} onDone={done} />
      {EDGE_PROPERTIES.map((spec) => (
        <Field
          key={spec.key}
          spec={spec}
          value={props[spec.key]}
          onChange={(value) => change((doc) => updateEdge(doc, edge.id, { props: { [spec.key]: value } }))}
          onDone={done}
        />
      ))}
    </>
  );
}
