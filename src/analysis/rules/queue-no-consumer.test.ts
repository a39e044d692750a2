import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { queueNoConsumer } from './queue-no-consumer.ts';

describeRule(queueNoConsumer, {
  fires: [
    {
      name: 'a queue with producers and no consumer',
      doc: diagram(node('api', 'service'), node('q', 'queue'), edge('api', 'q', { kind: 'async' })),
      nodes: [['q', 'api']],
      mentions: ['Nothing consumes from q: what api publishes'],
    },
    {
      name: 'a stream two services publish to',
      doc: diagram(node('a', 'service'), node('b', 'service'), node('s', 'stream'), edge('a', 's'), edge('b', 's')),
      nodes: [['s', 'a', 'b']],
      mentions: ['a and b publish'],
    },
  ],
  quiet: [
    { name: 'a consumer', doc: diagram(node('api', 'service'), node('q', 'queue'), node('w', 'worker'), edge('api', 'q'), edge('q', 'w')) },
    { name: 'an isolated queue is unused, not unconsumed', doc: diagram(node('q', 'queue')) },
    { name: 'a service with no outgoing edges is not a broker', doc: diagram(node('a', 'service'), node('b', 'service'), edge('a', 'b')) },
  ],
});
