import { describeRule } from '../describe-rule.ts';
import { diagram, node, path } from '../testing.ts';
import { latencyOverBudget } from './latency-over-budget.ts';

// One service at 20 ms: with 500 rps it is half busy, 40 ms on average, 184 ms at p99.
const api = (budget: number | undefined, rps = 500) =>
  diagram(node('web', 'client', { rps, ...(budget === undefined ? {} : { latencyBudgetMs: budget }) }), node('api', 'service'), path(['web', 'api']));

describeRule(latencyOverBudget, {
  fires: [
    { name: 'p99 over a 150 ms budget', doc: api(150), nodes: [['web']], mentions: ['web waits 184 ms at the 99th percentile (40 ms on average), over its budget of 150 ms'] },
    { name: 'over capacity: no bound', doc: api(1000, 1000), nodes: [['web']], mentions: ['waits without bound'] },
  ],
  quiet: [
    { name: 'within budget', doc: api(200) },
    { name: 'no budget', doc: api(undefined) },
  ],
});
