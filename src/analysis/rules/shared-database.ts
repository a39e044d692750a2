import { hasTrait } from '../../model/catalogue.ts';
import type { NodeKind } from '../../model/types.ts';
import type { Graph } from '../graph.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

// Edges carry no read/write flag, so an edge labelled as a read ("read", "reads",
// "read-only", "lookup") is taken to be one; every other edge from a component that
// runs application code (services, WebSocket servers, workers) may write. A store fed
// by replication is a copy of another: its writers are the primary's, reported there.
const writesFrom = (kind: NodeKind) => hasTrait(kind, 'servesRequests') || hasTrait(kind, 'consumer');

/** A consumer fed only through brokers that one component alone publishes to does that
 *  component's work (its own background worker): the two count as one writer. */
function ownerOf(graph: Graph, id: string): string {
  const feeds = graph.incoming(id).map((edge) => graph.nodes.get(edge.source)!);
  if (feeds.length === 0 || !feeds.every((feed) => hasTrait(feed.kind, 'broker'))) return id;
  const producers = new Set(feeds.flatMap((broker) => graph.incoming(broker.id).map((edge) => edge.source)));
  return producers.size === 1 ? [...producers][0]! : id;
}
const READ_ONLY = /\b(read|reads|read-only|readonly|lookups?)\b/i;

export const sharedDatabase: Rule = defineRule({
  id: 'shared-database',
  severity: 'warning',
  title: 'Several services writing one database',
  why:
    'Services that write the same tables are coupled through the schema: one service’s migration, lock or slow ' +
    'query breaks the others, and none can be deployed, scaled or changed alone. It is a distributed monolith ' +
    'with the costs of both styles.',
  when:
    'A SQL or NoSQL database with flow edges from 2 or more different components that run application code ' +
    '(services, WebSocket servers, workers). An edge labelled as a read (read, reads, read-only, lookup) does not ' +
    'count as writing, a worker fed only through queues that one component alone publishes to counts as part of ' +
    'that component, and a database fed by a replication edge is a copy: it is left to its primary.',
  fix:
    'Give each service its own data and let the others ask it through its API or follow its events; if one ' +
    'service only reads, label that edge "read".',
  check: ({ graph }) =>
    graph.withTrait('database').flatMap((db): Finding[] => {
      if (graph.replicationsInto(db.id).length > 0) return [];
      const writes = graph.incoming(db.id).filter((edge) => writesFrom(graph.nodes.get(edge.source)!.kind) && !READ_ONLY.test(edge.label ?? ''));
      const writers = [...new Set(writes.map((edge) => ownerOf(graph, edge.source)))];
      if (writers.length < 2) return [];
      const message =
        `${listOf(writers.map(graph.label))} ${writers.length === 2 ? 'both' : 'all'} write to ${graph.label(db.id)}: ` +
        'a schema change or slow query in one breaks the others, so they cannot change or scale apart.';
      return [finding(sharedDatabase, [db.id, ...writers], message, writes.map((edge) => edge.id))];
    }),
});
