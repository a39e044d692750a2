import { defineRule, finding, type Rule } from '../types.ts';

export const noEntryPoint: Rule = defineRule({
  id: 'no-entry-point',
  severity: 'warning',
  title: 'No client in the design',
  why:
    'The review follows traffic from where it starts, the clients. Without one it cannot tell what is on the ' +
    'request path, what is unused, or what a failure would take down.',
  when: 'A design with components but no client.',
  fix: 'Add a Client component (web, mobile, desktop or IoT) and connect it to the first component it calls, such as DNS, a CDN, a load balancer or a gateway.',
  check: ({ graph }) =>
    graph.entries.length === 0 && graph.components.length > 0
      ? [
          finding(
            noEntryPoint,
            [],
            'The design has no client, so the review cannot trace requests or find single points of failure; add a Client where requests start.',
          ),
        ]
      : [],
});
