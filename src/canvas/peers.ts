import type { Peer, PersonLook } from '../collab/presence.ts';
import { moveNodes } from '../model/ops.ts';
import type { Diagram } from '../model/types.ts';

// What the canvas draws of the others in a live room, derived from the store's
// validated peers. Awareness changes with every pointer move; the keys below let
// the canvas re-render only when a selection or a drag changed.

/** Someone else's mark on a component: they have it selected, or are dragging it. */
export interface PeerMark extends PersonLook {
  moving: boolean;
}

export const unmarked: readonly PeerMark[] = Object.freeze([]);

const SEPARATOR = '\u0000';

/** Changes only when someone's selection, what they drag, their name or colour does. */
export const marksKey = (peers: readonly Peer[]): string =>
  peers
    .filter((peer) => peer.selection.length > 0 || peer.drag)
    .map((peer) => [peer.clientId, peer.name, peer.colour, ...peer.selection, '>', ...(peer.drag?.keys() ?? [])].join(SEPARATOR))
    .join('\u0001');

/** Changes only when a position someone drags to does. */
export const dragsKey = (peers: readonly Peer[]): string =>
  peers
    .filter((peer) => peer.drag)
    .map((peer) => `${peer.clientId}:${[...peer.drag!].map(([id, at]) => `${id}@${at.x},${at.y}`).join(';')}`)
    .join('|');

/** Who has each component selected or in hand. */
export function marksOf(peers: readonly Peer[]): ReadonlyMap<string, readonly PeerMark[]> {
  const byNode = new Map<string, PeerMark[]>();
  for (const peer of peers) {
    const ids = new Set([...peer.selection, ...(peer.drag?.keys() ?? [])]);
    for (const id of ids) {
      const list = byNode.get(id) ?? [];
      list.push({ name: peer.name, colour: peer.colour, moving: peer.drag?.has(id) ?? false });
      byNode.set(id, list);
    }
  }
  return byNode;
}

export const sameMarks = (a: readonly PeerMark[], b: readonly PeerMark[]): boolean =>
  a === b || (a.length === b.length && a.every((mark, i) => mark.name === b[i]!.name && mark.colour === b[i]!.colour && mark.moving === b[i]!.moving));

function names(marks: readonly PeerMark[]): string {
  const all = marks.map((mark) => mark.name);
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** "Selected by Ana", "Selected by Ana and Bo. Being moved by Cy". */
export function marksText(marks: readonly PeerMark[]): string {
  const selected = marks.filter((mark) => !mark.moving);
  const moving = marks.filter((mark) => mark.moving);
  return [selected.length > 0 && `Selected by ${names(selected)}`, moving.length > 0 && `Being moved by ${names(moving)}`].filter(Boolean).join('. ');
}

/** The document as it shows while peers drag: their components where they hold them. */
export function withPeerDrags(doc: Diagram, peers: readonly Peer[]): Diagram {
  let shown = doc;
  for (const peer of peers) if (peer.drag) shown = moveNodes(shown, peer.drag);
  return shown;
}
