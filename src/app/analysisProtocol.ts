import { ruleById } from '../analysis/registry.ts';
import { reviewDocument } from '../analysis/review.ts';
import type { Finding } from '../analysis/types.ts';
import type { Diagram } from '../model/types.ts';
import { summarise, type AnalysisView, type RuleInfo } from '../store/analysisView.ts';

// The messages between the review client and the analysis worker, and the one function
// both threads use to answer a request: the worker when it can, the page when no worker
// is available. Keeping it here means the tests exercise exactly what the worker runs.

export interface AnalysisRequest {
  id: number;
  doc: Diagram;
  /** Units the failure view takes as down: the figures are worked out without them. */
  failed: readonly string[];
}

/** `workerMs` is the worker's own time on the review, cloning the messages aside. */
export type AnalysisResponse<View = AnalysisView> = { id: number; view: View; workerMs: number } | { id: number; error: string };

/** Rule failures can quote the whole document; the log needs the start. */
const ERROR_LIMIT = 300;

/** The findings of `doc` and its figures, with the units in `failed` down. */
export function reviewOf(doc: Diagram, failed: readonly string[] = []): AnalysisView {
  const { findings, availability, load, latency } = reviewDocument(doc, failed);
  return summarise(findings, { availability, load, latency, rules: rulesOf(findings) });
}

/** The title, reason and fix of each rule that has a finding. */
function rulesOf(findings: readonly Finding[]): Map<string, RuleInfo> {
  const rules = new Map<string, RuleInfo>();
  for (const { rule: id } of findings) {
    const rule = ruleById(id);
    if (rule && !rules.has(id)) rules.set(id, { title: rule.title, why: rule.why, fix: rule.fix });
  }
  return rules;
}

/** Answers a request with `work` (the review, or the figures alone), timing it and
 *  turning a failure into a message instead of a crash. */
export function answer<View>(request: AnalysisRequest, now: () => number, work: (doc: Diagram, failed: readonly string[]) => View): AnalysisResponse<View> {
  const started = now();
  try {
    const view = work(request.doc, request.failed);
    return { id: request.id, view, workerMs: now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, error: message.slice(0, ERROR_LIMIT) };
  }
}
