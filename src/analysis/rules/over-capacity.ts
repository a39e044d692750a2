import { capacityAdvice, describeLoad } from '../numbers/load-words.ts';
import { loadReport } from '../numbers/load.ts';
import { defineRule, finding, type Rule } from '../types.ts';

export const overCapacity: Rule = defineRule({
  id: 'over-capacity',
  severity: 'error',
  title: 'More load than it can serve',
  why:
    'A component asked for more requests a second than its instances can serve queues them without end: response ' +
    'times climb until callers time out, and the retries make it worse.',
  when:
    'A component whose load at the clients’ peak (their rps, carried along the flow edges) is at least its capacity: ' +
    'capacityRps per instance times its replicas, or capacityRps for a managed service.',
  fix: 'Add replicas until the load is under 70% of capacity, put a cache in front of it, or give it bigger instances (a higher capacityRps).',
  subjects: 'first',
  check: ({ graph }) =>
    loadReport(graph)
      .components.filter((load) => load.utilization >= 1)
      .map((load) => finding(overCapacity, [load.node], `${describeLoad(graph, load)}: ${capacityAdvice(graph, load)}.`)),
});
