import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { externalNoTimeout } from './external-no-timeout.ts';

const pair = [node('api', 'service'), node('maps', 'external')];

describeRule(externalNoTimeout, {
  fires: [
    {
      name: 'a synchronous third-party call with no timeout',
      doc: diagram(pair, edge('api', 'maps', { circuitBreaker: true })),
      nodes: [['api', 'maps']],
      edges: [['api>maps']],
      mentions: ['api waits on maps with no timeout'],
    },
  ],
  quiet: [
    { name: 'a timeout', doc: diagram(pair, edge('api', 'maps', { timeoutMs: 800 })) },
    { name: 'a call a third party makes to another', doc: diagram(node('maps', 'external'), node('tiles', 'external'), edge('maps', 'tiles')) },
    { name: 'async', doc: diagram(pair, edge('api', 'maps', { kind: 'async' })) },
    { name: 'an internal call', doc: diagram(node('api', 'service'), node('b', 'service'), edge('api', 'b')) },
  ],
});
