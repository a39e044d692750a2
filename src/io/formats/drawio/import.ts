import { NODE_KINDS, type NodeKind } from '../../../model/catalogue.ts';
import { CURRENT_VERSION, EDGE_KINDS, FORMAT_TAG, isGroupKind, type EdgeKind, type GroupKind } from '../../../model/types.ts';
import { quote, tooLarge, type ImportError } from '../../errors.ts';
import { importValue, type ImportResult } from '../../import.ts';
import { oversizeBytes } from '../../limits.ts';
import { readCells, type Cell, type Geometry } from './cells.ts';
import { edgeKindByLabel, groupByLabel, isDataStore, kindByLabel } from '../labels.ts';
import { countElements, readPages, type Page } from './pages.ts';
import { KIND_KEY, readRecord, type CellRecord } from './record.ts';
import { reportNotes, type ImportReport, type ReportEntry } from '../report.ts';
import { styleFlag } from './style.ts';
import { awsGroupOf, shapeVerdict } from './shapes.ts';
import { oneLine } from './text.ts';

// draw.io in, a Faultline document and a report of every element out. The page is
// read into cells, each shape is classified (component, zone or region group, other
// container, or dropped), edges are attached to the components at their ends, and
// the result goes through the same validation as a Faultline JSON file.
//
// Positions: draw.io places a cell relative to its parent shape. Containers that do
// not become groups vanish and their children keep their absolute place; a shape
// drawn inside a zone or region without being its child in the file joins it by
// geometry (its centre inside the group's box), except on cells Faultline wrote,
// whose parents are taken as they are.

export interface DrawioImportOptions {
  /** The page to read: a number is 0-based; text is a page's name, else its 1-based
   *  number (`--page 2`). The first page by default. */
  page?: number | string;
}

/** The page `choice` names among `pages`, or why none does. */
export function findPage(pages: readonly Page[], choice: number | string | undefined): { ok: true; index: number } | { ok: false; reason: string } {
  const plural = `${pages.length} page${pages.length === 1 ? '' : 's'}`;
  if (choice === undefined) return { ok: true, index: 0 };
  if (typeof choice === 'number') {
    return choice >= 0 && choice < pages.length ? { ok: true, index: choice } : { ok: false, reason: `it has ${plural}, so there is no page ${choice + 1}` };
  }
  const named = pages.findIndex((page) => page.name === choice);
  if (named >= 0) return { ok: true, index: named };
  if (/^\d+$/.test(choice) && Number(choice) >= 1 && Number(choice) <= pages.length) return { ok: true, index: Number(choice) - 1 };
  const names = pages.map((page, at) => `${at + 1} ${quote(page.name)}`).join(', ');
  return { ok: false, reason: `it has no page named or numbered ${quote(choice)}; its ${plural}: ${names}` };
}

type Classified =
  | { as: 'component'; kind: NodeKind; entry: ReportEntry }
  | { as: 'group'; kind: GroupKind; entry: ReportEntry }
  | { as: 'container' | 'dropped' | 'edge label'; entry: ReportEntry };

const failure = (reason: string): ImportResult => ({ ok: false, error: { kind: 'notDrawio', reason } satisfies ImportError });
const KINDS = new Set<string>(NODE_KINDS);
const isComponentKind = (kind: NodeKind) => !isGroupKind(kind);

interface Context {
  cells: Map<string, Cell>;
  children: Map<string, Cell[]>;
  absolute: Map<string, Geometry>;
  record: Map<string, CellRecord | null>;
}

function isLayerOrRoot(cell: Cell | undefined, cells: Map<string, Cell>): boolean {
  if (!cell) return true;
  if (cell.parent === undefined) return true;
  const parent = cells.get(cell.parent);
  return parent !== undefined && parent.parent === undefined && cell.role === 'other';
}

function absoluteOf(cell: Cell, cells: Map<string, Cell>, memo: Map<string, Geometry>, depth = 0): Geometry {
  const known = memo.get(cell.id);
  if (known) return known;
  const parent = cell.parent === undefined ? undefined : cells.get(cell.parent);
  const base = parent && parent.role === 'vertex' && depth < 100 ? absoluteOf(parent, cells, memo, depth + 1) : { x: 0, y: 0 };
  const geometry = { ...cell.geometry, x: cell.geometry.x + base.x, y: cell.geometry.y + base.y };
  memo.set(cell.id, geometry);
  return geometry;
}

