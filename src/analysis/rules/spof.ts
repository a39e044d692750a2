import { hasTrait } from '../../model/catalogue.ts';
import { isGroupKind, type DiagramNode } from '../../model/types.ts';
import type { Graph } from '../graph.ts';
import { singlePointsOfFailure, type SinglePointOfFailure } from '../spof.ts';
import { defineRule, finding, type Rule } from '../types.ts';
import { groupName, listOf, verbFor } from '../words.ts';

export const spof: Rule = defineRule({
  id: 'spof',
  severity: 'error',
  title: 'Single point of failure',
  why:
    'When one instance, one zone or one region is all that stands between users and something they need, its ' +
    'failure is an outage: nothing else can take over. Redundancy only helps if the work has somewhere else to go.',
  when:
    'A failure unit is every zone and region, and every component other than a client or a managed service ' +
    '(DNS, CDN and object storage by default) that one lost instance takes below `minHealthy` (with the ' +
    'defaults: fewer than 2 replicas). It is reported when, with it lost and everything else up, some client ' +
    'that works with everything up stops working. What a component needs follows the dependency model in ' +
    'docs/format.md: one member of each need set, interchangeable targets pooled, `optional` edges not needed, ' +
    'and a group\'s failure taking every component inside it. The finding\'s nodes are the unit, then up to 50 ' +
    'of the components that stop working with it (a group\'s members first); the message gives the full count.',
  fix:
    'Run at least two replicas behind something that fails over (a load balancer with health checks, a replicated ' +
    'store with automatic failover), or add an interchangeable alternative, and spread the replicas over zones so ' +
    'one zone cannot take them all. If callers can do without it, mark their edges optional.',
  subjects: 'first',
  offers: ['what-if'],
  check: ({ graph }) =>
    singlePointsOfFailure(graph).map((result) =>
      finding(spof, [result.unit.id, ...result.broken.ids], describe(graph, result)),
    ),
});

function opening(graph: Graph, unit: DiagramNode): string {
  const label = graph.label(unit.id);
  if (isGroupKind(unit.kind)) return `Everything in ${groupName(label, unit.kind)} fails together: if it goes down`;
  if (hasTrait(unit.kind, 'external')) return `${label} is a third-party dependency with no alternative: if it is down`;
  return `${label} ${hasTrait(unit.kind, 'dataStore') ? 'keeps a single copy' : 'runs as a single instance'}: if it fails`;
}

function describe(graph: Graph, result: SinglePointOfFailure): string {
  const { unit, entriesAffected, broken, brokenCalls } = result;
  // What breaks, in the words the diagram gives its calls ("create short link") when it has them.
  const named = [...new Set(brokenCalls.map((edge) => edge.label?.trim() ?? '').filter((label) => label !== ''))];
  const what = named.length > 0 ? `${listOf(named)} ${named.length === 1 ? 'fails' : 'fail'}` : 'the requests that need it fail';
  const whom = listOf(entriesAffected.map(graph.label));
  return `${opening(graph, unit)}, ${what} for ${whom}${tail(graph, unit, broken)}.`;
}

function tail(graph: Graph, unit: DiagramNode, broken: SinglePointOfFailure['broken']): string {
  if (broken.count === 0) return '';
  const names = broken.ids.map(graph.label);
  const who = `${broken.exact ? '' : 'at least '}${listOf(names, 3, broken.count)}`;
  if (isGroupKind(unit.kind)) return `; it holds or supports ${who}`;
  return `; ${who} ${verbFor(names, broken.exact ? broken.count : 2, 'depends', 'depend')} on it`;
}
