import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { roundRobinUnequalBackends } from './round-robin-unequal-backends.ts';

const unequalPools = [
  node('big', 'service', { replicas: 4 }, { label: 'Web 1' }),
  node('small', 'service', { replicas: 1 }, { label: 'Web 2' }),
  edge('lb', 'big'),
  edge('lb', 'small'),
];
const twoServices = [
  node('shorten', 'service', { replicas: 3 }, { label: 'Shorten service' }),
  node('redirect', 'service', { replicas: 6 }, { label: 'Redirect service' }),
  edge('lb', 'shorten'),
  edge('lb', 'redirect'),
];

describeRule(roundRobinUnequalBackends, {
  fires: [
    {
      name: 'round robin by default across two pools of one service, sized 4 and 1',
      doc: diagram(node('lb', 'load-balancer'), unequalPools),
      nodes: [['lb', 'big', 'small']],
      mentions: ['Web 1 (4 instances) and Web 2 (1 instance)'],
    },
    {
      name: 'round robin set explicitly',
      doc: diagram(node('lb', 'load-balancer', { strategy: 'round-robin' }), unequalPools),
      nodes: [['lb', 'big', 'small']],
    },
    {
      name: 'an L4 balancer cannot route by path: different services share its one pool',
      doc: diagram(node('lb', 'load-balancer', { layer: 'L4' }), twoServices),
      nodes: [['lb', 'shorten', 'redirect']],
    },
  ],
  quiet: [
    { name: 'weighted round robin', doc: diagram(node('lb', 'load-balancer', { strategy: 'weighted-round-robin' }), unequalPools) },
    { name: 'least connections', doc: diagram(node('lb', 'load-balancer', { strategy: 'least-connections' }), unequalPools) },
    {
      name: 'equal pools',
      doc: diagram(node('lb', 'load-balancer'), node('a', 'service', { replicas: 2 }), node('b', 'service', { replicas: 2 }), edge('lb', 'a'), edge('lb', 'b')),
    },
    { name: 'an L7 balancer routing by path to two different services', doc: diagram(node('lb', 'load-balancer'), twoServices) },
    {
      name: 'different kinds behind an L7 balancer',
      doc: diagram(node('lb', 'load-balancer'), node('api', 'service', { replicas: 4 }), node('ws', 'websocket-server'), edge('lb', 'api'), edge('lb', 'ws')),
    },
  ],
});
