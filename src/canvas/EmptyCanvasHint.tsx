import type { CommandContext } from '../commands/registry.ts';
import { CommandControl } from '../panels/CommandControl.tsx';
import { useEditor } from '../store/context.ts';

/** What an empty canvas says: how to put something on it, and the starter designs
 *  one click away (the "New diagram" command, under a name of its own so that it is
 *  not mistaken for the toolbar's button). Gone once the diagram has a node. */
export function EmptyCanvasHint({ context }: { context: CommandContext }) {
  const empty = useEditor((state) => state.doc.nodes.length === 0);
  if (!empty) return null;
  return (
    <div className="empty-canvas" role="note" aria-label="Empty diagram">
      <p className="empty-canvas-title">This diagram is empty</p>
      <p>Drag a component here from Components, or click one there to add it.</p>
      <CommandControl id="new-diagram" context={context} text="Start from a starter design" />
    </div>
  );
}
