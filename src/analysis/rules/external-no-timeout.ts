import { hasTrait } from '../../model/catalogue.ts';
import { edgeKindOf } from '../../model/types.ts';
import { subject } from '../words.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const externalNoTimeout: Rule = defineRule({
  id: 'external-no-timeout',
  severity: 'warning',
  title: 'Synchronous call to an external service with no timeout',
  why:
    'A remote service that hangs, rather than failing, holds the caller for as long as the connection stays ' +
    'open. Requests pile up waiting on it until the caller runs out of threads or connections and stops serving everyone.',
  when: 'A request edge from one of your components (not another third party) into a third-party service (kind `external`) without `timeoutMs`.',
  fix: 'Set a timeout on the call that fits the caller’s own latency budget, and decide what happens when it fires.',
  check: ({ graph }) =>
    graph.ofKind('external').flatMap((target) =>
      graph.incoming(target.id).flatMap((edge): Finding[] => {
      // What a third party calls in turn is its own business.
      if (hasTrait(graph.nodes.get(edge.source)!.kind, 'external')) return [];
      if (edgeKindOf(edge) !== 'request' || typeof edge.props.timeoutMs === 'number') return [];
      const external = graph.label(edge.target);
      const message = `${subject(graph.label(edge.source), 'waits', 'wait')} on ${external} with no timeout: if ${external} hangs, so does every request waiting on it.`;
      return [finding(externalNoTimeout, [edge.source, edge.target], message, [edge.id])];
      }),
    ),
});