const inside = (outer: Geometry, inner: Geometry) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const centreInside = (outer: Geometry, inner: Geometry) => {
  const x = inner.x + inner.width / 2;
  const y = inner.y + inner.height / 2;
  return x >= outer.x && y >= outer.y && x <= outer.x + outer.width && y <= outer.y + outer.height;
};

/** Shapes sorted by their left edge, so "what is drawn inside this box" looks only at
 *  the shapes that start within its width. */
interface ShapeIndex {
  left: number[];
  shapes: { cell: Cell; box: Geometry }[];
}

function indexShapes(cells: readonly Cell[], absolute: ReadonlyMap<string, Geometry>): ShapeIndex {
  const shapes = cells.map((cell) => ({ cell, box: absolute.get(cell.id)! })).sort((a, b) => a.box.x - b.box.x);
  return { left: shapes.map((shape) => shape.box.x), shapes };
}

/** Whether another, smaller shape that is not its child lies wholly inside `box`. */
function drawnOn(cell: Cell, box: Geometry, index: ShapeIndex): boolean {
  let low = 0;
  let high = index.left.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (index.left[middle]! < box.x) low = middle + 1;
    else high = middle;
  }
  const area = box.width * box.height;
  for (let at = low; at < index.shapes.length && index.left[at]! <= box.x + box.width; at++) {
    const other = index.shapes[at]!;
    if (other.cell !== cell && other.cell.parent !== cell.id && other.box.width * other.box.height < area && inside(box, other.box)) return true;
  }
  return false;
}

