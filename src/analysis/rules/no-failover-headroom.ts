import { hasTrait } from '../../model/catalogue.ts';
import { isManaged, loadFigureOf } from '../../model/props.ts';
import { replicasOf } from '../../model/types.ts';
import type { Graph } from '../graph.ts';
import { formatRate, formatUtilization } from '../numbers/load-words.ts';
import { loadReport, loadState } from '../numbers/load.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { formatCount, groupName } from '../words.ts';

export const noFailoverHeadroom: Rule = defineRule({
  id: 'no-failover-headroom',
  severity: 'warning',
  title: 'No headroom to survive a failure',
  why:
    'Redundancy helps only if the survivors can carry the load. When an instance or a whole zone fails, its ' +
    'traffic moves to what is left; if that pushes something past its capacity, one failure becomes an outage.',
  when:
    'At the clients’ peak, losing one instance of a component leaves the others at or over capacity; or losing one ' +
    'zone, with its load moving to the survivors (distributors send it to the targets still up, and a component placed ' +
    'directly in a region loses that zone’s share of its instances), pushes a component that had room to or over capacity.',
  fix: 'Run enough replicas that the survivors stay under capacity: N + 1 for one lost instance, and in each zone enough to take over from another.',
  subjects: 'first',
  check: ({ graph }) => {
    if (!loadReport(graph).active) return [];
    return [...instanceLoss(graph), ...zoneLoss(graph)];
  },
});

/** Components whose other instances cannot carry the load when one fails. */
function instanceLoss(graph: Graph): Finding[] {
  return loadReport(graph).components.flatMap((load): Finding[] => {
    const node = graph.nodes.get(load.node)!;
    const replicas = replicasOf(node);
    const perInstance = loadFigureOf(node, 'capacityRps');
    if (isManaged(node) || replicas < 2 || load.utilization >= 1 || perInstance <= 0) return [];
    const after = load.rps / (perInstance * (replicas - 1));
    if (after < 1) return [];
    const needed = Math.floor(load.rps / perInstance) + 2;
    const label = graph.label(node.id);
    const message =
      `If one of ${label}’s ${replicas} instances fails, the other ${formatCount(replicas - 1)} get ${formatRate(load.rps)} requests a second ` +
      `against the ${formatRate(perInstance * (replicas - 1))} they can serve (${formatUtilization(after)}): it needs ${formatCount(needed)} replicas to ride out the loss.`;
    return [finding(noFailoverHeadroom, [node.id], message)];
  });
}

/** Components that a zone's loss pushes over capacity, with the load it moves to them. */
function zoneLoss(graph: Graph): Finding[] {
  const { components, componentIndex } = graph;
  const before = loadState(graph);
  const findings: Finding[] = [];
  for (const zone of graph.ofKind('zone')) {
    const members = graph.members(zone.id);
    if (members.length === 0) continue;
    const lost = new Uint8Array(components.length);
    for (const id of members) lost[componentIndex.get(id)!] = 1;
    const share = spreadShare(graph, zone.id);
    const after = loadState(graph, lost, share);
    components.forEach((node, v) => {
      if (lost[v] || hasTrait(node.kind, 'entry')) return;
      const usedBefore = before.rate[v]! / before.capacity[v]!;
      const usedAfter = after.rate[v]! / after.capacity[v]!;
      if (usedBefore >= 1 || !(usedAfter >= 1)) return;
      const perInstance = loadFigureOf(node, 'capacityRps') * share[v]!;
      const fix = isManaged(node) || perInstance <= 0 ? 'it needs more capacity' : `it needs ${formatCount(Math.floor(after.rate[v]! / perInstance) + 1)} replicas to take it`;
      const message =
        `If ${groupName(graph.label(zone.id), 'zone')} fails, ${graph.label(node.id)} gets ${formatRate(after.rate[v]!)} requests a second ` +
        `against the ${formatRate(after.capacity[v]!)} it can then serve (${formatUtilization(usedAfter)}, from ${formatUtilization(usedBefore)}): ${fix}.`;
      findings.push(finding(noFailoverHeadroom, [node.id, zone.id], message));
    });
  }
  return findings;
}

/** The share of each component's instances left when `zoneId` fails: a component placed
 *  directly in the zone's region is spread over the region's zones and loses one share. */
function spreadShare(graph: Graph, zoneId: string): Float64Array {
  const region = graph.ancestors(zoneId).find((id) => graph.nodes.get(id)!.kind === 'region');
  const share = new Float64Array(graph.components.length).fill(1);
  if (!region) return share;
  const zones = graph.ofKind('zone').filter((zone) => zone.parentId === region).length;
  if (zones < 2) return share;
  graph.components.forEach((node, v) => {
    if (node.parentId === region && !isManaged(node) && replicasOf(node) >= 2) share[v] = (zones - 1) / zones;
  });
  return share;
}
