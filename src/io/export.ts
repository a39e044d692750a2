import type { Diagram, DiagramEdge, DiagramNode } from '../model/types.ts';
import { canonicalNodeOrder, compareIds } from './order.ts';

// Writing documents. The output is meant to live in git: two-space indentation, a
// final newline, and one stable order for everything, so a small change to the
// diagram is a small diff and export -> import -> export is byte-identical.
//
//   document: format, version, title, nodes, edges
//   node:     id, kind, label, position {x, y}, size {width, height}, parentId, notes,
//             props (keys sorted)
//   edge:     id, source, target, label, props (keys sorted)
//   nodes:    regions, then zones, then components (every parent before its
//             children), each group by id; edges by id
//
// `props` is always written, `{}` when empty; optional fields only when set.

function sortedProps(props: object): Record<string, unknown> {
  // fromEntries defines own properties, so no key can reach a prototype.
  return Object.fromEntries(
    Object.entries(props)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => compareIds(a, b)),
  );
}

function nodeOut(node: DiagramNode): Record<string, unknown> {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    position: { x: node.position.x, y: node.position.y },
    ...(node.size ? { size: { width: node.size.width, height: node.size.height } } : {}),
    ...(node.parentId !== undefined ? { parentId: node.parentId } : {}),
    ...(node.notes !== undefined ? { notes: node.notes } : {}),
    props: sortedProps(node.props),
  };
}

function edgeOut(edge: DiagramEdge): Record<string, unknown> {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.label !== undefined ? { label: edge.label } : {}),
    props: sortedProps(edge.props),
  };
}

/** The document as plain data in file order: what exportJson writes. */
export function toFileData(doc: Diagram): Record<string, unknown> {
  return {
    format: doc.format,
    version: doc.version,
    title: doc.title,
    nodes: canonicalNodeOrder(doc.nodes).map(nodeOut),
    edges: [...doc.edges].sort((a, b) => compareIds(a.id, b.id)).map(edgeOut),
  };
}

/** The file's text: pretty-printed with two spaces and a final newline. */
export function exportJson(doc: Diagram): string {
  return `${JSON.stringify(toFileData(doc), null, 2)}\n`;
}

/** Compact JSON in the same order, for share links. */
export function exportCompactJson(doc: Diagram): string {
  return JSON.stringify(toFileData(doc));
}

const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_NAME_LENGTH = 80;

/** `<safe-title><extension>` (`.faultline.json` unless given): lower case, letters and digits of any script kept,
 *  everything else (slashes, dots, spaces, control characters) turned into single
 *  dashes, at most 80 characters, never empty or a name Windows reserves. */
export function exportFileName(title: string, extension = '.faultline.json'): string {
  let base = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  base = Array.from(base).slice(0, MAX_NAME_LENGTH).join('').replace(/[-_]+$/, '');
  if (!base) base = 'diagram';
  if (RESERVED_ON_WINDOWS.test(base)) base = `${base}-diagram`;
  return `${base}${extension}`;
}
