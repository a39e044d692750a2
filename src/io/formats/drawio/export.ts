import { COMPONENT_SIZE, kindInfo } from '../../../model/catalogue.ts';
import { edgeKindOf, isGroupKind, type Diagram, type DiagramEdge, type DiagramNode, type EdgeKind, type NodeKind } from '../../../model/types.ts';
import { parentsFirst } from '../../order.ts';
import { escapeAttribute, isXmlText, KIND_KEY, RECORD_ATTRIBUTE, recordJson, type CellRecord } from './record.ts';

// A document as an uncompressed draw.io file: one page named after the title; groups
// as containers with their children inside (positions relative, as in Faultline);
// components as shapes drawn in a style per kind (cylinders for databases); edges as
// arrows from caller to callee, dashed as the canvas dashes them. Every cell carries
// `faultline=<kind>` in its style and its props as Faultline data, so importing the
// file gives back the same document.

const CATEGORY_COLOURS: Record<string, { fill: string; stroke: string }> = {
  'Clients & edge': { fill: '#dae8fc', stroke: '#6c8ebf' },
  Traffic: { fill: '#e1d5e7', stroke: '#9673a6' },
  Compute: { fill: '#d5e8d4', stroke: '#82b366' },
  Data: { fill: '#fff2cc', stroke: '#d6b656' },
  Messaging: { fill: '#ffe6cc', stroke: '#d79b00' },
};

/** The draw.io style Faultline writes for a kind; the importer reads the kind back from it. */
export function styleForKind(kind: NodeKind): string {
  if (kind === 'region') return `rounded=0;container=1;collapsible=0;fillColor=none;strokeColor=#00A4A6;verticalAlign=top;align=left;spacingLeft=8;fontStyle=1;html=0;${KIND_KEY}=region;`;
  if (kind === 'zone') return `rounded=1;arcSize=4;dashed=1;container=1;collapsible=0;fillColor=none;strokeColor=#147EBA;verticalAlign=top;align=left;spacingLeft=8;html=0;${KIND_KEY}=zone;`;
  const info = kindInfo(kind);
  const colour = CATEGORY_COLOURS[info.category] ?? { fill: '#f5f5f5', stroke: '#666666' };
  const shape = kind === 'sql-database' || kind === 'nosql-database' ? 'shape=cylinder3;boundedLbl=1;size=10;' : 'rounded=1;';
  return `${shape}whiteSpace=wrap;html=0;fillColor=${colour.fill};strokeColor=${colour.stroke};${KIND_KEY}=${kind};`;
}

const EDGE_DASH: Record<EdgeKind, string> = { request: '', async: 'dashed=1;dashPattern=8 5;', replication: 'dashed=1;dashPattern=2 4;' };

function edgeStyle(edge: DiagramEdge): string {
  return `edgeStyle=orthogonalEdgeStyle;rounded=0;html=0;endArrow=classic;${EDGE_DASH[edgeKindOf(edge)]}`;
}

const attribute = (name: string, value: string) => ` ${name}="${escapeAttribute(value)}"`;
const number = (value: number) => String(value === 0 ? 0 : value);

/** Cell ids: the Faultline id where XML can hold it and it is free, else a fresh one. */
function cellIds(doc: Diagram): { ids: Map<string, string>; root: string; layer: string } {
  const taken = new Set([...doc.nodes.map((node) => node.id), ...doc.edges.map((edge) => edge.id)]);
  const fresh = (base: string) => {
    let id = base;
    for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const root = fresh('0');
  const layer = fresh('1');
  const ids = new Map<string, string>();
  for (const { id } of [...doc.nodes, ...doc.edges]) ids.set(id, id !== '' && isXmlText(id) && id !== root && id !== layer ? id : fresh('faultline-cell'));
  return { ids, root, layer };
}

/** The label attribute and, when XML cannot hold the text exactly, the record's copy. */
function text(value: string): { shown: string; exact?: string } {
  return isXmlText(value) ? { shown: value } : { shown: value, exact: value };
}

function nodeCell(node: DiagramNode, id: string, parent: string): string {
  const label = text(node.label);
  const record: CellRecord = { props: node.props };
  if (id !== node.id) record.id = node.id;
  if (label.exact !== undefined) record.label = label.exact;
  const notesSafe = node.notes === undefined || isXmlText(node.notes);
  if (!notesSafe || node.notes === '') record.notes = node.notes;
  if (!isGroupKind(node.kind) && node.size) record.size = node.size;
  const size = node.size ?? COMPONENT_SIZE;
  const tooltip = node.notes !== undefined && notesSafe ? attribute('tooltip', node.notes) : '';
  return (
    `<object${attribute('id', id)}${attribute('label', label.shown)}${tooltip}${attribute(RECORD_ATTRIBUTE, recordJson(record))}>` +
    `<mxCell${attribute('style', styleForKind(node.kind))} vertex="1"${attribute('parent', parent)}>` +
    `<mxGeometry x="${number(node.position.x)}" y="${number(node.position.y)}" width="${number(size.width)}" height="${number(size.height)}" as="geometry"/>` +
    `</mxCell></object>`
  );
}

function edgeCell(edge: DiagramEdge, id: string, ids: Map<string, string>, layer: string): string {
  const record: CellRecord = { props: edge.props };
  if (id !== edge.id) record.id = edge.id;
  const label = text(edge.label ?? '');
  if (label.exact !== undefined || edge.label === '') record.label = edge.label;
  return (
    `<object${attribute('id', id)}${attribute('label', label.shown)}${attribute(RECORD_ATTRIBUTE, recordJson(record))}>` +
    `<mxCell${attribute('style', edgeStyle(edge))} edge="1"${attribute('parent', layer)}${attribute('source', ids.get(edge.source) ?? '')}${attribute('target', ids.get(edge.target) ?? '')}>` +
    `<mxGeometry relative="1" as="geometry"/></mxCell></object>`
  );
}

export function exportDrawio(doc: Diagram): string {
  const { ids, root, layer } = cellIds(doc);
  const fileRecord = isXmlText(doc.title) && doc.title !== '' ? '' : attribute(RECORD_ATTRIBUTE, recordJson({ title: doc.title }));
  const lines = [
    `<mxfile host="Faultline"${fileRecord}>`,
    `  <diagram${attribute('id', 'faultline')}${attribute('name', doc.title)}>`,
    '    <mxGraphModel grid="1" gridSize="10" guides="1" connect="1" arrows="1" page="0">',
    '      <root>',
    `        <mxCell${attribute('id', root)}/>`,
    `        <mxCell${attribute('id', layer)}${attribute('parent', root)}/>`,
    ...parentsFirst(doc.nodes).map((node) => `        ${nodeCell(node, ids.get(node.id)!, node.parentId === undefined ? layer : ids.get(node.parentId)!)}`),
    ...doc.edges.map((edge) => `        ${edgeCell(edge, ids.get(edge.id)!, ids, layer)}`),
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ];
  return lines.join('\n');
}