function classify(cell: Cell, context: Context, shapes: ShapeIndex): Classified {
  const label = oneLine(cell.label);
  const entry = (element: ReportEntry['element'], outcome: ReportEntry['outcome'], detail: string, extra: Partial<ReportEntry> = {}): ReportEntry => ({
    id: cell.id,
    label,
    element,
    outcome,
    guessed: false,
    detail,
    ...extra,
  });
  const parent = cell.parent === undefined ? undefined : context.cells.get(cell.parent);
  if (parent?.role === 'edge' || cell.style.names.has('edgeLabel')) {
    return { as: 'edge label', entry: entry('edge label', 'merged', `label of edge ${JSON.stringify(parent?.id ?? '')}`) };
  }

  const own = cell.style.values.get(KIND_KEY);
  if (own !== undefined && KINDS.has(own)) {
    const kind = own as NodeKind;
    const detail = `its style says faultline=${own}`;
    return isGroupKind(kind)
      ? { as: 'group', kind, entry: entry('container', 'group', detail, { kind, how: 'faultline' }) }
      : { as: 'component', kind, entry: entry('shape', 'component', detail, { kind, how: 'faultline' }) };
  }

  const verdict = shapeVerdict(cell.style);
  const absolute = context.absolute.get(cell.id)!;
  const hasChildren = (context.children.get(cell.id) ?? []).some((child) => child.role === 'vertex' && !child.style.names.has('edgeLabel'));
  const aws = awsGroupOf(cell.style);
  const drawsAround = verdict === null && drawnOn(cell, absolute, shapes);
  const container = aws !== null || hasChildren || styleFlag(cell.style, 'container') || cell.style.names.has('swimlane') || drawsAround;

  if (container && (verdict === null || aws !== null)) {
    if (aws === 'region' || aws === 'zone') return { as: 'group', kind: aws, entry: entry('container', 'group', `an AWS ${aws} group`, { kind: aws, how: 'shape' }) };
    const named = groupByLabel(label);
    if (named) return { as: 'group', kind: named.kind, entry: entry('container', 'group', `a container named with ${JSON.stringify(named.word)}`, { kind: named.kind, how: 'label' }) };
    const held = hasChildren ? 'its shapes keep their places' : 'the shapes drawn on it stay as they are';
    return { as: 'container', entry: entry('container', 'dropped', `a container that is not a zone or region (Faultline groups only by failure domain); ${held}`) };
  }

  if (cell.style.names.has('text') || (cell.style.values.get('shape') ?? '') === 'note') {
    return { as: 'dropped', entry: entry('shape', 'dropped', 'text or a note, not a component') };
  }
  // draw.io draws a table's rows and cells as partial rectangles (sides left open).
  if ((cell.style.values.get('shape') ?? '') === 'partialRectangle') {
    return { as: 'dropped', entry: entry('shape', 'dropped', 'a row or cell of a table, not a component') };
  }
  if (verdict && 'kind' in verdict) {
    return { as: 'component', kind: verdict.kind, entry: entry('shape', 'component', `its icon ${JSON.stringify(verdict.icon.slice(1, -1))}`, { kind: verdict.kind, how: 'shape' }) };
  }
  if (verdict && 'drop' in verdict) {
    return { as: 'dropped', entry: entry('shape', 'dropped', `its icon ${JSON.stringify(verdict.drop)} is security, operations or networking, which the review does not model`) };
  }
  if (verdict && 'dataStore' in verdict) {
    const refined = kindByLabel(label, isDataStore);
    if (refined?.kind) return { as: 'component', kind: refined.kind, entry: entry('shape', 'component', `a cylinder whose label says ${JSON.stringify(refined.word)}`, { kind: refined.kind, how: 'label' }) };
    return { as: 'component', kind: 'sql-database', entry: entry('shape', 'component', 'a cylinder, the usual sign of a database; SQL unless the label says otherwise', { kind: 'sql-database', how: 'shape', guessed: true }) };
  }
  // The name (the first line) decides, also that a shape is not a component; the lines
  // below it may name a kind, but a word there ("port 8080", "roles") drops nothing.
  const byLabel = kindByLabel(cell.name, isComponentKind, true) ?? kindByLabel(label, isComponentKind);
  if (byLabel && byLabel.kind === null) {
    return { as: 'dropped', entry: entry('shape', 'dropped', `its label says ${JSON.stringify(byLabel.word)}: networking, organisation, delivery or monitoring, not a component`) };
  }
  if (byLabel?.kind) return { as: 'component', kind: byLabel.kind, entry: entry('shape', 'component', `its label says ${JSON.stringify(byLabel.word)}`, { kind: byLabel.kind, how: 'label' }) };
  const group = groupByLabel(label);
  if (group && absolute.width >= 2 * 64 && absolute.height >= 64) {
    return { as: 'group', kind: group.kind, entry: entry('container', 'group', `a box named with ${JSON.stringify(group.word)}`, { kind: group.kind, how: 'label' }) };
  }
  if (!/[a-z]{2}/i.test(label)) {
    return { as: 'dropped', entry: entry('shape', 'dropped', label === '' ? 'no label and no icon Faultline knows' : 'a number or mark, not a name') };
  }
  return {
    as: 'component',
    kind: 'service',
    entry: entry('shape', 'component', 'neither its style nor its label names a kind, so it is taken as a service', { kind: 'service', how: 'default', guessed: true }),
  };
}

function edgeKind(cell: Cell, label: string): { kind: EdgeKind; how: 'label' | 'shape' | 'default'; guessed: boolean; detail: string } {
  const named = edgeKindByLabel(label);
  if (named) return { ...named, how: 'label', guessed: false };
  if (styleFlag(cell.style, 'dashed')) return { kind: 'async', how: 'shape', guessed: true, detail: 'it is dashed, which draw.io diagrams often use for asynchronous flow' };
  return { kind: 'request', how: 'default', guessed: false, detail: 'a request, as every plain arrow is' };
}

const hasArrow = (value: string | undefined, fallback: boolean) => (value === undefined ? fallback : value !== 'none' && value !== '');

