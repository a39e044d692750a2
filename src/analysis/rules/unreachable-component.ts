import { hasTrait } from '../../model/catalogue.ts';
import { downstream, reach } from '../paths.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

// Traffic starts at clients, and also at components that start work on their own: a
// scheduled worker or an external system calling in (no flow edge in, some out).
// A store fed only by replication from something in use is a standby, not unused.

export const unreachableComponent: Rule = defineRule({
  id: 'unreachable-component',
  severity: 'warning',
  title: 'Component nothing reaches',
  why:
    'No request or message from a client ever arrives at this component. Either a connection is missing from the ' +
    'diagram, so the review cannot see what depends on it, or it is unused and only adds cost and attack surface.',
  when:
    'A component other than a client that nothing reaches along flow edges, in a design that has a client. ' +
    'Workers and third-party services with outgoing but no incoming edges count as starting points ' +
    '(schedulers, webhooks), and stores fed by replication from something in use are standbys, not unused.',
  fix: 'Draw the edge that brings traffic to it (caller to callee, producer to queue to consumer), or remove it.',
  check: ({ graph }) => {
    // Without a client nothing is reachable; no-entry-point is the root finding.
    if (graph.entries.length === 0) return [];
    const origins = graph.components.filter(
      (node) =>
        hasTrait(node.kind, 'entry') ||
        (hasTrait(node.kind, 'selfStarting') && graph.incoming(node.id).length === 0 && graph.outgoing(node.id).length > 0),
    );
    const copies = new Map<string, string[]>();
    for (const edge of graph.replicationEdges) {
      const list = copies.get(edge.source);
      if (list) list.push(edge.target);
      else copies.set(edge.source, [edge.target]);
    }
    const used = downstream(graph, origins.map((node) => node.id));
    const fedByUsed = graph.replicationEdges.filter((edge) => used.has(edge.source)).map((edge) => edge.target);
    const standbys = reach(fedByUsed, (id) => copies.get(id) ?? []);
    return graph.components.flatMap((node): Finding[] => {
      if (used.has(node.id) || standbys.has(node.id)) return [];
      const message = `Nothing reaches ${graph.label(node.id)}: no client's requests or messages arrive at it, so it is unused or a connection is missing.`;
      return [finding(unreachableComponent, [node.id], message)];
    });
  },
});
