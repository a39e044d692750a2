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

export function placeItems(items: readonly PlaceItem[], edges: readonly { source: string; target: string }[], direction: Direction): Map<string, { position: Point; size: Size }> {
  const children = new Map<string | undefined, PlaceItem[]>();
  const parentOf = new Map<string, string | undefined>();
  for (const item of items) {
    children.set(item.parent, [...(children.get(item.parent) ?? []), item]);
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
    const layer = new Map(members.map((member) => [member.id, 0]));
    const links = edges.map((edge) => [memberOf(edge.source, container), memberOf(edge.target, container)] as const).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    // Longest path, at most one round per member, so cycles end.
    for (let round = 0; round < members.length; round++) {
      let changed = false;
      for (const [a, b] of links) {
        if (layer.get(b!)! < layer.get(a!)! + 1 && layer.get(a!)! + 1 < members.length) {
          layer.set(b!, layer.get(a!)! + 1);
          changed = true;
        }
      }
      if (!changed) break;
    }
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
