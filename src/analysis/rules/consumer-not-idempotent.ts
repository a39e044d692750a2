import { hasTrait } from '../../model/catalogue.ts';
import { flagOf, textOf } from '../../model/props.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

// Any flow edge out of a queue or stream is a consumer reading from it: a broker does
// not call anyone, so the edge kind (request or async) does not change that.

export const consumerNotIdempotent: Rule = defineRule({
  id: 'consumer-not-idempotent',
  severity: 'warning',
  title: 'At-least-once delivery into a consumer that is not idempotent',
  why:
    'At-least-once delivery means a message is redelivered whenever the broker is not sure it was handled: after a ' +
    'timeout, a crash or a rebalance. A consumer that is not idempotent then charges, emails or counts twice.',
  when:
    'A flow edge from a queue or stream whose delivery is at-least-once (the default) to a worker or service ' +
    'not marked `idempotent: true`.',
  fix:
    'Make the handler idempotent (an idempotency key checked against a store, upserts instead of inserts, ' +
    'conditional updates) and mark it so, or use a broker and handler that together give effectively-once processing.',
  check: ({ graph }) =>
    graph
      .withTrait('broker')
      .filter((broker) => textOf(broker, 'delivery') === 'at-least-once')
      .flatMap((broker) =>
        graph.outgoing(broker.id).flatMap((edge): Finding[] => {
          const consumer = graph.nodes.get(edge.target)!;
          if (!hasTrait(consumer.kind, 'consumer') || flagOf(consumer, 'idempotent')) return [];
          const message =
            `${graph.label(broker.id)} delivers at least once, so ${graph.label(consumer.id)} will sometimes get the ` +
            'same message twice, and it is not marked idempotent.';
          return [finding(consumerNotIdempotent, [consumer.id, broker.id], message, [edge.id])];
        }),
      ),
});
