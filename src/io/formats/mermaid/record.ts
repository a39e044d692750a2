import type { EdgeProps, Point, Props, Size } from '../../../model/types.ts';

// Faultline's own data in a Mermaid flowchart: what Mermaid cannot say (a kind, the
// properties, positions, notes, ids that are not Mermaid ids) on comment lines
//
//   %% faultline: {"node":"orders","kind":"service","position":{"x":40,"y":80},"props":{"replicas":2}}
//   %% faultline: {"edge":["orders","db"],"id":"e1","props":{"kind":"async"}}
//   %% faultline: {"title":"Shop"}
//
// Mermaid and GitHub ignore comments, so the diagram renders as drawn, and the lines
// survive a copy into a README and back. Each record names its node by Mermaid id,
// and its edge by the Mermaid ids of its ends (and `nth`, counting from 0, when the
// same two nodes have several edges), so editing the visible diagram (a label, a new
// node, lines moved about) keeps the records that still match. JSON on one line
// escapes every character that could end the comment.

export const RECORD_PREFIX = '%% faultline: ';

export interface NodeRecord {
  node: string;
  /** Only when the Faultline id is not the Mermaid id. */
  id?: string;
  kind?: string;
  /** Only when the visible label cannot show the text exactly. */
  label?: string;
  notes?: string;
  position?: Point;
  size?: Size;
  props?: Props;
}

export interface EdgeRecord {
  edge: [string, string];
  nth?: number;
  id?: string;
  label?: string;
  props?: EdgeProps;
}

export interface DiagramRecord {
  title: string;
}

export interface Records {
  nodes: Map<string, NodeRecord>;
  /** Keyed by `edgeKey`. */
  edges: Map<string, EdgeRecord>;
  title?: string;
  /** Lines that are not Faultline data after all, for the report. */
  unreadable: number;
}

export const edgeKey = (source: string, target: string, nth: number) => JSON.stringify([source, target, nth]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPoint = (value: unknown): value is Point => isObject(value) && typeof value.x === 'number' && typeof value.y === 'number';
const isSize = (value: unknown): value is Size => isObject(value) && typeof value.width === 'number' && typeof value.height === 'number';

/** The records among the texts after `faultline:`; each field is taken only when it
 *  has the right type, and props are left for the document's validation to judge. */
export function readRecords(texts: readonly string[]): Records {
  const records: Records = { nodes: new Map(), edges: new Map(), unreadable: 0 };
  for (const text of texts) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      records.unreadable++;
      continue;
    }
    if (!isObject(value)) {
      records.unreadable++;
      continue;
    }
    const strings = <K extends string>(keys: readonly K[]) => {
      const picked: Partial<Record<K, string>> = {};
      for (const key of keys) if (typeof value[key] === 'string') picked[key] = value[key];
      return picked;
    };
    if (typeof value.node === 'string') {
      const record: NodeRecord = { node: value.node, ...strings(['id', 'kind', 'label', 'notes'] as const) };
      if (isPoint(value.position)) record.position = { x: value.position.x, y: value.position.y };
      if (isSize(value.size)) record.size = { width: value.size.width, height: value.size.height };
      if (isObject(value.props)) record.props = value.props as Props;
      records.nodes.set(record.node, record);
    } else if (Array.isArray(value.edge) && value.edge.length === 2 && value.edge.every((end) => typeof end === 'string')) {
      const nth = typeof value.nth === 'number' && Number.isInteger(value.nth) && value.nth >= 0 ? value.nth : 0;
      const record: EdgeRecord = { edge: [value.edge[0] as string, value.edge[1] as string], ...strings(['id', 'label'] as const) };
      if (nth > 0) record.nth = nth;
      if (isObject(value.props)) record.props = value.props as EdgeProps;
      records.edges.set(edgeKey(record.edge[0], record.edge[1], nth), record);
    } else if (typeof value.title === 'string') records.title = value.title;
    else records.unreadable++;
  }
  return records;
}

/** One record line. */
export function recordLine(record: NodeRecord | EdgeRecord | DiagramRecord): string {
  return `${RECORD_PREFIX}${JSON.stringify(record).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)}`;
}
