import type { Peer, PersonLook } from '../collab/presence.ts';

// What the canvas draws of the others in a live room, derived from the store's
// validated peers. Awareness changes with every pointer move; these keys let the
// canvas rebuild node views only when a selection or a drag changed.

export const nobody: readonly PersonLook[] = Object.freeze([]);

/** Changes only when someone's selection, name or colour does. */
export const selectionsKey = (peers: readonly Peer[]): string =>
  peers
    .filter((peer) => peer.selection.length > 0)
    .map((peer) => `${peer.clientId}\u0000${peer.name}\u0000${peer.colour}\u0000${peer.selection.join('\u0000')}`)
    .join('\u0001');

/** Changes only when a position someone drags to does. */
export const dragsKey = (peers: readonly Peer[]): string =>
  peers
    .filter((peer) => peer.drag)
    .map((peer) => `${peer.clientId}:${[...peer.drag!].map(([id, at]) => `${id}@${at.x},${at.y}`).join(';')}`)
    .join('|');

/** Who has each component selected. */
export function selectedByOf(peers: readonly Peer[]): ReadonlyMap<string, readonly PersonLook[]> {
  const byNode = new Map<string, PersonLook[]>();
  for (const peer of peers) {
    for (const id of peer.selection) {
      const list = byNode.get(id) ?? [];
      list.push({ name: peer.name, colour: peer.colour });
      byNode.set(id, list);
    }
  }
  return byNode;
}

export const samePeople = (a: readonly PersonLook[], b: readonly PersonLook[]): boolean =>
  a === b || (a.length === b.length && a.every((look, i) => look.name === b[i]!.name && look.colour === b[i]!.colour));

/** "Selected by Ana", "Selected by Ana and Bo", "Selected by Ana, Bo and Cy". */
export function selectedByText(people: readonly PersonLook[]): string {
  const names = people.map((look) => look.name);
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Selected by ${list}`;
}
