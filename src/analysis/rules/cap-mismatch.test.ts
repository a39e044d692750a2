import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { capMismatch } from './cap-mismatch.ts';

const api = node('api', 'service', { replicas: 2 });
const strong = { consistency: 'strong' } as const;

describeRule(capMismatch, {
  fires: [
    {
      name: 'a strong read from Cassandra',
      doc: diagram(api, node('ledger', 'nosql-database', { engine: 'cassandra' }), edge('api', 'ledger', strong)),
      nodes: [['ledger', 'api']],
      edges: [['api>ledger']],
      mentions: ['api needs to read the latest writes from ledger', 'AP'],
    },
    {
      name: 'a strong read from asynchronously replicated SQL',
      doc: diagram(api, node('db', 'sql-database', { replicas: 3 }), edge('api', 'db', strong)),
      nodes: [['db', 'api']],
    },
    {
      name: 'a strong async consumption from a Redis cache',
      doc: diagram(api, node('c', 'cache', { engine: 'redis' }), edge('api', 'c', { consistency: 'strong', kind: 'async' })),
      nodes: [['c', 'api']],
    },
  ],
  quiet: [
    {
      name: 'a strong read from a CP store',
      doc: diagram(api, node('db', 'sql-database', { replicas: 3, replication: 'sync' }), edge('api', 'db', strong)),
    },
    {
      name: 'an ordinary read from an AP store',
      doc: diagram(api, node('feed', 'nosql-database', { engine: 'cassandra' }), edge('api', 'feed')),
    },
    {
      name: 'strong on a replication edge',
      doc: diagram(node('a', 'sql-database'), node('b', 'nosql-database'), edge('a', 'b', { kind: 'replication', consistency: 'strong' })),
    },
    {
      name: 'strong into something unclassified',
      doc: diagram(api, node('other', 'service'), edge('api', 'other', strong)),
    },
  ],
});
