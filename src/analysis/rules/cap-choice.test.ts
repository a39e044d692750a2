import { describe, expect, it } from 'vitest';
import type { Props } from '../../model/types.ts';
import { capOf } from '../cap.ts';
import { describeRule } from '../describe-rule.ts';
import { diagram, node, runRule } from '../testing.ts';
import { capChoice } from './cap-choice.ts';

describe('capOf, row by row (first match wins)', () => {
  it.each([
    // (1) an explicit consistency beats everything else
    ['explicit strong on cassandra', 'nosql-database', { engine: 'cassandra', consistency: 'strong' }, 'CP'],
    ['explicit eventual on a single postgres', 'sql-database', { engine: 'postgresql', consistency: 'eventual' }, 'AP'],
    ['explicit eventual on a coordination service', 'coordination', { consistency: 'eventual' }, 'AP'],
    // (2) engines with a known stance
    ['cassandra', 'nosql-database', { engine: 'cassandra' }, 'AP'],
    ['dynamodb', 'nosql-database', { engine: 'dynamodb' }, 'AP'],
    ['couchdb', 'nosql-database', { engine: 'couchdb' }, 'AP'],
    ['riak', 'nosql-database', { engine: 'riak' }, 'AP'],
    ['redis', 'nosql-database', { engine: 'redis' }, 'AP'],
    ['redis as a cache', 'cache', { engine: 'redis' }, 'AP'],
    ['mongodb', 'nosql-database', { engine: 'mongodb' }, 'CP'],
    ['hbase', 'nosql-database', { engine: 'hbase' }, 'CP'],
    ['cockroachdb', 'sql-database', { engine: 'cockroachdb', replicas: 3 }, 'CP'],
    ['cockroachdb spelled "Cockroach DB"', 'sql-database', { engine: 'Cockroach DB', replicas: 3 }, 'CP'],
    ['spanner', 'sql-database', { engine: 'spanner', replicas: 3, replication: 'async' }, 'CP'],
    ['tidb', 'sql-database', { engine: 'tidb', replicas: 3 }, 'CP'],
    ['etcd', 'coordination', { engine: 'etcd' }, 'CP'],
    ['zookeeper', 'coordination', { engine: 'zookeeper' }, 'CP'],
    ['consul', 'coordination', { engine: 'consul' }, 'CP'],
    ['cassandra even as a "sql" store', 'sql-database', { engine: 'cassandra' }, 'AP'],
    // (3) other SQL stores follow their replication
    ['one replica', 'sql-database', { engine: 'postgresql' }, 'CP'],
    ['one replica, replication async set', 'sql-database', { engine: 'mysql', replication: 'async' }, 'CP'],
    ['synchronous replication', 'sql-database', { engine: 'postgresql', replicas: 3, replication: 'sync' }, 'CP'],
    ['asynchronous replication', 'sql-database', { engine: 'postgresql', replicas: 3, replication: 'async' }, 'AP'],
    ['async by default with several replicas', 'sql-database', { engine: 'mysql', replicas: 2 }, 'AP'],
    ['no engine, several replicas', 'sql-database', { replicas: 2 }, 'AP'],
    // (4) other NoSQL stores are AP, coordination is CP
    ['an unknown nosql engine', 'nosql-database', { engine: 'scylla-like' }, 'AP'],
    ['nosql with no engine', 'nosql-database', {}, 'AP'],
    ['coordination with no engine', 'coordination', {}, 'CP'],
  ] as const)('%s', (_name, kind, props, expected) => {
    expect(capOf(node('x', kind, props as Props))?.cap).toBe(expected);
  });

  it.each([
    ['a cache with no engine', 'cache', {}],
    ['memcached', 'cache', { engine: 'memcached' }],
    ['a service', 'service', { engine: 'redis' }],
    ['a queue', 'queue', { engine: 'sqs' }],
  ] as const)('does not classify %s', (_name, kind, props) => {
    expect(capOf(node('x', kind, props as Props))).toBeUndefined();
  });

  it('explains its choice', () => {
    expect(capOf(node('x', 'sql-database', { replicas: 2 }))?.reason).toMatch(/asynchronous replication/);
    expect(capOf(node('x', 'nosql-database', { engine: 'cassandra' }))?.reason).toMatch(/Cassandra/);
  });
});

describeRule(capChoice, {
  fires: [
    {
      name: 'one finding per store',
      doc: diagram(
        node('orders', 'sql-database'),
        node('feed', 'nosql-database', { engine: 'cassandra' }),
        node('locks', 'coordination', { replicas: 3 }),
        node('sessions', 'cache', { engine: 'redis' }),
        node('api', 'service'),
      ),
      nodes: [['orders'], ['feed'], ['locks'], ['sessions']],
      mentions: ['partition'],
    },
  ],
  quiet: [{ name: 'no stores', doc: diagram(node('web', 'client'), node('api', 'service'), node('q', 'queue')) }],
});

describe('cap-choice findings', () => {
  it('carry the class', () => {
    const findings = runRule(capChoice, diagram(node('a', 'sql-database', { replicas: 3 }), node('b', 'coordination')));
    expect(findings.map((f) => f.cap)).toEqual(['AP', 'CP']);
    expect(findings[0]!.message).toMatch(/^a is AP because asynchronous replication/);
  });

  it('say what each engine really does: Redis replicates asynchronously and does not reconcile', () => {
    const [redis, cassandra] = runRule(capChoice, diagram(node('r', 'cache', { engine: 'redis' }), node('c', 'nosql-database', { engine: 'cassandra' })));
    expect(redis!.message).toContain('Redis copies to its replicas asynchronously and does not reconcile');
    expect(redis!.message).not.toMatch(/reconcile copies afterwards|catch up/);
    expect(cassandra!.message).toContain('repairs copies that disagree afterwards');
  });
});
