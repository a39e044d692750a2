import { flagOf, textOf } from '../../model/props.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const queueNoDlq: Rule = defineRule({
  id: 'queue-no-dlq',
  severity: 'warning',
  title: 'Queue without a dead-letter queue',
  why:
    'Some messages fail every time: bad data, a bug, a missing record. Without a dead-letter queue such a message ' +
    'is retried forever, holding up the ones behind it, or dropped with no record of what was lost.',
  when:
    'A queue that has a consumer (an outgoing flow edge), delivers at least once (the default) or exactly once, ' +
    'and has `deadLetterQueue` not turned on. At-most-once delivery drops a failed message by design, so it needs ' +
    'none. A queue with no consumer is left to queue-no-consumer.',
  fix:
    'Configure a dead-letter queue with a maximum number of delivery attempts, alert when it fills, and have a way ' +
    'to inspect and replay what lands there.',
  check: ({ graph }) =>
    graph.ofKind('queue').flatMap((queue): Finding[] => {
      // With no consumer nothing can fail processing; queue-no-consumer is the root finding.
      if (flagOf(queue, 'deadLetterQueue') || graph.outgoing(queue.id).length === 0) return [];
      // At most once: a message that fails is dropped on purpose, not retried.
      if (textOf(queue, 'delivery') === 'at-most-once') return [];
      const message =
        `${graph.label(queue.id)} has no dead-letter queue: a message that keeps failing is either retried ` +
        'forever, blocking the others, or dropped without a trace.';
      return [finding(queueNoDlq, [queue.id], message)];
    }),
});
