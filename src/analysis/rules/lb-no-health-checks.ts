import { flagOf } from '../../model/props.ts';
import { instances, labels, successors } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

export const lbNoHealthChecks: Rule = defineRule({
  id: 'lb-no-health-checks',
  severity: 'warning',
  title: 'Load balancer without health checks',
  why:
    'Redundant backends only help if the load balancer stops sending traffic to the ones that have failed. Without ' +
    'health checks a dead or hung instance keeps getting its share of requests, and those requests fail.',
  when:
    'A load balancer with `healthChecks: false` whose backends (the targets of its flow edges) add up to 2 or ' +
    'more instances; with a single instance there is nowhere else to send traffic anyway.',
  fix: 'Turn health checks on, with a probe that exercises what the backend needs to serve a request (not just an open port).',
  check: ({ graph }) =>
    graph.ofKind('load-balancer').flatMap((lb): Finding[] => {
      if (flagOf(lb, 'healthChecks')) return [];
      const pool = successors(graph, lb.id);
      const total = instances(pool);
      // With one backend instance there is nowhere else to send traffic anyway.
      if (total < 2) return [];
      const message =
        `${graph.label(lb.id)} does not health-check ${listOf(labels(graph, pool))}: when one of the ${total} ` +
        'instances dies, it keeps receiving a share of the requests, and they fail.';
      return [finding(lbNoHealthChecks, [lb.id, ...pool.map((node) => node.id)], message)];
    }),
});
