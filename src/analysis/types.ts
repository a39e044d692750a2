import type { Diagram } from '../model/types.ts';
import type { Graph } from './graph.ts';

export type Severity = 'error' | 'warning' | 'info';
export type CapClass = 'CP' | 'AP';

/** What the review panel offers for a finding: select and frame its subjects, or
 *  show what breaks when its first subject fails. */
export type FindingAction = 'show' | 'what-if';

/** One thing the review says about the design. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The first id is the component or group the finding is about. */
  nodes: string[];
  edges: string[];
  /** One sentence that names components by their labels. */
  message: string;
  /** The components the finding is about: the start of `nodes`, or all of it. The
   *  rest of `nodes` is context, such as a blast radius. Badges count only these. */
  subjects: string[];
  actions: FindingAction[];
  /** Only on `cap-choice`: how the store behaves during a network partition. */
  cap?: CapClass;
}

/** Everything a rule may look at. Rules get it as an argument and nothing else. */
export interface RuleContext {
  readonly doc: Diagram;
  readonly graph: Graph;
}

export interface Rule {
  /** kebab-case, equal to the rule's file name; never derived from the title. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** Why it matters, in a sentence or two. */
  readonly why: string;
  /** Exactly when it fires, including the cases it leaves to another rule. */
  readonly when: string;
  /** What to change in the design. */
  readonly fix: string;
  /** Which of a finding's nodes it is about: all of them (the default), or only the first. */
  readonly subjects?: 'all' | 'first';
  /** What the panel offers besides "Show"; "what-if" needs the first node to be a failure unit. */
  readonly offers?: readonly Exclude<FindingAction, 'show'>[];
  /** A pure function of the document; "not applicable" is `[]`. */
  check(ctx: RuleContext): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze({ ...rule });
}

/** A finding of `rule`, with the subjects and actions its rule declares. The arrays
 *  are taken as they are: callers pass fresh ones. */
export function finding(
  rule: Pick<Rule, 'id' | 'severity' | 'subjects' | 'offers'>,
  nodes: string[],
  message: string,
  edges: string[] = [],
): Finding {
  const subjects = rule.subjects === 'first' ? nodes.slice(0, 1) : nodes;
  const actions: FindingAction[] = subjects.length > 0 ? ['show', ...(rule.offers ?? [])] : [];
  return { rule: rule.id, severity: rule.severity, nodes, edges, message, subjects, actions };
}
