import { replicasOf, type DiagramNode, type NodeKind } from '../../model/types.ts';
import { successors, textProp } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { count, listOf } from '../words.ts';

// "Unequal" here: two or more backends of the same kind behind one load balancer that
// run different numbers of instances. Plain round robin hands each backend the same
// share of requests, so the smaller pool gets far more per instance. Backends of
// different kinds are left alone: an L7 balancer routes those by path, not in turn.

export const roundRobinUnequalBackends: Rule = defineRule({
  id: 'round-robin-unequal-backends',
  severity: 'warning',
  title: 'Round robin across unequal backends',
  why:
    'Round robin hands out requests in turn as if every backend could take the same load. When one pool has more ' +
    'instances than another, the smaller one is overloaded while the larger one idles.',
  when:
    'A load balancer using round robin (the default strategy) with 2 or more backends of the same kind that ' +
    'run different numbers of replicas. Backends of different kinds are taken to be routed by path, not in ' +
    'turn.',
  fix:
    'Use weighted round robin with weights that match capacity, or least connections / least response time so the ' +
    'balancer follows the load each backend actually carries; or make the pools the same size.',
  check: ({ graph }) =>
    graph.ofKind('load-balancer').flatMap((lb): Finding[] => {
      if (textProp(lb, 'strategy', 'round-robin') !== 'round-robin') return [];
      const byKind = new Map<NodeKind, DiagramNode[]>();
      for (const node of successors(graph, lb.id)) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
      const unequal = [...byKind.values()].filter((pool) => new Set(pool.map(replicasOf)).size > 1).flat();
      if (unequal.length === 0) return [];
      const described = unequal.map((node) => `${graph.label(node.id)} (${count(replicasOf(node), 'instance')})`);
      const message = `${graph.label(lb.id)} uses round robin across ${listOf(described, 4)}, so each gets the same share of requests whatever its size.`;
      return [finding(roundRobinUnequalBackends, [lb.id, ...unequal.map((node) => node.id)], message)];
    }),
});
