import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { stickySessions } from './sticky-sessions.ts';

const sticky = node('lb', 'load-balancer', { stickySessions: true });

describeRule(stickySessions, {
  fires: [
    {
      name: 'sticky sessions over a scaled-out pool',
      doc: diagram(sticky, node('api', 'service', { replicas: 4 }), edge('lb', 'api')),
      nodes: [['lb', 'api']],
      mentions: ['lb pins each client to one of the 4 instances of api'],
    },
    {
      name: 'sticky sessions over two single-instance backends',
      doc: diagram(sticky, node('a', 'service'), node('b', 'service'), edge('lb', 'a'), edge('lb', 'b')),
      nodes: [['lb', 'a', 'b']],
    },
  ],
  quiet: [
    {
      name: 'a single backend instance: there is nothing to scale across',
      doc: diagram(sticky, node('api', 'service'), edge('lb', 'api')),
    },
    {
      name: 'sticky sessions off',
      doc: diagram(node('lb', 'load-balancer', { stickySessions: false }), node('api', 'service', { replicas: 4 }), edge('lb', 'api')),
    },
    {
      name: 'WebSocket servers need connection affinity',
      doc: diagram(sticky, node('ws', 'websocket-server', { replicas: 4 }), edge('lb', 'ws')),
    },
    {
      name: 'the pool is a scaled-out stateful service: that rule is the root',
      doc: diagram(sticky, node('api', 'service', { replicas: 4, stateful: true }), edge('lb', 'api')),
    },
  ],
});
