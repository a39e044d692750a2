import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { queueNoDlq } from './queue-no-dlq.ts';

const worker = node('worker', 'worker', { idempotent: true });

describeRule(queueNoDlq, {
  fires: [
    {
      name: 'a consumed queue with no dead-letter queue',
      doc: diagram(node('q', 'queue'), worker, edge('q', 'worker', { kind: 'async' })),
      nodes: [['q']],
      mentions: ['q has no dead-letter queue'],
    },
  ],
  quiet: [
    { name: 'a dead-letter queue', doc: diagram(node('q', 'queue', { deadLetterQueue: true }), worker, edge('q', 'worker')) },
    { name: 'no consumer: queue-no-consumer is the root', doc: diagram(node('api', 'service'), node('q', 'queue'), edge('api', 'q')) },
    { name: 'a stream is not a queue', doc: diagram(node('s', 'stream'), worker, edge('s', 'worker')) },
    { name: 'at-most-once delivery drops failures by design', doc: diagram(node('q', 'queue', { delivery: 'at-most-once' }), worker, edge('q', 'worker')) },
  ],
});
