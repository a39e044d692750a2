import type { AvailabilityReport } from '../analysis/numbers/availability.ts';
import type { Finding, Severity } from '../analysis/types.ts';

// What the canvas needs from the latest review, indexed once per analysis so that
// each node component reads one map entry.

export interface AnalysisView {
  findings: readonly Finding[];
  worstByNode: ReadonlyMap<string, Severity>;
  countByNode: ReadonlyMap<string, number>;
  capByNode: ReadonlyMap<string, 'CP' | 'AP'>;
  /** The figures of the Numbers region; undefined until the first review. */
  availability: AvailabilityReport | undefined;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const emptyAnalysis: AnalysisView = {
  findings: [],
  worstByNode: new Map(),
  countByNode: new Map(),
  capByNode: new Map(),
  availability: undefined,
};

export function summarise(findings: readonly Finding[], availability?: AvailabilityReport): AnalysisView {
  const worstByNode = new Map<string, Severity>();
  const countByNode = new Map<string, number>();
  const capByNode = new Map<string, 'CP' | 'AP'>();
  for (const finding of findings) {
    if (finding.cap && finding.nodes[0]) capByNode.set(finding.nodes[0], finding.cap);
    for (const id of finding.subjects) {
      countByNode.set(id, (countByNode.get(id) ?? 0) + 1);
      const worst = worstByNode.get(id);
      if (!worst || RANK[finding.severity] > RANK[worst]) worstByNode.set(id, finding.severity);
    }
  }
  return { findings, worstByNode, countByNode, capByNode, availability };
}
