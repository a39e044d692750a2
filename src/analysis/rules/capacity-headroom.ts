import { capacityAdvice, describeLoad } from '../numbers/load-words.ts';
import { HEADROOM } from '../numbers/headroom.ts';
import { loadReport } from '../numbers/load.ts';
import { defineRule, finding, type Rule } from '../types.ts';

export const capacityHeadroom: Rule = defineRule({
  id: 'capacity-headroom',
  severity: 'warning',
  title: 'Little headroom at peak',
  why:
    'Queues grow fast as a component nears its capacity: at 80% busy a request waits about four service times, at ' +
    '90% about nine. A peak a little above the estimate, or a slow dependency, tips it over.',
  when: 'A component whose load at the clients’ peak is at least 80% of its capacity but below it (over-capacity covers the rest).',
  fix: 'Add replicas until the load is under 70% of capacity, or cut the load with a cache.',
  subjects: 'first',
  check: ({ graph }) =>
    loadReport(graph)
      .components.filter((load) => load.utilization >= HEADROOM && load.utilization < 1)
      .map((load) => finding(capacityHeadroom, [load.node], `${describeLoad(graph, load)}: ${capacityAdvice(graph, load)}.`)),
});
