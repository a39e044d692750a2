import { kindInfo } from '../model/catalogue.ts';
import { textOf } from '../model/props.ts';
import { replicasOf, type DiagramNode } from '../model/types.ts';
import type { CapClass } from './types.ts';

// Which side of the CAP trade-off a store takes when the network splits. First match
// wins: an explicit consistency setting, then the engine's known stance, then what
// the kind and its replication imply.

export interface CapChoice {
  cap: CapClass;
  /** Why, in a short phrase that can follow "CP because" or stand alone. */
  reason: string;
}

const ENGINE_STANCE = new Map<string, { cap: CapClass; name: string }>([
  ['cassandra', { cap: 'AP', name: 'Cassandra' }],
  ['dynamodb', { cap: 'AP', name: 'DynamoDB' }],
  ['dynamo', { cap: 'AP', name: 'DynamoDB' }],
  ['couchdb', { cap: 'AP', name: 'CouchDB' }],
  ['riak', { cap: 'AP', name: 'Riak' }],
  ['redis', { cap: 'AP', name: 'Redis' }],
  ['mongodb', { cap: 'CP', name: 'MongoDB' }],
  ['mongo', { cap: 'CP', name: 'MongoDB' }],
  ['hbase', { cap: 'CP', name: 'HBase' }],
  ['cockroachdb', { cap: 'CP', name: 'CockroachDB' }],
  ['cockroach', { cap: 'CP', name: 'CockroachDB' }],
  ['spanner', { cap: 'CP', name: 'Spanner' }],
  ['tidb', { cap: 'CP', name: 'TiDB' }],
  ['etcd', { cap: 'CP', name: 'etcd' }],
  ['zookeeper', { cap: 'CP', name: 'ZooKeeper' }],
  ['consul', { cap: 'CP', name: 'Consul' }],
]);

const STANCE_REASON: Record<CapClass, string> = {
  AP: 'is built to stay available and reconcile copies afterwards',
  CP: 'is built to refuse requests rather than let copies disagree',
};

/** "postgres-ql", "Cockroach DB" and "cockroachdb" all name the same engine. */
export function engineKey(node: DiagramNode): string {
  return (textOf(node, 'engine') ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Undefined for kinds the table does not cover, and for caches with no known engine. */
export function capOf(node: DiagramNode): CapChoice | undefined {
  const family = kindInfo(node.kind).cap;
  if (!family) return undefined;
  const consistency = textOf(node, 'consistency');
  if (consistency === 'strong') return { cap: 'CP', reason: 'it is set to strong consistency' };
  if (consistency === 'eventual') return { cap: 'AP', reason: 'it is set to eventual consistency' };
  const stance = ENGINE_STANCE.get(engineKey(node));
  if (stance) return { cap: stance.cap, reason: `${stance.name} ${STANCE_REASON[stance.cap]}` };
  switch (family) {
    case 'relational':
      return sqlStance(node);
    case 'nosql':
      return { cap: 'AP', reason: 'most NoSQL stores favour availability with eventual consistency' };
    case 'consensus':
      return { cap: 'CP', reason: 'consensus answers only while a majority of members agree' };
    case 'cache':
      return undefined;
  }
}

function sqlStance(node: DiagramNode): CapChoice {
  const replication = textOf(node, 'replication');
  if (replicasOf(node) < 2) return { cap: 'CP', reason: 'a single copy never disagrees with itself' };
  if (replication === 'sync') {
    return { cap: 'CP', reason: 'synchronous replication confirms a write only once the replicas hold it' };
  }
  if (replication === 'none') return { cap: 'CP', reason: 'without replication only the primary serves data' };
  return { cap: 'AP', reason: 'asynchronous replication lets replicas fall behind the primary' };
}

/** What the choice means when the network splits, for explanations. */
export function partitionBehaviour(cap: CapClass): string {
  return cap === 'CP'
    ? 'during a network partition it turns requests away rather than answer with data that may be out of date'
    : 'during a network partition it keeps answering, and some reads may return stale data until the copies catch up';
}
