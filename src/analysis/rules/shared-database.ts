import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

// Edges carry no read/write flag, so an edge labelled as a read ("read", "reads",
// "read-only", "lookup") is taken to be one; every other service edge may write.
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
    'A SQL or NoSQL database with flow edges from 2 or more different services. An edge labelled as a read ' +
    '(read, reads, read-only, lookup) does not count as writing.',
  fix:
    'Give each service its own data and let the others ask it through its API or follow its events; if one ' +
    'service only reads, label that edge "read".',
  check: ({ graph }) =>
    graph.withTrait('database').flatMap((db): Finding[] => {
      const writes = graph
        .incoming(db.id)
        .filter((edge) => graph.nodes.get(edge.source)!.kind === 'service' && !READ_ONLY.test(edge.label ?? ''));
      const writers = [...new Set(writes.map((edge) => edge.source))];
      if (writers.length < 2) return [];
      const message =
        `${listOf(writers.map(graph.label))} all write to ${graph.label(db.id)}: a schema change or slow query in ` +
        'one breaks the others, so they cannot change or scale apart.';
      return [finding(sharedDatabase, [db.id, ...writers], message, writes.map((edge) => edge.id))];
    }),
});
