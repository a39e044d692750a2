import type { Diagram } from '../model/types.ts';
import { buildGraph, type Graph } from './graph.ts';
import { availability, type AvailabilityReport } from './numbers/availability.ts';
import { latencyReport, type EntryLatency } from './numbers/latency.ts';
import { loadReport, type LoadReport } from './numbers/load.ts';
import { analyseGraph } from './run.ts';
import type { Finding } from './types.ts';

// The whole design review of a document, worked out in one place: the findings and the
// figures of the Numbers region. The app's worker, `faultline lint` and the Markdown
// review all read it from here, so they show the same thing.

export interface Review {
  doc: Diagram;
  graph: Graph;
  findings: Finding[];
  availability: AvailabilityReport;
  load: LoadReport;
  latency: EntryLatency[];
}

/** `failed`: units the failure view takes as down, for the availability figures. */
export function reviewDocument(doc: Diagram, failed: readonly string[] = []): Review {
  const graph = buildGraph(doc);
  return { doc, graph, findings: analyseGraph(graph), availability: availability(graph, { failed }), load: loadReport(graph), latency: latencyReport(graph) };
}
