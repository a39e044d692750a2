// What a Mermaid diagram says, whichever syntax it came in: the flowchart parser and
// the architecture-beta adapter both produce this, and import.ts turns it into a
// Faultline document and a report. Every element keeps where it was written, for the
// report and for errors.

export interface Place {
  /** 1-based. */
  line: number;
  column: number;
}

/** A flowchart node's outline, or an architecture service's built-in icon family. */
export type NodeShape =
  | 'rect'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'double-circle'
  | 'asymmetric'
  | 'rhombus'
  | 'hexagon'
  | 'parallelogram'
  | 'trapezoid';

export interface MermaidNode {
  id: string;
  /** As shown: Mermaid's escapes decoded, line breaks as spaces, never HTML. */
  label: string;
  /** Null when the node was never given a shape (a bare id). */
  shape: NodeShape | null;
  /** Mermaid's newer `@{ shape: cyl }` name, or an architecture icon (`database`, `logos:aws-s3`). */
  shapeName?: string;
  /** Class names given with `:::name` or `class id name`. */
  classes?: string[];
  /** The container (subgraph, group) it was written in. */
  parent?: string;
  at: Place;
}

export interface MermaidContainer {
  id: string;
  label: string;
  parent?: string;
  icon?: string;
  at: Place;
}

export type Stroke = 'solid' | 'dotted' | 'thick' | 'invisible';

export interface MermaidEdge {
  source: string;
  target: string;
  label: string;
  stroke: Stroke;
  /** Arrowheads (or circles, crosses) at the start and at the end. */
  heads: { start: boolean; end: boolean };
  /** The junction an architecture edge was joined through. */
  via?: string;
  at: Place;
}

export interface MermaidJunction {
  id: string;
  parent?: string;
  /** How many edges it joined into direct ones. */
  joined: number;
  at: Place;
}

/** A `%% faultline: {...}` line: Faultline's own data, written by the export. */
export interface MermaidRecord {
  text: string;
  at: Place;
}

export type Direction = 'LR' | 'RL' | 'TB' | 'BT';

export interface MermaidGraph {
  diagram: 'flowchart' | 'architecture';
  direction: Direction;
  title?: string;
  nodes: MermaidNode[];
  containers: MermaidContainer[];
  edges: MermaidEdge[];
  junctions: MermaidJunction[];
  records: MermaidRecord[];
}

/** A syntax error, with where it is. */
export interface MermaidSyntaxError {
  message: string;
  at: Place;
}

export type MermaidParse = { ok: true; graph: MermaidGraph } | { ok: false; error: MermaidSyntaxError };
