import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { externalNoCircuitBreaker } from './external-no-circuit-breaker.ts';

const pair = [node('api', 'service'), node('stripe', 'external')];

describeRule(externalNoCircuitBreaker, {
  fires: [
    {
      name: 'a request to a third party with no breaker',
      doc: diagram(pair, edge('api', 'stripe', { timeoutMs: 2000 })),
      nodes: [['api', 'stripe']],
      edges: [['api>stripe']],
      mentions: ['api calls stripe with no circuit breaker'],
    },
  ],
  quiet: [
    { name: 'a circuit breaker', doc: diagram(pair, edge('api', 'stripe', { circuitBreaker: true })) },
    { name: 'a call a third party makes to another', doc: diagram(node('stripe', 'external'), node('bank', 'external'), edge('stripe', 'bank')) },
    { name: 'an async hand-off', doc: diagram(pair, edge('api', 'stripe', { kind: 'async' })) },
    { name: 'an internal service', doc: diagram(node('api', 'service'), node('pay', 'service'), edge('api', 'pay')) },
  ],
});
