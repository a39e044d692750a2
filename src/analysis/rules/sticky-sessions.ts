import { flagOf } from '../../model/props.ts';
import { replicasOf } from '../../model/types.ts';
import { instances, labels, successors } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

export const stickySessions: Rule = defineRule({
  id: 'sticky-sessions',
  severity: 'warning',
  title: 'Sticky sessions limit scaling out',
  why:
    'With sticky sessions each client keeps going to the instance it first landed on. Load builds up unevenly, ' +
    'a newly added instance only ever gets new clients, draining an instance for maintenance cuts its users off, ' +
    'and when it dies their sessions die with it.',
  when:
    'A load balancer with `stickySessions: true` whose backends, WebSocket servers aside (they need connection ' +
    'affinity), add up to 2 or more instances. Skipped when a backend is a scaled-out stateful service: ' +
    'stateful-service-scaled-out reports that root cause.',
  fix:
    'Make the backends stateless: keep sessions in a shared store such as a replicated cache or database, or in a ' +
    'signed token the client carries, then turn sticky sessions off.',
  check: ({ graph }) =>
    graph.ofKind('load-balancer').flatMap((lb): Finding[] => {
      if (!flagOf(lb, 'stickySessions')) return [];
      // WebSocket servers need connection affinity; pinning them is not the mistake.
      const pool = successors(graph, lb.id).filter((node) => node.kind !== 'websocket-server');
      // A scaled-out stateful service is the root cause; that rule says so.
      if (pool.some((node) => node.kind === 'service' && flagOf(node, 'stateful') && replicasOf(node) > 1)) return [];
      const total = instances(pool);
      if (total < 2) return [];
      const message =
        `${graph.label(lb.id)} pins each client to one of the ${total} instances of ${listOf(labels(graph, pool))}: ` +
        'load spreads unevenly, new instances only receive new clients, and users lose their session when their instance goes.';
      return [finding(stickySessions, [lb.id, ...pool.map((node) => node.id)], message)];
    }),
});
