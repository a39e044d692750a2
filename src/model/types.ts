// The document model of the Faultline file format, version 2 (see docs/format.md).
// `src/io/schema.ts` validates files against exactly these shapes and asserts at
// compile time that its inferred types equal these.

import type { NodeKind } from './catalogue.ts';

export const FORMAT_TAG = 'faultline';
export const CURRENT_VERSION = 2;

// The kinds themselves are defined once, in the catalogue.
export type { NodeKind } from './catalogue.ts';

export const GROUP_KINDS = ['region', 'zone'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export type ComponentKind = Exclude<NodeKind, GroupKind>;

export const EDGE_KINDS = ['request', 'async', 'replication'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export type PropValue = string | number | boolean;
export type Props = Record<string, PropValue>;

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Relative to the parent group when `parentId` is set, as React Flow does. */
  position: Point;
  /** Groups always carry a size; components may. */
  size?: Size;
  parentId?: string;
  notes?: string;
  props: Props;
}

export interface EdgeProps {
  /** How the edge is used; `request` when absent. */
  kind?: EdgeKind;
  protocol?: string;
  /** `strong`: the caller needs reads that see the latest write. */
  consistency?: 'strong';
  /** How many times the caller retries a failed call (0 = never). */
  retries?: number;
  /** Retries wait longer each time (exponential backoff with jitter). */
  backoff?: boolean;
  /** The caller stops calling a failing callee for a while. */
  circuitBreaker?: boolean;
  /** The caller gives up after this many milliseconds. */
  timeoutMs?: number;
  /** Version 2: the caller degrades gracefully without the target. */
  optional?: boolean;
  /** Version 2: calls made here per request the caller receives (default 1). */
  callsPerRequest?: number;
  /** Version 2: this target's share at a distributor (default 1). */
  weight?: number;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  props: EdgeProps;
}

export interface Diagram {
  format: typeof FORMAT_TAG;
  version: typeof CURRENT_VERSION;
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export function isGroupKind(kind: NodeKind): kind is GroupKind {
  return kind === 'region' || kind === 'zone';
}

export function edgeKindOf(edge: DiagramEdge): EdgeKind {
  return edge.props.kind ?? 'request';
}

export function replicasOf(node: Pick<DiagramNode, 'props'>): number {
  const replicas = node.props.replicas;
  return typeof replicas === 'number' && replicas >= 1 ? replicas : 1;
}

export function emptyDiagram(title = 'Untitled diagram'): Diagram {
  return { format: FORMAT_TAG, version: CURRENT_VERSION, title, nodes: [], edges: [] };
}
