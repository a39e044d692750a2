import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { roundRobinUnequalBackends } from './round-robin-unequal-backends.ts';

const pools = [node('big', 'service', { replicas: 4 }), node('small', 'service', { replicas: 1 }), edge('lb', 'big'), edge('lb', 'small')];

describeRule(roundRobinUnequalBackends, {
  fires: [
    {
      name: 'round robin by default across pools of 4 and 1',
      doc: diagram(node('lb', 'load-balancer'), pools),
      nodes: [['lb', 'big', 'small']],
      mentions: ['big (4 instances) and small (1 instance)'],
    },
    {
      name: 'round robin set explicitly',
      doc: diagram(node('lb', 'load-balancer', { strategy: 'round-robin' }), pools),
      nodes: [['lb', 'big', 'small']],
    },
  ],
  quiet: [
    { name: 'weighted round robin', doc: diagram(node('lb', 'load-balancer', { strategy: 'weighted-round-robin' }), pools) },
    { name: 'least connections', doc: diagram(node('lb', 'load-balancer', { strategy: 'least-connections' }), pools) },
    {
      name: 'equal pools',
      doc: diagram(node('lb', 'load-balancer'), node('a', 'service', { replicas: 2 }), node('b', 'service', { replicas: 2 }), edge('lb', 'a'), edge('lb', 'b')),
    },
    {
      name: 'different kinds are routed by path, not in turn',
      doc: diagram(node('lb', 'load-balancer'), node('api', 'service', { replicas: 4 }), node('ws', 'websocket-server'), edge('lb', 'api'), edge('lb', 'ws')),
    },
  ],
});
