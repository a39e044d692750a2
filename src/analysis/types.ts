import type { Diagram } from '../model/types.ts';
import type { Graph } from './graph.ts';

export type Severity = 'error' | 'warning' | 'info';
export type CapClass = 'CP' | 'AP';

/** One thing the review says about the design. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The first id is the component or group the finding is about. */
  nodes: string[];
  edges: string[];
  /** One sentence that names components by their labels. */
  message: string;
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
  /** A pure function of the document; "not applicable" is `[]`. */
  check(ctx: RuleContext): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze({ ...rule });
}

/** A finding of `rule`. The arrays are taken as they are: callers pass fresh ones. */
export function finding(rule: Pick<Rule, 'id' | 'severity'>, nodes: string[], message: string, edges: string[] = []): Finding {
  return { rule: rule.id, severity: rule.severity, nodes, edges, message };
}
