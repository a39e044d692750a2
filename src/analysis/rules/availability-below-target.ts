import { availabilityTargetOf } from '../../model/props.ts';
import { availabilityReport } from '../numbers/availability.ts';
import { describeAvailability, formatPercent, formatPercentApart } from '../numbers/nines.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

export const availabilityBelowTarget: Rule = defineRule({
  id: 'availability-below-target',
  severity: 'error',
  title: 'Availability below its target',
  why:
    'An availability target is a promise to the people behind a client. Each component a request needs multiplies ' +
    'in its chance of being down, so a design can miss its target with no single point of failure at all.',
  when:
    'A client with an availabilityTarget whose availability (exact, or the estimate for very large designs) is below ' +
    'that target. The finding names the units that cost it most, best first.',
  fix:
    'Start with the units named: add replicas in another zone, make the caller able to use an alternative, or mark ' +
    'a dependency optional when the caller can do without it. Spreading over zones helps only up to the region figure; ' +
    'beyond that it takes a second region.',
  subjects: 'first',
  check: ({ graph }) => {
    const withTarget = graph.entries.filter((entry) => availabilityTargetOf(entry) !== undefined);
    if (withTarget.length === 0) return [];
    const report = availabilityReport(graph);
    return withTarget.flatMap((entry): Finding[] => {
      const target = availabilityTargetOf(entry)!;
      const figure = report.entries.find((e) => e.node === entry.id)!;
      if (figure.value >= target) return [];
      const causes = figure.contributors.map((c) => c.unit);
      const estimate = figure.exact ? '' : 'an estimated ';
      const cause = causes.length === 0 ? '' : `; ${listOf(causes.map((id) => graph.label(id)), 2)} ${causes.length === 1 ? 'costs' : 'cost'} it most`;
      const message = `${graph.label(entry.id)} is up ${estimate}${describeAvailability(figure.value, formatPercentApart(figure.value, target))}, short of its target of ${formatPercent(target)}${cause}.`;
      return [finding(availabilityBelowTarget, [entry.id, ...causes], message)];
    });
  },
});
