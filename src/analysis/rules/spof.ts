import { hasTrait } from '../../model/catalogue.ts';
import { isGroupKind } from '../../model/types.ts';
import type { Graph } from '../graph.ts';
import { singlePointsOfFailure, type Listing, type SinglePointOfFailure } from '../spof.ts';
import { defineRule, finding, type Rule } from '../types.ts';
import { count, listOf } from '../words.ts';

export const spof: Rule = defineRule({
  id: 'spof',
  severity: 'error',
  title: 'Single point of failure',
  why:
    'When one instance, one zone or one region is the only way from the users to something they need, its failure ' +
    'is an outage: nothing else can take over. Redundancy only helps if traffic has somewhere else to go.',
  when:
    'A failure unit is a component other than a client with fewer than 2 replicas, any zone, and any region. ' +
    'It is reported when losing it leaves some client unable to reach a terminal (a component the client ' +
    'reaches that has no outgoing flow edge) it reached before; a lost terminal counts. Losing a group loses ' +
    'everything nested in it, whatever the replicas; a component placed directly in a region with 2 or more ' +
    'replicas counts as spread over that region\'s zones. Replication edges are not paths, and clients inside ' +
    'a lost group are gone rather than cut off. The finding\'s nodes are the unit, then up to 50 of the ' +
    'components cut off (everything some client reached before and no longer does); the message gives the full count.',
  fix:
    'Run at least two replicas behind something that fails over (a load balancer with health checks, a replicated ' +
    'store with automatic failover), or add a second path, and spread the replicas over zones so one zone cannot take them all.',
  subjects: 'first',
  offers: ['what-if'],
  check: ({ graph }) =>
    singlePointsOfFailure(graph).map((result) =>
      finding(spof, [result.unit.id, ...result.cutOff.ids], describe(graph, result)),
    ),
});

function describe(graph: Graph, result: SinglePointOfFailure): string {
  const { unit, entriesAffected, cutOff, terminalsCutOff } = result;
  const isGroup = isGroupKind(unit.kind);
  const label = graph.label(unit.id);
  const opening = isGroup
    ? `Everything in ${unit.kind} ${label} fails together: if the ${unit.kind} goes down`
    : unit.kind === 'external'
      ? `${label} is a third-party dependency with no alternative: if it is down`
      : `${label} ${hasTrait(unit.kind, 'dataStore') ? 'keeps a single copy' : 'runs as a single instance'}: if it fails`;
  const entries = listOf(entriesAffected.map(graph.label));
  return `${opening}, ${entries} can no longer reach ${targets(graph, unit.id, terminalsCutOff)}${tail(cutOff, isGroup)}.`;
}

/** The lost terminals, the unit itself called "it" and named first. */
function targets(graph: Graph, unitId: string, terminals: Listing): string {
  const self = terminals.ids.includes(unitId);
  const others = terminals.ids.filter((id) => id !== unitId).map(graph.label);
  return listOf(self ? ['it', ...others] : others, 3, terminals.count);
}

function tail(cutOff: Listing, isGroup: boolean): string {
  if (cutOff.count === 0) return '';
  const amount = `${cutOff.exact ? '' : 'at least '}${count(cutOff.count, 'component')}`;
  const verb = cutOff.count === 1 && cutOff.exact ? 'is' : 'are';
  return `; ${amount} ${verb} ${isGroup ? 'lost' : 'cut off with it'}`;
}
