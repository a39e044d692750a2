import { hasTrait } from '../../model/catalogue.ts';
import { flagOf } from '../../model/props.ts';
import type { DiagramNode } from '../../model/types.ts';
import { downstream } from '../paths.ts';
import { labels } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf, subject } from '../words.ts';

// Requests from a client travel along request edges until they meet an API gateway
// that rate-limits (the default); the services they can reach before that are exposed.
// Async edges are not followed: a queue absorbs a burst instead of passing it on.
function throttles(node: DiagramNode): boolean {
  return hasTrait(node.kind, 'throttles') && flagOf(node, 'rateLimiting');
}

export const noRateLimiting: Rule = defineRule({
  id: 'no-rate-limiting',
  severity: 'warning',
  title: 'Public entry with no rate limiting',
  why:
    'Anything on the internet will eventually be called too often: a retry loop in a client, a scraper, an attack. ' +
    'Without a limit per caller, one of them can use up the capacity every other user depends on.',
  when:
    'A client that reaches a service or WebSocket server along request edges without first passing an API ' +
    'gateway with rate limiting on (the gateway\'s default). Async edges are not followed: a queue absorbs ' +
    'bursts.',
  fix:
    'Put an API gateway (or a load balancer or CDN feature) that enforces per-client quotas in front of the ' +
    'services, and answer callers over quota with 429 Too Many Requests.',
  check: ({ graph }) =>
    graph.entries.flatMap((client): Finding[] => {
      // Requests reach a throttling gateway but go no further unchecked.
      const seen = downstream(graph, [client.id], { requestOnly: true, stopAt: throttles });
      const exposed = seen.inDocumentOrder().filter((node) => hasTrait(node.kind, 'servesRequests'));
      if (exposed.length === 0) return [];
      const message =
        `${subject(graph.label(client.id), 'reaches', 'reach')} ${listOf(labels(graph, exposed))} without passing a rate-limited API ` +
        'gateway: one runaway or abusive caller can use up their capacity for everyone.';
      return [finding(noRateLimiting, [client.id, ...exposed.map((node) => node.id)], message)];
    }),
});
