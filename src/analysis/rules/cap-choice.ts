import { capOf, partitionBehaviour } from '../cap.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

export const capChoice: Rule = defineRule({
  id: 'cap-choice',
  severity: 'info',
  title: 'Consistency or availability during a partition',
  why:
    'Networks split, and a replicated store must then either refuse some requests (CP) or answer with data that ' +
    'may be out of date (AP). Knowing which one each store picks tells you what users see when things go wrong.',
  fix:
    'Check that the choice suits the data: money, stock and unique names usually need CP; feeds, counters and ' +
    'profiles can usually live with AP. Set the consistency property when the engine is tuned away from its default.',
  check: ({ graph }) =>
    graph.components.flatMap((node): Finding[] => {
      const choice = capOf(node);
      if (!choice) return [];
      const label = graph.label(node.id);
      const message = `${label} is ${choice.cap} because ${choice.reason}: ${partitionBehaviour(choice.cap)}.`;
      return [{ ...finding(capChoice, [node.id], message), cap: choice.cap }];
    }),
});
