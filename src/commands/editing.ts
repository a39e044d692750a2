import { COMPONENT_SIZE, GROUP_SIZE } from '../model/catalogue.ts';
import {
  addNode,
  copySelection,
  moveNodes,
  paste,
  removeElements,
} from '../model/ops.ts';
import { isGroupKind, type Diagram, type NodeKind, type Point } from '../model/types.ts';
import { newId } from '../model/ids.ts';
import { outermost } from '../model/tree.ts';
import type { EditorStore } from '../store/editor.ts';

// Editing actions shared by commands, the palette and tests. They read the store
// and change the document only through `edit`, so each is one undo step.

export const PASTE_OFFSET = 32;
const STACK_OFFSET = 28;

/** Where a component added without a drop point goes: the given centre, moved
 *  along a diagonal until no other top-level node sits exactly there. */
export function freeSpot(doc: Diagram, centre: Point): Point {
  const taken = new Set(doc.nodes.filter((node) => !node.parentId).map((node) => `${node.position.x},${node.position.y}`));
  const spot = { x: Math.round(centre.x), y: Math.round(centre.y) };
  while (taken.has(`${spot.x},${spot.y}`)) {
    spot.x += STACK_OFFSET;
    spot.y += STACK_OFFSET;
  }
  return spot;
}

export function addComponent(store: EditorStore, kind: NodeKind, at: Point, parentId?: string): string {
  const id = newId(kind);
  const { doc } = store.getState();
  const size = isGroupKind(kind) ? GROUP_SIZE[kind] : COMPONENT_SIZE;
  // A dropped component is centred on the pointer; a clicked one on the free spot.
  const position = freeSpot(doc, { x: at.x - size.width / 2, y: at.y - size.height / 2 });
  store.getState().edit((current) => addNode(current, kind, position, { id, parentId }), { nodes: [id] });
  return id;
}

export { hasChildren } from '../model/tree.ts';

export function deleteSelection(store: EditorStore, options: { keepChildren?: boolean } = {}): void {
  const { selectedNodes, selectedEdges, edit } = store.getState();
  if (selectedNodes.size === 0 && selectedEdges.size === 0) return;
  edit((doc) => removeElements(doc, selectedNodes, selectedEdges, options), { nodes: [], edges: [] });
}

export function copy(store: EditorStore): void {
  const { doc, selectedNodes, setClipboard } = store.getState();
  if (selectedNodes.size === 0) return;
  setClipboard(copySelection(doc, selectedNodes));
}

export function cut(store: EditorStore): void {
  copy(store);
  deleteSelection(store);
}

export function pasteClipboard(store: EditorStore): void {
  const { doc, clipboard, pasteCount, edit, countPaste } = store.getState();
  if (!clipboard || clipboard.nodes.length === 0) return;
  const step = (pasteCount + 1) * PASTE_OFFSET;
  const result = paste(doc, clipboard, { x: step, y: step });
  edit(() => result.doc, { nodes: result.nodeIds });
  countPaste();
}

export function duplicate(store: EditorStore): void {
  const { doc, selectedNodes, edit } = store.getState();
  if (selectedNodes.size === 0) return;
  const result = paste(doc, copySelection(doc, selectedNodes), { x: PASTE_OFFSET, y: PASTE_OFFSET });
  edit(() => result.doc, { nodes: result.nodeIds });
}

/** Moves the selection; children of a selected group ride along with it. */
export function nudge(store: EditorStore, dx: number, dy: number): void {
  const { doc, selectedNodes, edit } = store.getState();
  const positions = new Map<string, Point>();
  for (const node of outermost(doc, selectedNodes)) positions.set(node.id, { x: node.position.x + dx, y: node.position.y + dy });
  edit((current) => moveNodes(current, positions));
}

export function selectAll(store: EditorStore): void {
  const { doc, select } = store.getState();
  select(
    doc.nodes.map((node) => node.id),
    doc.edges.map((edge) => edge.id),
  );
}
