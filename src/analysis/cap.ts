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

// What each engine actually does with its copies, in words true of that engine.
const CASSANDRA = { cap: 'AP', reason: 'Cassandra lets any replica take a write and repairs copies that disagree afterwards, the latest write winning' } as const;
const DYNAMO = { cap: 'AP', reason: 'DynamoDB copies writes to other zones in the background and serves eventually consistent reads unless a read asks for strong consistency' } as const;
const MONGO = { cap: 'CP', reason: 'MongoDB takes writes only on its elected primary, and the side of a split without a majority stops taking them' } as const;
const COCKROACH = { cap: 'CP', reason: 'CockroachDB commits a write only once a Raft majority of its replicas holds it' } as const;
const ENGINE_STANCE = new Map<string, CapChoice>([
  ['cassandra', CASSANDRA],
  ['dynamodb', DYNAMO],
  ['dynamo', DYNAMO],
  ['couchdb', { cap: 'AP', reason: 'CouchDB takes writes on every copy and keeps conflicting revisions for the application to resolve' }],
  ['riak', { cap: 'AP', reason: 'Riak takes writes on any node and reconciles copies that disagree afterwards' }],
  ['redis', { cap: 'AP', reason: 'Redis copies to its replicas asynchronously and does not reconcile: after a failover, writes the old primary had acknowledged can be gone' }],
  ['mongodb', MONGO],
  ['mongo', MONGO],
  ['hbase', { cap: 'CP', reason: 'HBase serves each range of rows from exactly one region server at a time' }],
  ['cockroachdb', COCKROACH],
  ['cockroach', COCKROACH],
  ['spanner', { cap: 'CP', reason: 'Spanner commits a write only once a Paxos majority of its replicas holds it' }],
  ['tidb', { cap: 'CP', reason: 'TiDB commits a write only once a Raft majority of its replicas holds it' }],
  ['etcd', { cap: 'CP', reason: 'etcd answers only while a Raft majority of its members agree' }],
  ['zookeeper', { cap: 'CP', reason: 'ZooKeeper answers writes only while a majority of its ensemble agrees' }],
  ['consul', { cap: 'CP', reason: 'Consul answers only while a Raft majority of its servers agree' }],
]);

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
  if (stance) return stance;
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
    : 'during a network partition it keeps answering, and some reads may return data that is out of date';
}
