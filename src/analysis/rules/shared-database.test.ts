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
      mentions: ['orders and billing all write to db'],
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
  ],
  quiet: [
    { name: 'one service per database', doc: diagram(orders, billing, node('a', 'sql-database'), node('b', 'sql-database'), edge('orders', 'a'), edge('billing', 'b')) },
    {
      name: 'the second service only reads',
      doc: diagram(orders, billing, node('db', 'sql-database'), edge('orders', 'db'), { ...edge('billing', 'db'), label: 'read-only lookup' }),
    },
    {
      name: 'a service and its worker',
      doc: diagram(orders, node('w', 'worker'), node('db', 'sql-database'), edge('orders', 'db'), edge('w', 'db')),
    },
    { name: 'two edges from the same service', doc: diagram(orders, node('db', 'sql-database'), edge('orders', 'db'), edge('orders', 'db', {}, 'again')) },
    { name: 'two services sharing a cache', doc: diagram(orders, billing, node('c', 'cache'), edge('orders', 'c'), edge('billing', 'c')) },
  ],
});
