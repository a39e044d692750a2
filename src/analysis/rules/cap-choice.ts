import { capOf, partitionBehaviour } from '../cap.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const capChoice: Rule = defineRule({
  id: 'cap-choice',
  severity: 'info',
  title: 'Consistency or availability during a partition',
  why:
    'Networks split, and a replicated store must then either refuse some requests (CP) or answer with data that ' +
    'may be out of date (AP). Knowing which one each store picks tells you what users see when things go wrong.',
  when:
    'Every SQL database, NoSQL database and coordination component, and every cache whose engine has a known ' +
    'stance. First match wins: an explicit consistency (strong is CP, eventual is AP); then the engine ' +
    '(Cassandra, DynamoDB, CouchDB, Riak and Redis are AP; MongoDB, HBase, CockroachDB, Spanner, TiDB, etcd, ' +
    'ZooKeeper and Consul are CP); then a SQL database is CP with one replica or synchronous replication and ' +
    'AP with asynchronous replication (the default with several replicas); any other NoSQL database is AP and ' +
    'a coordination service CP. The finding carries `cap`.',
  fix:
    'Check that the choice suits the data: money, stock and unique names usually need CP; feeds, counters and ' +
    'profiles can usually live with AP. Set the consistency property when the engine is tuned away from its default.',
  check: ({ graph }) =>
    graph.components.flatMap((node): Finding[] => {
      const choice = capOf(node);
      if (!choice) return [];
      const label = graph.label(node.id);
      const message = `${label} is ${choice.cap} because ${choice.reason}: ${partitionBehaviour(choice.cap)}.`;
      return [{ ...finding(capChoice, [node.id], message), cap: choice.cap }];
    }),
});
