import { NODE_KINDS, type NodeKind } from '../../../model/catalogue.ts';
import { CURRENT_VERSION, EDGE_KINDS, FORMAT_TAG, isGroupKind, type EdgeKind, type GroupKind } from '../../../model/types.ts';
import { tooLarge, type ImportError } from '../../errors.ts';
import { importValue, type ImportResult } from '../../import.ts';
import { oversizeBytes } from '../../limits.ts';
import { edgeKindByLabel, groupByLabel, isDataStore, kindByLabel } from '../labels.ts';
import { reportNotes, type ImportReport, type ReportEntry } from '../report.ts';
import { parseArchitecture } from './architecture.ts';
import { parseFlowchart } from './flowchart/parser.ts';
import type { MermaidContainer, MermaidEdge, MermaidGraph, MermaidNode, MermaidParse, Place } from './graph.ts';
import { placeItems } from './place.ts';
import { edgeKey, readRecords, type Records } from './record.ts';
import { diagramHeader } from './sniff.ts';

// Mermaid in, a Faultline document and a report of every element out. A flowchart
// goes through Faultline's own parser (flowchart/parser.ts), architecture-beta through
// Mermaid's (architecture.ts); both give a MermaidGraph, mapped here the way a
// draw.io page is: Faultline's records first, then the node's shape or icon, then the
// label's words (the catalogue's synonyms), then a reported default. Subgraphs and
// groups named as zones, AZs or regions become groups; others vanish and say so.

const KINDS = new Set<string>(NODE_KINDS);
const isComponentKind = (kind: NodeKind) => !isGroupKind(kind);

const failure = (message: string, at: Place): ImportResult => ({ ok: false, error: { kind: 'notMermaid', message, line: at.line, column: at.column } satisfies ImportError });

// Mermaid's names for a cylinder in `@{ shape: ... }`, and architecture's database icon.
const CYLINDERS = new Set(['cyl', 'cylinder', 'db', 'database', 'das', 'h-cyl', 'horizontal-cylinder', 'lin-cyl']);
// Architecture's built-in icons, generic enough that a label naming a kind ("API
// gateway" on a server) says more; they decide only when the label does not.
const ICONS: Record<string, NodeKind | null> = { disk: 'object-storage', server: 'service', internet: 'client', cloud: null };

type Verdict = { kind: NodeKind; how: ReportEntry['how']; guessed: boolean; detail: string } | { drop: string };

function classifyNode(node: MermaidNode, records: Records): Verdict {
  const own = records.nodes.get(node.id)?.kind;
  if (own !== undefined && KINDS.has(own) && isComponentKind(own as NodeKind)) return { kind: own as NodeKind, how: 'faultline', guessed: false, detail: `its faultline record says ${own}` };
  // A class named after a kind (`:::sql_database`), as Faultline's export writes.
  const classKind = node.classes?.map((name) => name.replace(/_/g, '-')).find((name) => KINDS.has(name) && isComponentKind(name as NodeKind));
  if (classKind !== undefined) return { kind: classKind as NodeKind, how: 'faultline', guessed: false, detail: `its class names the kind ${classKind}` };
  const named = node.shapeName?.toLowerCase();
  if (node.shape === 'cylinder' || (named !== undefined && CYLINDERS.has(named))) {
    const refined = kindByLabel(node.label, isDataStore);
    if (refined?.kind) return { kind: refined.kind, how: 'label', guessed: false, detail: `a cylinder whose label says ${JSON.stringify(refined.word)}` };
    return { kind: 'sql-database', how: 'shape', guessed: true, detail: 'a cylinder, the usual sign of a database; SQL unless the label says otherwise' };
  }
  const builtIn = named !== undefined && Object.hasOwn(ICONS, named) ? ICONS[named] : undefined;
  if (named !== undefined && builtIn === undefined) {
    // An icon set's name (`logos:aws-lambda`, `fa:database`) read for the catalogue's words.
    const byIcon = kindByLabel(named.replace(/^[a-z0-9-]+:/, '').replace(/^(aws|gcp|azure|google-cloud)-/, ''), isComponentKind);
    if (byIcon?.kind) return { kind: byIcon.kind, how: 'shape', guessed: false, detail: `its icon ${JSON.stringify(node.shapeName)} says ${JSON.stringify(byIcon.word)}` };
  }
  const byLabel = kindByLabel(node.label, isComponentKind, true);
  if (byLabel && byLabel.kind === null) return { drop: `its label says ${JSON.stringify(byLabel.word)}: networking, organisation, delivery or monitoring, not a component` };
  if (byLabel?.kind) return { kind: byLabel.kind, how: 'label', guessed: false, detail: `its label says ${JSON.stringify(byLabel.word)}` };
  if (builtIn) return { kind: builtIn, how: 'shape', guessed: false, detail: `its ${named} icon` };
  return { kind: 'service', how: 'default', guessed: true, detail: 'neither its shape nor its label names a kind, so it is taken as a service' };
}

