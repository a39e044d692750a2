import { labels, predecessors } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

export const queueNoConsumer: Rule = defineRule({
  id: 'queue-no-consumer',
  severity: 'warning',
  title: 'Queue or stream that nothing consumes',
  why:
    'Messages are published but no component reads them, so the work they stand for never happens and the backlog ' +
    'grows until the broker runs out of space or starts dropping messages.',
  when: 'A queue or stream with incoming flow edges and none going out.',
  fix: 'Connect the worker or service that processes these messages (an edge from the queue to the consumer), or remove the queue.',
  check: ({ graph }) =>
    graph.withTrait('broker').flatMap((broker): Finding[] => {
      if (graph.outgoing(broker.id).length > 0) return [];
      const producers = predecessors(graph, broker.id);
      // Nothing in and nothing out is simply unused; unreachable-component covers that.
      if (producers.length === 0) return [];
      const message =
        `Nothing consumes from ${graph.label(broker.id)}: what ${listOf(labels(graph, producers))} ` +
        `${producers.length === 1 ? 'publishes' : 'publish'} piles up and is never processed.`;
      return [finding(queueNoConsumer, [broker.id, ...producers.map((node) => node.id)], message)];
    }),
});
