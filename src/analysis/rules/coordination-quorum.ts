import { replicasOf } from '../../model/types.ts';
import { singlePointsOfFailure } from '../spof.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const coordinationQuorum: Rule = defineRule({
  id: 'coordination-quorum',
  severity: 'warning',
  title: 'Consensus group without a safe quorum',
  why:
    'A consensus service answers only while a majority of its members agree. Three members survive one failure ' +
    'and five survive two; fewer than three survive none, and an even number survives no more failures than one ' +
    'member fewer while adding another machine that can fail.',
  when:
    'A coordination component whose replicas (its members) number fewer than 3, or an even number. One or two ' +
    'members that a client needs are a single point of failure, left to spof: that is the root.',
  fix: 'Run an odd number of members, three or five, spread over different zones.',
  check: ({ graph }) =>
    graph.ofKind('coordination').flatMap((group): Finding[] => {
      const members = replicasOf(group);
      if (members >= 3 && members % 2 === 1) return [];
      // Too few to survive a loss, and needed: spof reports that root already.
      if (members < 3 && singlePointsOfFailure(graph).some((result) => result.unit === group)) return [];
      const label = graph.label(group.id);
      const message =
        members === 1
          ? `${label} has a single member: there is no quorum to survive its failure.`
          : members === 2
            ? `${label} has 2 members, and a majority of 2 is both: losing either one stops it.`
            : `${label} has ${members} members: an even count survives no more failures than ${members - 1} members would.`;
      return [finding(coordinationQuorum, [group.id], message)];
    }),
});
