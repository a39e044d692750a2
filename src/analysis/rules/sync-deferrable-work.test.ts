import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { syncDeferrableWork } from './sync-deferrable-work.ts';

const web = node('web', 'client');
const api = node('api', 'service');

describeRule(syncDeferrableWork, {
  fires: [
    {
      name: 'an email sent while the user waits',
      doc: diagram(web, api, node('mail', 'external', {}, { label: 'SendGrid' }), path(['web', 'api', 'mail'])),
      nodes: [['api', 'mail']],
      edges: [['api>mail']],
      mentions: ['api calls SendGrid synchronously while a user waits'],
    },
    {
      name: 'analytics and notifications deep on the request path',
      doc: diagram(
        web,
        api,
        node('orders', 'service'),
        node('stats', 'service', {}, { label: 'Click analytics' }),
        node('notify', 'worker', {}, { label: 'Push notifications' }),
        path(['web', 'api', 'orders', 'stats']),
        edge('orders', 'notify'),
      ),
      nodes: [['orders', 'stats'], ['orders', 'notify']],
    },
    {
      name: 'only the first call on the way to deferrable work: what it calls in turn is the same root',
      doc: diagram(
        web,
        api,
        node('db', 'sql-database'),
        node('notify', 'service', {}, { label: 'Notifications' }),
        node('sms', 'external', {}, { label: 'Twilio' }),
        path(['web', 'api', 'notify', 'sms']),
        edge('api', 'db'),
      ),
      nodes: [['api', 'notify']],
    },
  ],
  quiet: [
    {
      name: 'email handed to a queue',
      doc: diagram(web, api, node('q', 'queue'), node('mail', 'worker', {}, { label: 'Email sender' }), edge('web', 'api'), path(['api', 'q', 'mail'], { kind: 'async' })),
    },
    {
      name: 'a worker calling the email provider after a queue',
      doc: diagram(web, api, node('q', 'queue'), node('w', 'worker'), node('mail', 'external', {}, { label: 'Email provider' }), edge('web', 'api'), path(['api', 'q', 'w'], { kind: 'async' }), edge('w', 'mail')),
    },
    {
      name: 'a gateway routing to the system\'s own notifications service',
      doc: diagram(web, node('gw', 'api-gateway'), node('notify', 'service', {}, { label: 'Notifications' }), path(['web', 'gw', 'notify'])),
    },
    {
      name: 'a name alone is not enough: a dashboard whose whole job is to read the metrics service',
      doc: diagram(web, node('dash', 'service', {}, { label: 'Dashboard' }), node('metrics', 'service', {}, { label: 'Metrics API' }), path(['web', 'dash', 'metrics'])),
    },
    { name: 'ordinary services', doc: diagram(web, api, node('orders', 'service', {}, { label: 'Orders' }), path(['web', 'api', 'orders'])) },
    { name: 'the browser itself sending analytics', doc: diagram(web, node('ga', 'external', {}, { label: 'Analytics' }), edge('web', 'ga')) },
    { name: 'a store named "metrics" is not work', doc: diagram(web, api, node('m', 'nosql-database', {}, { label: 'Metrics store' }), path(['web', 'api', 'm'])) },
  ],
});
