import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { retryNoBackoff } from './retry-no-backoff.ts';

const pair = [node('api', 'service'), node('pay', 'service')];

describeRule(retryNoBackoff, {
  fires: [
    {
      name: 'three retries with no backoff set',
      doc: diagram(pair, edge('api', 'pay', { retries: 3 })),
      nodes: [['api', 'pay']],
      edges: [['api>pay']],
      mentions: ['api retries failed calls to pay up to 3 times'],
    },
    { name: 'backoff explicitly off', doc: diagram(pair, edge('api', 'pay', { retries: 1, backoff: false })), nodes: [['api', 'pay']], mentions: ['1 time '] },
  ],
  quiet: [
    { name: 'retries with backoff', doc: diagram(pair, edge('api', 'pay', { retries: 5, backoff: true })) },
    { name: 'no retries', doc: diagram(pair, edge('api', 'pay', { retries: 0 })) },
    { name: 'retries unset', doc: diagram(pair, edge('api', 'pay')) },
  ],
});
