import type { Finding, Severity } from '../analysis/types.ts';

// How the review panel lists findings: by severity (the engine's order), or under each
// component they are about. Pure, so the panel only draws what this returns.

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings about one component, or (`id` null) about the design as a whole. */
export interface ComponentFindings {
  id: string | null;
  label: string;
  /** Worst first; findings of one severity keep the engine's order. */
  findings: Finding[];
  worst: Severity;
}

/** The heading of findings that name no component (a design with no client, say). */
export const WHOLE_DESIGN = 'The whole design';

/** Each finding under every one of its subjects: a mismatch between a store and its
 *  caller concerns both, and a person reading one component's list should see every
 *  finding that badges it on the canvas (the badge counts subjects the same way). Context
 *  nodes such as a blast radius are not subjects and do not list it. Components with
 *  the worst findings come first, then those with more, then by label. */
export function groupByComponent(findings: readonly Finding[], labelOf: (id: string) => string | undefined): ComponentFindings[] {
  const byId = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    const subjects = finding.subjects.length > 0 ? new Set(finding.subjects) : [null];
    for (const id of subjects) {
      const list = byId.get(id);
      if (list) list.push(finding);
      else byId.set(id, [finding]);
    }
  }
  const groups = [...byId].map(([id, list]): ComponentFindings => {
    const sorted = list
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
      .map(({ finding }) => finding);
    return { id, label: id === null ? WHOLE_DESIGN : labelOf(id) || id, findings: sorted, worst: sorted[0]!.severity };
  });
  return groups.sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      RANK[a.worst] - RANK[b.worst] ||
      b.findings.length - a.findings.length ||
      a.label.localeCompare(b.label) ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}
