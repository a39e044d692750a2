import type { EdgeKind, NodeKind } from '../../model/types.ts';
import { quote } from '../errors.ts';

// What an import from another format did with every element of the file, as data:
// the app shows it in the import notice, the CLI prints it as notes, tests read it.
// Nothing is invented silently: a kind chosen for want of anything better says "by
// default" and is marked as guessed; whatever is left out says why. draw.io and
// Mermaid write the same report; only the summary's opening differs.

/** How a kind was chosen: Faultline's own data in the file, the shape (a draw.io
 *  style, a Mermaid node shape or icon), the label's words (the catalogue's
 *  synonyms), or the default. */
export type Mapping = 'faultline' | 'shape' | 'label' | 'default';

export interface ReportEntry {
  /** The element's id in the file: a draw.io cell id, a Mermaid node or subgraph id. */
  id: string;
  label: string;
  element: 'shape' | 'container' | 'edge' | 'edge label' | 'junction';
  outcome: 'component' | 'group' | 'edge' | 'merged' | 'dropped';
  kind?: NodeKind | EdgeKind;
  how?: Mapping;
  guessed: boolean;
  /** One clause saying why. */
  detail: string;
}

export interface PageSummary {
  name: string;
  elements: number;
}

interface DrawioReport {
  format: 'drawio';
  /** The page read (0-based), and every page's name and count of shapes and connectors. */
  page: number;
  pages: PageSummary[];
  entries: ReportEntry[];
}

interface MermaidReport {
  format: 'mermaid';
  /** Which of Mermaid's diagram types the text is. */
  diagram: 'flowchart' | 'architecture';
  entries: ReportEntry[];
}

export type ImportReport = DrawioReport | MermaidReport;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function opening(report: ImportReport): string {
  if (report.format === 'mermaid') return `Mermaid import of ${report.diagram === 'flowchart' ? 'a flowchart' : 'an architecture diagram'}`;
  const name = report.pages[report.page]?.name ?? '';
  const pageName = name !== '' ? ` (${quote(name)})` : '';
  return `draw.io import of ${report.pages.length > 1 ? `page ${report.page + 1} of ${report.pages.length}${pageName}` : `its page${pageName}`}`;
}

/** The one-line summary, first of the notes. */
export function reportSummary(report: ImportReport): string {
  const of = (outcome: ReportEntry['outcome']) => report.entries.filter((entry) => entry.outcome === outcome);
  const components = of('component');
  const by = (how: Mapping) => components.filter((entry) => entry.how === how).length;
  const ways = (['faultline', 'shape', 'label', 'default'] as const)
    .filter((how) => by(how) > 0)
    .map((how) => `${by(how)} ${how === 'faultline' ? 'from Faultline data' : `by ${how}`}`);
  const dropped = of('dropped');
  const droppedShapes = dropped.filter((entry) => entry.element !== 'edge').length;
  const droppedEdges = dropped.length - droppedShapes;
  return (
    `${opening(report)}: ${count(components.length, 'component')}${ways.length > 0 ? ` (${ways.join(', ')})` : ''}, ` +
    `${count(of('group').length, 'group')}, ${count(of('edge').length, 'edge')}; ` +
    `dropped ${count(droppedShapes, 'shape')} and ${count(droppedEdges, 'edge')}; ${count(report.entries.filter((entry) => entry.guessed).length, 'guess', 'guesses')}.`
  );
}

/** One line per element: `shape "Orders" (cell "7"): service, by default (guessed): ...`;
 *  `idName` says what the file calls an element's id. */
export function reportLine(entry: ReportEntry, idName = 'cell'): string {
  const what = `${entry.element} ${entry.label === '' ? '(no label)' : quote(entry.label)} (${idName} ${quote(entry.id)})`;
  if (entry.outcome === 'dropped') return `${what}: dropped: ${entry.detail}`;
  if (entry.outcome === 'merged') return `${what}: ${entry.detail}`;
  const how = entry.how === 'faultline' ? 'from Faultline data' : `by ${entry.how}`;
  return `${what}: ${entry.outcome === 'group' ? `${entry.kind} group` : entry.kind}, ${how}${entry.guessed ? ' (guessed)' : ''}: ${entry.detail}`;
}

/** The notes an import returns: the summary, then every element. */
export function reportNotes(report: ImportReport): string[] {
  const idName = report.format === 'drawio' ? 'cell' : 'id';
  return [reportSummary(report), ...report.entries.map((entry) => reportLine(entry, idName))];
}

/** Share of components whose kind came from the file's data, its shape or its label. */
export function mappedShare(report: ImportReport): { mapped: number; components: number } {
  const components = report.entries.filter((entry) => entry.outcome === 'component');
  return { mapped: components.filter((entry) => entry.how !== 'default').length, components: components.length };
}
