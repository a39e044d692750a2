import { latencyBudgetOf } from '../../model/props.ts';
import { latencyReport } from '../numbers/latency.ts';
import { formatMs } from '../numbers/load-words.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const latencyOverBudget: Rule = defineRule({
  id: 'latency-over-budget',
  severity: 'warning',
  title: 'Slower than its latency budget',
  why:
    'Every synchronous hop adds its service time, and a busy component adds its queue on top. A budget the slowest ' +
    'requests miss is a budget users notice, since one page load makes many requests.',
  when:
    'A client with a latencyBudgetMs whose p99 response time at its peak is above the budget. The p99 adds up the ' +
    'p99 of each synchronous hop (docs/numbers.md), so it errs on the slow side.',
  fix: 'Take work off the request path (make it async), cache what is read often, call in parallel, or add replicas so busy components queue less.',
  subjects: 'first',
  check: ({ graph }) =>
    latencyReport(graph).flatMap((latency): Finding[] => {
      const budget = latencyBudgetOf(graph.nodes.get(latency.node)!);
      if (budget === undefined || latency.p99Ms <= budget) return [];
      const message =
        latency.p99Ms === Infinity
          ? `${graph.label(latency.node)} waits without bound: something on its request path is at or over capacity, and its budget is ${formatMs(budget)}.`
          : `${graph.label(latency.node)} waits ${formatMs(latency.p99Ms)} at the 99th percentile (${formatMs(latency.meanMs)} on average), over its budget of ${formatMs(budget)}.`;
      return [finding(latencyOverBudget, [latency.node], message)];
    }),
});
