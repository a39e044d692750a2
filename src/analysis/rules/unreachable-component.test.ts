import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { unreachableComponent } from './unreachable-component.ts';

const web = node('web', 'client');

describeRule(unreachableComponent, {
  fires: [
    {
      name: 'an orphan service and what only it reaches',
      doc: diagram(web, node('api', 'service'), node('orphan', 'service'), node('db', 'sql-database'), edge('web', 'api'), edge('orphan', 'db')),
      nodes: [['orphan'], ['db']],
      mentions: ['Nothing reaches'],
    },
    {
      name: 'a store reached only against the flow',
      doc: diagram(web, node('api', 'service'), node('audit', 'sql-database'), edge('web', 'api'), edge('audit', 'api')),
      nodes: [['audit']],
    },
  ],
  quiet: [
    {
      name: 'everything reached from a client',
      doc: diagram(web, node('api', 'service'), node('q', 'queue'), node('w', 'worker'), edge('web', 'api'), edge('api', 'q', { kind: 'async' }), edge('q', 'w', { kind: 'async' })),
    },
    {
      name: 'a standby fed by replication from something in use',
      doc: diagram(web, node('db', 'sql-database'), node('standby', 'sql-database'), node('dr', 'sql-database'), edge('web', 'db'), edge('db', 'standby', { kind: 'replication' }), edge('standby', 'dr', { kind: 'replication' })),
    },
    {
      name: 'a scheduled worker and what it calls',
      doc: diagram(web, node('api', 'service'), node('cron', 'worker'), node('db', 'sql-database'), edge('web', 'api'), edge('cron', 'db')),
    },
    {
      name: 'a webhook from a third party',
      doc: diagram(web, node('api', 'service'), node('stripe', 'external'), node('hooks', 'service'), edge('web', 'api'), edge('stripe', 'hooks')),
    },
    { name: 'no client at all: no-entry-point is the root', doc: diagram(node('api', 'service'), node('db', 'sql-database'), edge('api', 'db')) },
    { name: 'a second client with no edges', doc: diagram(web, node('mobile', 'client')) },
  ],
});