function classifyContainer(container: MermaidContainer, records: Records): { kind: GroupKind; how: ReportEntry['how']; detail: string } | null {
  const own = records.nodes.get(container.id)?.kind;
  if (own !== undefined && KINDS.has(own) && isGroupKind(own as NodeKind)) return { kind: own as GroupKind, how: 'faultline', detail: `its faultline record says ${own}` };
  const named = groupByLabel(container.label) ?? (container.id === container.label ? null : groupByLabel(container.id));
  return named ? { kind: named.kind, how: 'label', detail: `named with ${JSON.stringify(named.word)}` } : null;
}

const allowedParent = (child: NodeKind, parent: GroupKind) => (child === 'region' ? false : child === 'zone' ? parent === 'region' : true);

function describeEnds(edge: MermaidEdge): { reversed: boolean; guessed: boolean; detail: string } {
  if (edge.via !== undefined) {
    const way = edge.heads.end ? '' : ', and no arrowhead says which way, so it is read in the order written';
    return { reversed: false, guessed: !edge.heads.end, detail: `; it runs through junction ${JSON.stringify(edge.via)}${way}` };
  }
  if (edge.heads.end && !edge.heads.start) return { reversed: false, guessed: false, detail: '' };
  if (edge.heads.start && !edge.heads.end) return { reversed: true, guessed: false, detail: '; its arrowhead is at the start, so it points the other way' };
  return { reversed: false, guessed: true, detail: `; it has ${edge.heads.start ? 'arrowheads at both ends' : 'no arrowhead'}, so it is read in the order written` };
}

function edgeKind(edge: MermaidEdge, diagram: MermaidGraph['diagram']): { kind: EdgeKind; how: ReportEntry['how']; guessed: boolean; detail: string } {
  const named = edgeKindByLabel(edge.label);
  if (named) return { ...named, how: 'label', guessed: false };
  if (edge.stroke === 'dotted') return { kind: 'async', how: 'shape', guessed: true, detail: 'it is dotted (-.->), which flowcharts often use for asynchronous flow' };
  return { kind: 'request', how: 'default', guessed: false, detail: diagram === 'flowchart' ? 'a request, as every plain arrow is' : 'a request, as every architecture edge is' };
}

