import { COMPONENT_SIZE } from '../../../model/catalogue.ts';
import type { Point, Size } from '../../../model/types.ts';
import type { Direction } from './graph.ts';

// Positions for a diagram that has none (Mermaid leaves layout to its renderer): each
// group's members, and the top level, are laid out in layers along the diagram's
// direction, a member's layer being the longest chain of edges leading to it among
// its siblings; groups are sized to hold what they contain. Only a start: the app's
// Auto layout does better, but the import must open as a readable picture.

export interface PlaceItem {
  id: string;
  parent?: string;
  group: boolean;
}

const GAP = { along: 80, across: 40 };
const PADDING = { side: 24, top: 48 };

/** Each id's layer: the longest chain of links leading to it, cycles broken where a
 *  depth-first walk finds them. Linear in ids and links. */
export function layersOf(ids: readonly string[], links: readonly (readonly [string, string])[]): Map<string, number> {
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  for (const [from, to] of links) out.get(from)?.push(to);
  // An iterative depth-first walk: its reverse finishing order puts every link that
  // does not close a cycle from an earlier id to a later one.
  const seen = new Set<string>();
  const finished: string[] = [];
  for (const root of ids) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [string, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = out.get(top[0])!;
      if (top[1] < next.length) {
        const to = next[top[1]++]!;
        if (!seen.has(to) && out.has(to)) {
          seen.add(to);
          stack.push([to, 0]);
        }
      } else {
        finished.push(top[0]);
        stack.pop();
      }
    }
  }
  const order = finished.reverse();
  const rank = new Map(order.map((id, index) => [id, index]));
  const layer = new Map(ids.map((id) => [id, 0]));
  for (const id of order) {
    for (const to of out.get(id)!) if (rank.get(to)! > rank.get(id)!) layer.set(to, Math.max(layer.get(to)!, layer.get(id)! + 1));
  }
  return layer;
}

export function placeItems(items: readonly PlaceItem[], edges: readonly { source: string; target: string }[], direction: Direction): Map<string, { position: Point; size: Size }> {
  const children = new Map<string | undefined, PlaceItem[]>();
  const parentOf = new Map<string, string | undefined>();
  for (const item of items) {
    const siblings = children.get(item.parent);
    if (siblings) siblings.push(item);
    else children.set(item.parent, [item]);
    parentOf.set(item.id, item.parent);
  }
  const placed = new Map<string, { position: Point; size: Size }>();
  const horizontal = direction === 'LR' || direction === 'RL';
  const reversed = direction === 'RL' || direction === 'BT';

  // The member of `container` that holds `id` (itself, or a group above it).
  const memberOf = (id: string, container: string | undefined): string | undefined => {
    for (let at: string | undefined = id, depth = 0; at !== undefined && depth < 100; at = parentOf.get(at), depth++) {
      if (parentOf.get(at) === container) return at;
    }
    return undefined;
  };

  const layOut = (container: string | undefined, depth: number): Size => {
    const members = children.get(container) ?? [];
    const sizes = new Map(members.map((member) => [member.id, member.group && depth < 100 ? layOut(member.id, depth + 1) : { ...COMPONENT_SIZE }]));
    const links = edges.map((edge) => [memberOf(edge.source, container), memberOf(edge.target, container)] as const).filter((link): link is readonly [string, string] => link[0] !== undefined && link[1] !== undefined && link[0] !== link[1]);
    const layer = layersOf(members.map((member) => member.id), links);
    const layers: PlaceItem[][] = [];
    for (const member of members) (layers[layer.get(member.id)!] ??= []).push(member);
    const along = (size: Size) => (horizontal ? size.width : size.height);
    const across = (size: Size) => (horizontal ? size.height : size.width);
    const ordered = (reversed ? [...layers].reverse() : layers).filter((each) => each !== undefined);
    let offset = 0;
    let extent = 0;
    for (const each of ordered) {
      const depthOf = Math.max(...each.map((member) => along(sizes.get(member.id)!)));
      let cross = 0;
      for (const member of each) {
        const size = sizes.get(member.id)!;
        placed.set(member.id, { position: horizontal ? { x: PADDING.side + offset, y: PADDING.top + cross } : { x: PADDING.side + cross, y: PADDING.top + offset }, size });
        cross += across(size) + GAP.across;
      }
      offset += depthOf + GAP.along;
      extent = Math.max(extent, cross - GAP.across);
    }
    const length = Math.max(offset - GAP.along, 0);
    return horizontal
      ? { width: Math.max(length + 2 * PADDING.side, 2 * COMPONENT_SIZE.width), height: Math.max(extent + PADDING.top + PADDING.side, 2 * COMPONENT_SIZE.height) }
      : { width: Math.max(extent + 2 * PADDING.side, 2 * COMPONENT_SIZE.width), height: Math.max(length + PADDING.top + PADDING.side, 2 * COMPONENT_SIZE.height) };
  };
  layOut(undefined, 0);
  return placed;
}
