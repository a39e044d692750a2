import { replicasOf, type DiagramNode } from '../../model/types.ts';
import { textOf } from '../../model/props.ts';
import { successors } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { count, listOf } from '../words.ts';

// "Unequal": backends in one pool that run different numbers of instances. Round robin
// gives each backend the same share, so the smaller one gets more per instance. An L4
// balancer cannot route by path, so all its backends are one pool; an L7 balancer is
// taken to route by path to a pool per service, so there only backends of one kind
// whose names differ only in numbers and punctuation ("Web 1", "Web 2") share a pool.

/** "Web server 2" and "web-server-10" name the same service. */
function nameStem(label: string): string {
  return label.toLowerCase().replace(/[^a-z]/g, '');
}

export const roundRobinUnequalBackends: Rule = defineRule({
  id: 'round-robin-unequal-backends',
  severity: 'warning',
  title: 'Round robin across unequal backends',
  why:
    'Round robin hands out requests in turn as if every backend could take the same load. When one pool has more ' +
    'instances than another, the smaller one is overloaded while the larger one idles.',
  when:
    'A load balancer using round robin (the default strategy) whose pool holds backends with different numbers ' +
    'of replicas. At L4 every backend is in the one pool; at L7 (the default) requests are taken to be routed by ' +
    'path, so a pool is the backends of one kind whose labels differ only in numbers and punctuation, such as ' +
    '"Web 1" and "Web 2".',
  fix:
    'Use weighted round robin with weights that match capacity, or least connections / least response time so the ' +
    'balancer follows the load each backend actually carries; or make the pools the same size.',
  check: ({ graph }) =>
    graph.ofKind('load-balancer').flatMap((lb): Finding[] => {
      if (textOf(lb, 'strategy') !== 'round-robin') return [];
      const layer4 = textOf(lb, 'layer') === 'L4';
      const pools = new Map<string, DiagramNode[]>();
      for (const node of successors(graph, lb.id)) {
        const key = layer4 ? 'all' : `${node.kind}:${nameStem(node.label)}`;
        const pool = pools.get(key);
        if (pool) pool.push(node);
        else pools.set(key, [node]);
      }
      const unequal = [...pools.values()]
        .filter((pool) => new Set(pool.map(replicasOf)).size > 1)
        .flat();
      if (unequal.length === 0) return [];
      const described = unequal.map((node) => `${graph.label(node.id)} (${count(replicasOf(node), 'instance')})`);
      const message = `${graph.label(lb.id)} uses round robin across ${listOf(described, 4)}, so each gets the same share of requests whatever its size.`;
      return [finding(roundRobinUnequalBackends, [lb.id, ...unequal.map((node) => node.id)], message)];
    }),
});
