import type { AvailabilityReport } from '../analysis/numbers/availability.ts';
import type { EntryLatency } from '../analysis/numbers/latency.ts';
import { busyOf, type Busy } from '../analysis/numbers/headroom.ts';
import type { LoadReport } from '../analysis/numbers/load.ts';
import type { Finding, Severity } from '../analysis/types.ts';

// What the canvas needs from the latest review, indexed once per analysis so that
// each node component reads one map entry.

/** What the review panel says about a rule beside each of its findings. */
export interface RuleInfo {
  title: string;
  why: string;
  fix: string;
}

export interface AnalysisView {
  findings: readonly Finding[];
  /** The rules of the findings, by id: the panel reads them from here, so the rules'
   *  code stays in the worker and out of the page's first load. */
  rules: ReadonlyMap<string, RuleInfo>;
  worstByNode: ReadonlyMap<string, Severity>;
  countByNode: ReadonlyMap<string, number>;
  capByNode: ReadonlyMap<string, 'CP' | 'AP'>;
  /** The figures of the Numbers region; undefined until the first review. */
  availability: AvailabilityReport | undefined;
  /** Load against capacity and the monthly cost; undefined until the first review. */
  load: LoadReport | undefined;
  /** Each client's response time, in document order; empty until the first review. */
  latency: readonly EntryLatency[];
  /** How much of some client's downtime each unit causes, for tinting the canvas. */
  downtimeShareByNode: ReadonlyMap<string, DowntimeShare>;
  /** How busy each loaded component is at the clients' peak, for tinting the canvas. */
  busyByNode: ReadonlyMap<string, Busy>;
}

/** A unit's share of a client's downtime: half or more, a tenth or more, or less. */
export type DowntimeShare = 'most' | 'much' | 'some';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const emptyAnalysis: AnalysisView = {
  findings: [],
  rules: new Map(),
  worstByNode: new Map(),
  countByNode: new Map(),
  capByNode: new Map(),
  availability: undefined,
  load: undefined,
  latency: [],
  downtimeShareByNode: new Map(),
  busyByNode: new Map(),
};

export interface Figures {
  availability?: AvailabilityReport;
  load?: LoadReport;
  latency?: readonly EntryLatency[];
  rules?: ReadonlyMap<string, RuleInfo>;
}

/** The part of the view that follows a client's rate: worked out in milliseconds, so
 *  it has a lane of its own and shows before the rest of the review is done. */
export type LiveFigures = Pick<AnalysisView, 'load' | 'latency' | 'busyByNode'>;

export function liveFigures(load: LoadReport | undefined, latency: readonly EntryLatency[]): LiveFigures {
  return { load, latency, busyByNode: busyness(load) };
}

export function summarise(findings: readonly Finding[], { availability, load, latency = [], rules = new Map() }: Figures = {}): AnalysisView {
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
  return { findings, rules, worstByNode, countByNode, capByNode, availability, downtimeShareByNode: downtimeShares(availability), ...liveFigures(load, latency) };
}

function busyness(load: LoadReport | undefined): Map<string, Busy> {
  const busy = new Map<string, Busy>();
  if (!load?.active) return busy;
  for (const { node, utilization } of load.components) busy.set(node, busyOf(utilization));
  return busy;
}

const SHARE_RANK: Record<DowntimeShare, number> = { most: 3, much: 2, some: 1 };

/** Each contributor's largest share of any client's downtime: the gain it would bring
 *  over what that client is down. */
function downtimeShares(availability: AvailabilityReport | undefined): Map<string, DowntimeShare> {
  const shares = new Map<string, DowntimeShare>();
  for (const entry of availability?.entries ?? []) {
    const down = 1 - entry.value;
    if (down <= 0) continue;
    for (const { unit, gain } of entry.contributors) {
      const share: DowntimeShare = gain >= 0.5 * down ? 'most' : gain >= 0.1 * down ? 'much' : 'some';
      const before = shares.get(unit);
      if (!before || SHARE_RANK[share] > SHARE_RANK[before]) shares.set(unit, share);
    }
  }
  return shares;
}
