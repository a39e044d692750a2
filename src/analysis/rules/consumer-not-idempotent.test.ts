import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { consumerNotIdempotent } from './consumer-not-idempotent.ts';

const async = { kind: 'async' } as const;

describeRule(consumerNotIdempotent, {
  fires: [
    {
      name: 'at-least-once by default into a worker',
      doc: diagram(node('q', 'queue'), node('w', 'worker'), edge('q', 'w', async)),
      nodes: [['w', 'q']],
      edges: [['q>w']],
      mentions: ['q delivers at least once, so w'],
    },
    {
      name: 'a stream set to at-least-once into a service',
      doc: diagram(node('s', 'stream', { delivery: 'at-least-once' }), node('svc', 'service'), edge('s', 'svc', async)),
      nodes: [['svc', 's']],
    },
    {
      name: 'a request-kind edge out of a queue is still consumption',
      doc: diagram(node('q', 'queue'), node('w', 'worker', { idempotent: false }), edge('q', 'w')),
      nodes: [['w', 'q']],
    },
  ],
  quiet: [
    { name: 'an idempotent worker', doc: diagram(node('q', 'queue'), node('w', 'worker', { idempotent: true }), edge('q', 'w', async)) },
    { name: 'at-most-once delivery', doc: diagram(node('q', 'queue', { delivery: 'at-most-once' }), node('w', 'worker'), edge('q', 'w', async)) },
    { name: 'exactly-once delivery', doc: diagram(node('s', 'stream', { delivery: 'exactly-once' }), node('w', 'worker'), edge('s', 'w', async)) },
    { name: 'a queue feeding a database', doc: diagram(node('q', 'queue'), node('db', 'nosql-database'), edge('q', 'db', async)) },
    { name: 'a service calling a worker directly', doc: diagram(node('api', 'service'), node('w', 'worker'), edge('api', 'w')) },
  ],
});
