import { buildGraph } from '../analysis/graph.ts';
import { latencyReport } from '../analysis/numbers/latency.ts';
import { loadReport } from '../analysis/numbers/load.ts';
import type { Diagram } from '../model/types.ts';
import { liveFigures, type LiveFigures } from '../store/analysisView.ts';

/** The load, latency and busyness of `doc`: what the figures worker answers with. */
export function figuresOf(doc: Diagram): LiveFigures {
  const graph = buildGraph(doc);
  return liveFigures(loadReport(graph), latencyReport(graph));
}
