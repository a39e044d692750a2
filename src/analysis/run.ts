import type { Diagram } from '../model/types.ts';
import { buildGraph, type Graph } from './graph.ts';
import { RULES } from './registry.ts';
import type { Finding, Rule } from './types.ts';

/** The design review: every rule over one graph view of the document, sorted by rule
 *  id and then by the first node id, so the same document always gives the same output. */
export function analyse(doc: Diagram, rules: readonly Rule[] = RULES): Finding[] {
  return analyseGraph(buildGraph(doc), rules);
}

/** The review of a graph already built, for callers that read it for more than the findings. */
export function analyseGraph(graph: Graph, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap((rule) => rule.check({ doc: graph.doc, graph }));
  return findings.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return compare(a.rule, b.rule) || compare(a.nodes[0] ?? '', b.nodes[0] ?? '');
}

// Code-unit order, not locale order: output must not depend on where it runs.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
