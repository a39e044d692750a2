import type { DiagramNode } from '../../model/types.ts';
import { reach } from '../paths.ts';
import { isRequestEdge, labels } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

// Requests from a client travel along request edges until they meet an API gateway
// that rate-limits (the default); the services they can reach before that are exposed.
// Async edges are not followed: a queue absorbs a burst instead of passing it on.
const EXPOSED_KINDS = new Set(['service', 'websocket-server']);

export const noRateLimiting: Rule = defineRule({
  id: 'no-rate-limiting',
  severity: 'warning',
  title: 'Public entry with no rate limiting',
  why:
    'Anything on the internet will eventually be called too often: a retry loop in a client, a scraper, an attack. ' +
    'Without a limit per caller, one of them can use up the capacity every other user depends on.',
  fix:
    'Put an API gateway (or a load balancer or CDN feature) that enforces per-client quotas in front of the ' +
    'services, and answer callers over quota with 429 Too Many Requests.',
  check: ({ graph }) =>
    graph.entries.flatMap((client): Finding[] => {
      const throttles = (node: DiagramNode) => node.kind === 'api-gateway' && node.props.rateLimiting !== false;
      const seen = reach([client.id], (id) =>
        throttles(graph.nodes.get(id)!)
          ? []
          : graph.outgoing(id).filter(isRequestEdge).map((edge) => edge.target),
      );
      const exposed = graph.components.filter((node) => seen.has(node.id) && EXPOSED_KINDS.has(node.kind));
      if (exposed.length === 0) return [];
      const message =
        `${graph.label(client.id)} reaches ${listOf(labels(graph, exposed))} without passing a rate-limited API ` +
        'gateway: one runaway or abusive caller can use up their capacity for everyone.';
      return [finding(noRateLimiting, [client.id, ...exposed.map((node) => node.id)], message)];
    }),
});