export function fromGraph(graph: MermaidGraph): ImportResult {
  const records = readRecords(graph.records.map((record) => record.text));
  const entries: ReportEntry[] = [];
  const entry = (id: string, label: string, element: ReportEntry['element'], outcome: ReportEntry['outcome'], detail: string, extra: Partial<ReportEntry> = {}): ReportEntry => {
    const made: ReportEntry = { id, label, element, outcome, guessed: false, detail, ...extra };
    entries.push(made);
    return made;
  };

  // Containers: zone and region groups kept, the rest dissolved into their parent.
  const containerById = new Map(graph.containers.map((container) => [container.id, container]));
  const groupKind = new Map<string, GroupKind>();
  for (const container of graph.containers) {
    const verdict = classifyContainer(container, records);
    if (verdict) {
      groupKind.set(container.id, verdict.kind);
      entry(container.id, container.label, 'container', 'group', verdict.detail, { kind: verdict.kind, how: verdict.how });
    } else entry(container.id, container.label, 'container', 'dropped', 'not a zone or region (Faultline groups only by failure domain); what it holds stays, outside it');
  }
  /** The kept group that holds an element written in `container`, if its kind may be there. */
  const keptParent = (container: string | undefined, kind: NodeKind): string | undefined => {
    for (let at = container, depth = 0; at !== undefined && depth < 100; at = containerById.get(at)?.parent, depth++) {
      const kept = groupKind.get(at);
      if (kept) return allowedParent(kind, kept) ? at : undefined;
    }
    return undefined;
  };

  const kept = new Map<string, { kind: NodeKind; parent?: string; label: string }>();
  for (const container of graph.containers) {
    const kind = groupKind.get(container.id);
    if (kind) kept.set(container.id, { kind, parent: keptParent(container.parent, kind), label: container.label });
  }
  for (const node of graph.nodes) {
    const verdict = classifyNode(node, records);
    if ('drop' in verdict) {
      entry(node.id, node.label, 'shape', 'dropped', verdict.drop);
      continue;
    }
    entry(node.id, node.label, 'shape', 'component', verdict.detail, { kind: verdict.kind, how: verdict.how, guessed: verdict.guessed });
    kept.set(node.id, { kind: verdict.kind, parent: keptParent(node.parent, verdict.kind), label: node.label });
  }
  for (const junction of graph.junctions) {
    entry(junction.id, '', 'junction', 'merged', `a junction; its ${junction.joined === 1 ? 'edge runs' : `${junction.joined} edges run`} straight between the services it joins`);
  }

  // Edges, matched to their records by their ends as written.
  const seen = new Map<string, number>();
  const edges: Record<string, unknown>[] = [];
  const edgeEnds: { source: string; target: string }[] = [];
  const taken = new Set<string>([...kept.keys()].map((id) => records.nodes.get(id)?.id ?? id));
  for (const record of records.edges.values()) if (record.id !== undefined) taken.add(record.id);
  const fresh = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const idOf = (mermaidId: string) => records.nodes.get(mermaidId)?.id ?? mermaidId;
  for (const edge of graph.edges) {
    const pair = JSON.stringify([edge.source, edge.target]);
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    const record = records.edges.get(edgeKey(edge.source, edge.target, nth));
    const label = record?.label ?? edge.label;
    const id = `${edge.source} → ${edge.target}`;
    if (edge.stroke === 'invisible' && !record) {
      entry(id, label, 'edge', 'dropped', 'an invisible link (~~~) only places nodes');
      continue;
    }
    const missing = [edge.source, edge.target].filter((end) => !kept.has(end));
    if (missing.length > 0) {
      const known = (end: string) => graph.nodes.some((node) => node.id === end) || containerById.has(end);
      entry(id, label, 'edge', 'dropped', `${missing.map((end) => JSON.stringify(end)).join(' and ')} ${known(missing[0]!) ? 'is not kept' : 'is not defined'}${missing.length > 1 ? ' (both ends)' : ''}`);
      continue;
    }
    if (edge.source === edge.target && !record) {
      entry(id, label, 'edge', 'dropped', 'both ends are the same node');
      continue;
    }
    const ends = record ? { reversed: false, guessed: false, detail: '' } : describeEnds(edge);
    const props = record?.props ?? {};
    const judged = record
      ? { kind: (typeof props.kind === 'string' && (EDGE_KINDS as readonly string[]).includes(props.kind) ? props.kind : 'request') as EdgeKind, how: 'faultline' as const, guessed: false, detail: 'its faultline record' }
      : edgeKind(edge, graph.diagram);
    const [source, target] = ends.reversed ? [edge.target, edge.source] : [edge.source, edge.target];
    const made: Record<string, unknown> = { id: record?.id ?? fresh(`${idOf(source)}-${idOf(target)}`), source: idOf(source), target: idOf(target) };
    if (record?.label !== undefined || label !== '') made.label = label;
    made.props = record ? props : judged.kind === 'request' ? {} : { kind: judged.kind };
    edges.push(made);
    edgeEnds.push({ source, target });
    entry(id, label, 'edge', 'edge', `${judged.detail}${ends.detail}`, { kind: judged.kind, how: judged.how, guessed: judged.guessed || ends.guessed });
  }

  // Positions: the records' where they exist, else a layered start.
  const placed = placeItems(
    [...kept].map(([id, each]) => ({ id, parent: each.parent, group: isGroupKind(each.kind) })),
    edgeEnds,
    graph.direction,
  );
  // Nodes with records in the records' order (the document's, when Faultline wrote
  // them), then the rest as first written.
  const recordOrder = new Map([...records.nodes.keys()].map((id, index) => [id, index]));
  const order = [...kept].sort(([a], [b]) => (recordOrder.get(a) ?? Infinity) - (recordOrder.get(b) ?? Infinity));
  const nodes: Record<string, unknown>[] = [];
  for (const [mermaidId, each] of order) {
    const record = records.nodes.get(mermaidId);
    const place = placed.get(mermaidId)!;
    const node: Record<string, unknown> = { id: idOf(mermaidId), kind: each.kind, label: record?.label ?? each.label, position: record?.position ?? place.position };
    if (isGroupKind(each.kind)) node.size = record?.size ?? place.size;
    else if (record?.size) node.size = record.size;
    if (each.parent !== undefined) node.parentId = idOf(each.parent);
    if (record?.notes !== undefined) node.notes = record.notes;
    node.props = record?.props ?? {};
    nodes.push(node);
  }

  const report: ImportReport = { format: 'mermaid', diagram: graph.diagram, entries };
  const title = records.title ?? graph.title ?? (graph.diagram === 'flowchart' ? 'Mermaid flowchart' : 'Mermaid architecture');
  const result = importValue({ format: FORMAT_TAG, version: CURRENT_VERSION, title, nodes, edges });
  if (!result.ok) return result;
  const unreadable = records.unreadable > 0 ? [`${records.unreadable} "%% faultline:" line${records.unreadable === 1 ? ' is' : 's are'} not Faultline data and ${records.unreadable === 1 ? 'was' : 'were'} left out.`] : [];
  return { ok: true, doc: result.doc, notes: [...reportNotes(report), ...unreadable], report };
}

export async function importMermaid(text: string): Promise<ImportResult> {
  const bytes = oversizeBytes(text);
  if (bytes !== null) return { ok: false, error: tooLarge(bytes) };
  const header = diagramHeader(text);
  if (!header) return failure('there is no diagram in it (expected "flowchart", "graph" or "architecture-beta")', { line: 1, column: 1 });
  let parsed: MermaidParse;
  if (header.type === 'architecture-beta') parsed = await parseArchitecture(text);
  else if (header.type === 'flowchart' || header.type === 'graph' || header.type === 'flowchart-elk') parsed = parseFlowchart(text);
  else return failure(`it is a Mermaid ${JSON.stringify(header.type)} diagram; Faultline reads flowcharts ("flowchart", "graph") and "architecture-beta"`, header.at);
  if (!parsed.ok) return failure(parsed.error.message, parsed.error.at);
  return fromGraph(parsed.graph);
}
