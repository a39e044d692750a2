import { edgeKindOf, isGroupKind, type Diagram, type DiagramEdge, type DiagramNode, type EdgeKind, type NodeKind } from '../../../model/types.ts';
import { recordLine, type EdgeRecord, type NodeRecord } from './record.ts';
import { labelText, mermaidLabel } from './text.ts';

// A document as a Mermaid flowchart to paste into a README: zones and regions as
// subgraphs, databases as cylinders, clients as stadiums, queues and streams as
// subroutines, third parties as hexagons; requests as arrows, async edges dashed,
// replication thick; each component's class is its kind (`:::sql_database`), for
// styling with a classDef and so the kind survives without the records. Labels are quoted with every special character written as an
// entity code, so they show as text. What Mermaid cannot carry (kinds, properties,
// positions, notes, ids) follows as `%% faultline:` comment lines (record.ts), which
// renderers ignore and the importer reads, so the file opens again as the same
// document.

const SHAPES: Partial<Record<NodeKind, readonly [string, string]>> = {
  'sql-database': ['[(', ')]'],
  'nosql-database': ['[(', ')]'],
  client: ['([', '])'],
  queue: ['[[', ']]'],
  stream: ['[[', ']]'],
  external: ['{{', '}}'],
};

const ARROWS: Record<EdgeKind, string> = { request: '-->', async: '-.->', replication: '==>' };

// Words Mermaid reads as syntax wherever an id stands, and names Mermaid's renderer
// looks up on plain objects (an id `hasOwnProperty` makes it fail).
const RESERVED = new Set(['end', 'graph', 'flowchart', 'flowchart-elk', 'subgraph', 'direction', 'style', 'linkstyle', 'classdef', 'class', 'click', 'call', 'href', 'default', 'acctitle', 'accdescr', 'prototype']);
const isObjectMember = (id: string) => id in Object.prototype;
const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Mermaid ids: a component's Faultline id where it is a plain word Mermaid does not
 *  reserve, else a fresh `node_N`; a group's id starts with its kind (`zone_a`,
 *  `region_2`), so even without its record it reads back as a zone or region. */
function mermaidIds(nodes: readonly DiagramNode[]): Map<string, string> {
  const usable = (id: string) => SAFE_ID.test(id) && !RESERVED.has(id.toLowerCase()) && !isObjectMember(id);
  const taken = new Set(nodes.filter((node) => !isGroupKind(node.kind)).map((node) => node.id).filter(usable));
  const ids = new Map<string, string>();
  const fresh = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  };
  let next = 1;
  for (const node of nodes) {
    if (isGroupKind(node.kind)) ids.set(node.id, fresh(/^[A-Za-z0-9_]{1,48}$/.test(node.id) ? `${node.kind}_${node.id}` : `${node.kind}_${next++}`));
    else if (usable(node.id)) ids.set(node.id, node.id);
    else ids.set(node.id, fresh(`node_${next++}`));
  }
  return ids;
}

const quoted = (text: string) => `"${mermaidLabel(text)}"`;
const shows = (text: string) => labelText(mermaidLabel(text)) === text;

function nodeRecord(node: DiagramNode, mermaidId: string): NodeRecord {
  const record: NodeRecord = { node: mermaidId };
  if (mermaidId !== node.id) record.id = node.id;
  record.kind = node.kind;
  if (!shows(node.label)) record.label = node.label;
  if (node.notes !== undefined) record.notes = node.notes;
  record.position = node.position;
  if (node.size) record.size = node.size;
  if (Object.keys(node.props).length > 0) record.props = node.props;
  return record;
}

function edgeLine(edge: DiagramEdge, ids: ReadonlyMap<string, string>): string {
  const label = edge.label === undefined || edge.label === '' ? '' : `|${quoted(edge.label)}|`;
  return `${ids.get(edge.source)} ${ARROWS[edgeKindOf(edge)]}${label} ${ids.get(edge.target)}`;
}

/** `records: false` leaves out the `%% faultline:` lines: a diagram to read (the review
 *  report's), not one to open again. */
export function exportMermaid(doc: Diagram, { records = true }: { records?: boolean } = {}): string {
  const ids = mermaidIds(doc.nodes);
  const children = new Map<string | undefined, DiagramNode[]>();
  const known = new Set(doc.nodes.map((node) => node.id));
  for (const node of doc.nodes) {
    const parent = node.parentId !== undefined && known.has(node.parentId) ? node.parentId : undefined;
    const siblings = children.get(parent);
    if (siblings) siblings.push(node);
    else children.set(parent, [node]);
  }
  // Mermaid reads the front matter's title with markup in mind (a `<` in it can make
  // the rest of the diagram fail to parse), so the title shown is plain; the exact one
  // is in a record when they differ.
  const shownTitle = doc.title.replace(/[<>&"'`#~\\]|[^\S ]|[^\u0020-\uffff]/g, ' ').replace(/ {2,}/g, ' ').trim();
  const lines = ['---', `title: ${JSON.stringify(shownTitle)}`, '---', 'flowchart LR'];
  // Components are declared first, in the document's order, so their labels and
  // shapes read in one place; subgraphs then name their members.
  for (const node of doc.nodes) {
    if (isGroupKind(node.kind)) continue;
    const [open, close] = SHAPES[node.kind] ?? ['[', ']'];
    lines.push(`  ${ids.get(node.id)}${open}${quoted(node.label)}${close}:::${node.kind.replace(/-/g, '_')}`);
  }
  const subgraph = (group: DiagramNode, depth: number) => {
    const indent = '  '.repeat(depth);
    lines.push(`${indent}subgraph ${ids.get(group.id)}[${quoted(group.label)}]`);
    for (const child of children.get(group.id) ?? []) {
      if (isGroupKind(child.kind)) subgraph(child, depth + 1);
      else lines.push(`${indent}  ${ids.get(child.id)}`);
    }
    lines.push(`${indent}end`);
  };
  for (const node of children.get(undefined) ?? []) if (isGroupKind(node.kind)) subgraph(node, 1);
  for (const edge of doc.edges) lines.push(`  ${edgeLine(edge, ids)}`);

  if (!records) return `${lines.join('\n')}\n`;
  lines.push('  %% Faultline data: kinds, properties and positions, so this opens in Faultline as the same design. Mermaid ignores these lines.');
  if (shownTitle !== doc.title) lines.push(`  ${recordLine({ title: doc.title })}`);
  for (const node of doc.nodes) lines.push(`  ${recordLine(nodeRecord(node, ids.get(node.id)!))}`);
  const seen = new Map<string, number>();
  for (const edge of doc.edges) {
    const ends: [string, string] = [ids.get(edge.source)!, ids.get(edge.target)!];
    const pair = JSON.stringify(ends);
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    const record: EdgeRecord = { edge: ends, ...(nth > 0 ? { nth } : {}), id: edge.id };
    if (edge.label !== undefined && (edge.label === '' || !shows(edge.label))) record.label = edge.label;
    if (Object.keys(edge.props).length > 0) record.props = edge.props;
    lines.push(`  ${recordLine(record)}`);
  }
  return `${lines.join('\n')}\n`;
}
