import { edgeFlagOf } from '../../model/props.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { count, subject } from '../words.ts';

export const retryNoBackoff: Rule = defineRule({
  id: 'retry-no-backoff',
  severity: 'warning',
  title: 'Retries without backoff',
  why:
    'Immediate retries turn a struggling callee into a failing one: every caller that saw an error sends the ' +
    'request again at once, multiplying the load just when the callee can least take it (a retry storm).',
  when: 'A flow edge with `retries` of 1 or more and backoff not turned on.',
  fix: 'Wait longer before each retry (exponential backoff) with random jitter, cap the attempts, and retry only operations that are safe to repeat.',
  check: ({ graph }) =>
    graph.flowEdges.flatMap((edge): Finding[] => {
      const retries = edge.props.retries;
      if (typeof retries !== 'number' || retries < 1 || edgeFlagOf(edge, 'backoff')) return [];
      const target = graph.label(edge.target);
      const message =
        `${subject(graph.label(edge.source), 'retries', 'retry')} failed calls to ${target} up to ${count(retries, 'time')} with no ` +
        `backoff: when ${target} slows down, the retries arrive all at once and add to its load.`;
      return [finding(retryNoBackoff, [edge.source, edge.target], message, [edge.id])];
    }),
});
