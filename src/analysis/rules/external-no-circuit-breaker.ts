import { edgeFlagOf } from '../../model/props.ts';
import { hasTrait } from '../../model/catalogue.ts';
import { edgeKindOf } from '../../model/types.ts';
import { subject } from '../words.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const externalNoCircuitBreaker: Rule = defineRule({
  id: 'external-no-circuit-breaker',
  severity: 'warning',
  title: 'Call to an external service without a circuit breaker',
  why:
    'A third-party service fails on its own schedule. Without a circuit breaker every request keeps trying it ' +
    'while it is down, each one failing slowly and holding threads and connections, and the outage spreads into ' +
    'your system instead of being contained.',
  when: 'A request edge from one of your components (not another third party) into a third-party service (kind `external`) without `circuitBreaker: true`.',
  fix:
    'Wrap the call in a circuit breaker that opens after repeated failures, fails fast while open, and probes ' +
    'before closing; decide what the caller does meanwhile (a fallback, a queued retry, a clear error).',
  check: ({ graph }) =>
    graph.ofKind('external').flatMap((target) =>
      graph.incoming(target.id).flatMap((edge): Finding[] => {
      // What a third party calls in turn is its own business.
      if (hasTrait(graph.nodes.get(edge.source)!.kind, 'external')) return [];
      if (edgeKindOf(edge) !== 'request' || edgeFlagOf(edge, 'circuitBreaker')) return [];
      const external = graph.label(edge.target);
      const message =
        `${subject(graph.label(edge.source), 'calls', 'call')} ${external} with no circuit breaker: while ${external} is failing, ` +
        'every request still tries it and fails slowly, holding resources the rest of the system needs.';
      return [finding(externalNoCircuitBreaker, [edge.source, edge.target], message, [edge.id])];
      }),
    ),
});
