import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { coordinationQuorum } from './coordination-quorum.ts';

describeRule(coordinationQuorum, {
  fires: [
    { name: 'one member', doc: diagram(node('zk', 'coordination')), nodes: [['zk']], mentions: ['single member'] },
    { name: 'two members', doc: diagram(node('zk', 'coordination', { replicas: 2 })), nodes: [['zk']], mentions: ['losing either one stops it'] },
    { name: 'four members', doc: diagram(node('etcd', 'coordination', { replicas: 4 })), nodes: [['etcd']], mentions: ['no more failures than 3 members'] },
  ],
  quiet: [
    { name: 'three members', doc: diagram(node('zk', 'coordination', { replicas: 3 })) },
    {
      name: 'one member a client needs: spof is the root',
      doc: diagram(node('web', 'client'), node('api', 'service', { replicas: 2 }), node('zk', 'coordination'), edge('web', 'api'), edge('api', 'zk')),
    },
    { name: 'five members', doc: diagram(node('zk', 'coordination', { replicas: 5 })) },
    { name: 'a two-replica database is not a consensus group', doc: diagram(node('db', 'sql-database', { replicas: 2 })) },
  ],
});