export function importDrawio(text: string, options: DrawioImportOptions = {}): ImportResult {
  const bytes = oversizeBytes(text);
  if (bytes !== null) return { ok: false, error: tooLarge(bytes) };
  const read = readPages(text);
  if (!read.ok) return failure(read.reason);
  const found = findPage(read.pages, options.page);
  if (!found.ok) return failure(found.reason);
  const pageIndex = found.index;
  const page = read.pages[pageIndex]!;
  const loaded = page.load();
  if (!loaded.ok) return failure(loaded.reason);

  const cellList = readCells(loaded.model);
  const cells = new Map(cellList.map((cell) => [cell.id, cell]));
  const children = new Map<string, Cell[]>();
  for (const cell of cellList) {
    if (cell.parent === undefined) continue;
    const siblings = children.get(cell.parent);
    if (siblings) siblings.push(cell);
    else children.set(cell.parent, [cell]);
  }
  const absolute = new Map<string, Geometry>();
  for (const cell of cellList) absoluteOf(cell, cells, absolute);
  const context: Context = { cells, children, absolute, record: new Map(cellList.map((cell) => [cell.id, readRecord(cell.data)])) };
  const vertices = cellList.filter((cell) => cell.role === 'vertex' && !isLayerOrRoot(cell, cells));

  const entries: ReportEntry[] = [];
  const classified = new Map<string, Classified>();
  const shapes = indexShapes(
    vertices.filter((cell) => cells.get(cell.parent ?? '')?.role !== 'edge' && !cell.style.names.has('edgeLabel')),
    absolute,
  );
  for (const cell of vertices) {
    const result = classify(cell, context, shapes);
    classified.set(cell.id, result);
    entries.push(result.entry);
  }

  const kept = (id: string | undefined) => {
    const result = id === undefined ? undefined : classified.get(id);
    return result && (result.as === 'component' || result.as === 'group') ? result : undefined;
  };
  const nodeIdOf = (cell: Cell) => context.record.get(cell.id)?.id ?? cell.id;
  const groups = vertices.filter((cell) => kept(cell.id)?.as === 'group');
  const allowedParent = (child: NodeKind, parent: NodeKind) => (child === 'region' ? false : child === 'zone' ? parent === 'region' : isGroupKind(parent));

  const parentOf = (cell: Cell, kind: NodeKind): Cell | undefined => {
    for (let at = cell.parent, depth = 0; at !== undefined && depth < 100; at = cells.get(at)?.parent, depth++) {
      const ancestor = kept(at);
      if (ancestor?.as === 'group') return allowedParent(kind, ancestor.kind) ? cells.get(at) : undefined;
    }
    if (cell.style.values.has(KIND_KEY)) return undefined;
    const box = absolute.get(cell.id)!;
    const around = groups.filter((group) => group !== cell && allowedParent(kind, kept(group.id)!.kind) && (isGroupKind(kind) ? inside : centreInside)(absolute.get(group.id)!, box));
    return around.sort((a, b) => absolute.get(a.id)!.width * absolute.get(a.id)!.height - absolute.get(b.id)!.width * absolute.get(b.id)!.height)[0];
  };

  const nodes: unknown[] = [];
  for (const cell of vertices) {
    const result = kept(cell.id);
    if (!result) continue;
    const record = context.record.get(cell.id) ?? null;
    const parent = parentOf(cell, result.kind);
    const box = absolute.get(cell.id)!;
    const origin = parent ? absolute.get(parent.id)! : { x: 0, y: 0 };
    const notes = record?.notes ?? cell.data.get('tooltip');
    const node: Record<string, unknown> = {
      id: nodeIdOf(cell),
      kind: result.kind,
      label: record?.label ?? cell.label,
      // Inside its own parent the file's numbers stand as written (no rounding from
      // adding and subtracting offsets); elsewhere, from the absolute place.
      position: parent?.id === cell.parent ? { x: cell.geometry.x, y: cell.geometry.y } : { x: box.x - origin.x, y: box.y - origin.y },
    };
    if (result.as === 'group') node.size = { width: box.width, height: box.height };
    else if (record?.size) node.size = record.size;
    if (parent) node.parentId = nodeIdOf(parent);
    if (notes !== undefined && (record?.notes !== undefined || notes !== '')) node.notes = notes;
    node.props = record?.props ?? {};
    nodes.push(node);
  }

  // An edge attaches to the nearest kept shape at or above each end.
  const endpoint = (id: string | undefined): Cell | undefined => {
    for (let at = id, depth = 0; at !== undefined && depth < 100; at = cells.get(at)?.parent, depth++) {
      if (kept(at)) return cells.get(at);
      // A dropped container is not a stand-in for whatever holds it.
      if (classified.get(at)?.as === 'container') return undefined;
    }
    return undefined;
  };
  const components = vertices.filter((cell) => kept(cell.id)?.as === 'component');
  const SLACK = 12;
  const componentAt = (point: { x: number; y: number }): Cell | undefined =>
    components
      .filter((cell) => {
        const box = absolute.get(cell.id)!;
        return point.x >= box.x - SLACK && point.y >= box.y - SLACK && point.x <= box.x + box.width + SLACK && point.y <= box.y + box.height + SLACK;
      })
      .sort((a, b) => absolute.get(a.id)!.width * absolute.get(a.id)!.height - absolute.get(b.id)!.width * absolute.get(b.id)!.height)[0];
  const edgeLabels = new Map<string, string[]>();
  for (const cell of vertices) {
    if (classified.get(cell.id)?.as === 'edge label' && cell.parent !== undefined && oneLine(cell.label) !== '') {
      const labels = edgeLabels.get(cell.parent);
      if (labels) labels.push(oneLine(cell.label));
      else edgeLabels.set(cell.parent, [oneLine(cell.label)]);
    }
  }
  const edges: unknown[] = [];
  for (const cell of cellList.filter((candidate) => candidate.role === 'edge')) {
    const record = context.record.get(cell.id) ?? null;
    const label = record?.label ?? [cell.label, ...(edgeLabels.get(cell.id) ?? [])].filter((part) => part !== '').join(' ');
    const shown = oneLine(label);
    const base = { id: cell.id, label: shown, element: 'edge' as const, guessed: false };
    let source = endpoint(cell.source);
    let target = endpoint(cell.target);
    // An end drawn onto a shape without being connected to it attaches by position.
    const floating: string[] = [];
    if (!source && !cell.source && cell.ends.source) {
      source = componentAt(cell.ends.source);
      if (source) floating.push('start');
    }
    if (!target && !cell.target && cell.ends.target) {
      target = componentAt(cell.ends.target);
      if (target) floating.push('end');
    }
    if (!source || !target) {
      const missing = !cell.source || !cell.target ? 'it is not attached at both ends' : 'an end is attached to nothing Faultline keeps';
      entries.push({ ...base, outcome: 'dropped', detail: missing });
      continue;
    }
    if (source === target && !record) {
      entries.push({ ...base, outcome: 'dropped', detail: 'both ends land on the same component' });
      continue;
    }
    let detail = floating.length > 0 ? `; its ${floating.join(' and ')} ${floating.length > 1 ? 'are' : 'is'} not connected in the file, so it attaches to the shape it ends on` : '';
    let guessedDirection = floating.length > 0;
    if (!record) {
      const end = hasArrow(cell.style.values.get('endArrow'), true);
      const start = hasArrow(cell.style.values.get('startArrow'), false);
      if (start && !end) {
        [source, target] = [target, source];
        detail = '; its arrowhead is at the start, so it points the other way';
      } else if (start === end) {
        guessedDirection = true;
        detail = `; it has ${start ? 'arrowheads at both ends' : 'no arrowhead'}, so it is read from where it was drawn from`;
      }
    }
    const props = record?.props ?? {};
    const recordKind = typeof props.kind === 'string' && (EDGE_KINDS as readonly string[]).includes(props.kind);
    const judged = record ? { kind: (recordKind ? props.kind : 'request') as EdgeKind, how: 'faultline' as const, guessed: false, detail: 'Faultline data on the edge' } : edgeKind(cell, shown);
    const edge: Record<string, unknown> = { id: record?.id ?? cell.id, source: nodeIdOf(source), target: nodeIdOf(target) };
    if (record?.label !== undefined || label !== '') edge.label = label;
    edge.props = record ? props : judged.kind === 'request' ? {} : { kind: judged.kind };
    edges.push(edge);
    entries.push({ ...base, outcome: 'edge', kind: judged.kind, how: judged.how, guessed: judged.guessed || guessedDirection, detail: `${judged.detail}${detail}` });
  }

  const fileRecord = read.fileRecord;
  const title = fileRecord?.title ?? (page.name !== '' ? page.name : 'draw.io diagram');
  const report: ImportReport = { format: 'drawio', page: pageIndex, pages: read.pages.map((each, at) => ({ name: each.name, elements: at === pageIndex ? countElements(cellList) : each.elements() })), entries };
  const result = importValue({ format: FORMAT_TAG, version: CURRENT_VERSION, title, nodes, edges });
  if (!result.ok) return result;
  return { ok: true, doc: result.doc, notes: reportNotes(report), report };
}

