import { capOf } from '../cap.ts';
import { hasTrait } from '../../model/catalogue.ts';
import { textOf } from '../../model/props.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

// A store fed by a replication edge is a copy of the edge's source, and the copy is
// asynchronous unless the source replicates synchronously. When the copy itself is
// classified AP, cap-mismatch already reports the same strong read: it is the root.

export const staleReplicaRead: Rule = defineRule({
  id: 'stale-replica-read',
  severity: 'error',
  title: 'Fresh data read from an asynchronous replica',
  why:
    'An asynchronous replica applies the primary’s writes a little later, sometimes seconds later under load. A ' +
    'caller that needs the latest write and reads the replica will sometimes miss it, for example a user who ' +
    'saves a change and does not see it on the next page.',
  when:
    'An edge marked `consistency: strong` into a SQL or NoSQL store that is the target of a replication edge ' +
    'from a store not set to `replication: sync`. When the copy is itself classified AP, cap-mismatch reports ' +
    'the read instead, so the two never report the same edge.',
  fix:
    'Send reads that must be fresh to the primary (or to a synchronous replica), and keep replicas for reads that ' +
    'can be a little behind; or read your own writes from the primary for a short time after writing.',
  check: ({ graph }) =>
    graph.flowEdges.flatMap((edge): Finding[] => {
      if (edge.props.consistency !== 'strong') return [];
      const copy = graph.nodes.get(edge.target)!;
      if (!hasTrait(copy.kind, 'database') || capOf(copy)?.cap === 'AP') return [];
      const feed = graph.replicationsInto(copy.id).find((replication) => {
        const primary = graph.nodes.get(replication.source)!;
        return hasTrait(primary.kind, 'database') && textOf(primary, 'replication') !== 'sync';
      });
      if (!feed) return [];
      const message =
        `${graph.label(edge.source)} needs the latest writes but reads ${graph.label(copy.id)}, an asynchronous ` +
        `copy of ${graph.label(feed.source)}: a read right after a write can miss it.`;
      return [finding(staleReplicaRead, [copy.id, edge.source, feed.source], message, [edge.id, feed.id])];
    }),
});
