import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { noRateLimiting } from './no-rate-limiting.ts';

const web = node('web', 'client');
const api = node('api', 'service', { replicas: 3 });

describeRule(noRateLimiting, {
  fires: [
    {
      name: 'a client through a load balancer straight to the services',
      doc: diagram(web, node('lb', 'load-balancer'), api, path(['web', 'lb', 'api'])),
      nodes: [['web', 'api']],
      mentions: ['web reaches api without passing a rate-limited API gateway'],
    },
    {
      name: 'a plural label gets a plural verb',
      doc: diagram(node('users', 'client', {}, { label: 'Mobile users' }), api, path(['users', 'api'])),
      nodes: [['users', 'api']],
      mentions: ['Mobile users reach api'],
    },
    {
      name: 'a gateway with rate limiting turned off',
      doc: diagram(web, node('gw', 'api-gateway', { rateLimiting: false }), api, node('ws', 'websocket-server'), path(['web', 'gw', 'api']), edge('web', 'ws')),
      nodes: [['web', 'api', 'ws']],
    },
    {
      name: 'a side door around the gateway',
      doc: diagram(web, node('gw', 'api-gateway'), api, node('admin', 'service'), path(['web', 'gw', 'api']), edge('web', 'admin')),
      nodes: [['web', 'admin']],
    },
  ],
  quiet: [
    { name: 'a rate-limiting gateway (the default)', doc: diagram(web, node('gw', 'api-gateway'), api, path(['web', 'gw', 'api'])) },
    { name: 'a gateway with rate limiting set', doc: diagram(web, node('gw', 'api-gateway', { rateLimiting: true }), node('lb', 'load-balancer'), api, path(['web', 'gw', 'lb', 'api'])) },
    { name: 'a client that only reads a CDN', doc: diagram(web, node('cdn', 'cdn'), node('files', 'object-storage'), path(['web', 'cdn', 'files'])) },
    { name: 'a device that only publishes to a queue', doc: diagram(node('sensor', 'client'), node('q', 'queue'), node('w', 'worker'), path(['sensor', 'q', 'w'], { kind: 'async' })) },
  ],
});
