import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { sharedDatabase } from './shared-database.ts';

const orders = node('orders', 'service');
const billing = node('billing', 'service');

describeRule(sharedDatabase, {
  fires: [
    {
      name: 'two services writing one SQL database',
      doc: diagram(orders, billing, node('db', 'sql-database'), edge('orders', 'db'), edge('billing', 'db')),
      nodes: [['db', 'orders', 'billing']],
      edges: [['orders>db', 'billing>db']],
      mentions: ['orders and billing both write to db'],
    },
    {
      name: 'three services on one NoSQL store, one of them read-only',
      doc: diagram(
        orders,
        billing,
        node('report', 'service'),
        node('db', 'nosql-database'),
        edge('orders', 'db'),
        edge('billing', 'db'),
        { ...edge('report', 'db'), label: 'reads' },
      ),
      nodes: [['db', 'orders', 'billing']],
    },
    {
      name: 'a worker and a WebSocket server write too, and three writers are "all"',
      doc: diagram(orders, node('jobs', 'worker'), node('chat', 'websocket-server'), node('db', 'nosql-database'), edge('orders', 'db'), edge('jobs', 'db', { kind: 'async' }), edge('chat', 'db')),
      nodes: [['db', 'orders', 'jobs', 'chat']],
      mentions: ['orders, jobs and chat all write to db'],
    },
    {
      name: 'a shared primary is reported, its replica is not',
      doc: diagram(
        orders,
        billing,
        node('primary', 'sql-database'),
        node('replica', 'sql-database'),
        edge('orders', 'primary'),
        edge('billing', 'primary'),
        edge('primary', 'replica', { kind: 'replication' }),
        // Unlabelled, these could be writes; the replica is still left to its primary.
        edge('orders', 'replica'),
        edge('billing', 'replica'),
      ),
      nodes: [['primary', 'orders', 'billing']],
    },
  ],
  quiet: [
    { name: 'a gateway and a cache are not writers', doc: diagram(orders, node('gw', 'api-gateway'), node('db', 'sql-database'), edge('orders', 'db'), edge('gw', 'db')) },
    { name: 'one service per database', doc: diagram(orders, billing, node('a', 'sql-database'), node('b', 'sql-database'), edge('orders', 'a'), edge('billing', 'b')) },
    {
      name: 'the second service only reads',
      doc: diagram(orders, billing, node('db', 'sql-database'), edge('orders', 'db'), { ...edge('billing', 'db'), label: 'read-only lookup' }),
    },
    {
      name: 'a service and the worker that handles its own queue',
      doc: diagram(orders, node('q', 'queue'), node('w', 'worker'), node('db', 'sql-database'), edge('orders', 'db'), edge('orders', 'q'), edge('q', 'w'), edge('w', 'db')),
    },
    { name: 'two edges from the same service', doc: diagram(orders, node('db', 'sql-database'), edge('orders', 'db'), edge('orders', 'db', {}, 'again')) },
    { name: 'two services sharing a cache', doc: diagram(orders, billing, node('c', 'cache'), edge('orders', 'c'), edge('billing', 'c')) },
  ],
});
