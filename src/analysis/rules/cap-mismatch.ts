import { capOf } from '../cap.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const capMismatch: Rule = defineRule({
  id: 'cap-mismatch',
  severity: 'error',
  title: 'Strong reads from an AP store',
  why:
    'The caller needs to see the latest write, but the store it reads keeps answering during a partition or ' +
    'replication lag with whatever copy it has. The caller will sometimes act on stale data: double bookings, ' +
    'oversold stock, a password change that seems not to have happened.',
  when:
    'A request or async edge marked `consistency: strong` whose target is classified AP. Nodes: the target, ' +
    'then the caller; edges: that edge.',
  fix:
    'Read from a store that is CP for this data (a single primary, synchronous replication, or a consensus-based ' +
    'engine), route these reads to the primary, or relax what the caller needs if stale reads are actually acceptable.',
  check: ({ graph }) =>
    graph.flowEdges.flatMap((edge): Finding[] => {
      if (edge.props.consistency !== 'strong') return [];
      const target = graph.nodes.get(edge.target)!;
      const choice = capOf(target);
      if (choice?.cap !== 'AP') return [];
      const source = graph.label(edge.source);
      const store = graph.label(target.id);
      const message = `${source} needs to read the latest writes from ${store}, but ${store} is AP (${choice.reason}) and can return stale data.`;
      return [finding(capMismatch, [target.id, edge.source], message, [edge.id])];
    }),
});
