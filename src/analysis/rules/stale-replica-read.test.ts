import { describe, expect, it } from 'vitest';
import { analyse } from '../run.ts';
import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { staleReplicaRead } from './stale-replica-read.ts';

const strong = { consistency: 'strong' } as const;
const copy = { kind: 'replication' } as const;
const api = node('api', 'service', { replicas: 2 });

describeRule(staleReplicaRead, {
  fires: [
    {
      name: 'a strong read from a read replica fed asynchronously',
      doc: diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database'), edge('primary', 'replica', copy), edge('api', 'replica', strong)),
      nodes: [['replica', 'api', 'primary']],
      edges: [['api>replica', 'primary>replica']],
      mentions: ['api needs the latest writes but reads replica, an asynchronous copy of primary'],
    },
  ],
  quiet: [
    {
      name: 'the primary replicates synchronously',
      doc: diagram(api, node('primary', 'sql-database', { replication: 'sync' }), node('replica', 'sql-database'), edge('primary', 'replica', copy), edge('api', 'replica', strong)),
    },
    {
      name: 'reads that may be stale',
      doc: diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database'), edge('primary', 'replica', copy), edge('api', 'replica')),
    },
    {
      name: 'strong reads from the primary',
      doc: diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database'), edge('primary', 'replica', copy), edge('api', 'primary', strong)),
    },
    {
      name: 'the copy is itself AP: cap-mismatch reports it',
      doc: diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database', { replicas: 3 }), edge('primary', 'replica', copy), edge('api', 'replica', strong)),
    },
  ],
});

describe('stale-replica-read and cap-mismatch', () => {
  it('never both report the same strong read', () => {
    const docs = [
      diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database', { replicas: 3 }), edge('primary', 'replica', copy), edge('api', 'replica', strong)),
      diagram(api, node('primary', 'sql-database'), node('replica', 'sql-database'), edge('primary', 'replica', copy), edge('api', 'replica', strong)),
      diagram(api, node('db', 'sql-database', { replicas: 3 }), edge('api', 'db', strong)),
    ];
    const reported = docs.map((doc) =>
      analyse(doc)
        .filter((f) => f.rule === 'cap-mismatch' || f.rule === 'stale-replica-read')
        .map((f) => f.rule),
    );
    expect(reported).toEqual([['cap-mismatch'], ['stale-replica-read'], ['cap-mismatch']]);
  });
});
