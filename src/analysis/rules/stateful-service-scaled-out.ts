import { flagOf } from '../../model/props.ts';
import { replicasOf } from '../../model/types.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { count } from '../words.ts';

export const statefulServiceScaledOut: Rule = defineRule({
  id: 'stateful-service-scaled-out',
  severity: 'warning',
  title: 'Stateful service scaled out',
  why:
    'Instances that keep session or user state in their own memory are not interchangeable: a request that lands ' +
    'on another instance cannot see the state, and whatever an instance held is gone when it dies or is replaced.',
  when: 'A service with `stateful: true` and 2 or more replicas.',
  fix:
    'Move the state out of the instances, into a shared cache or database or a token the client carries, so any ' +
    'instance can serve any request; then no load-balancer affinity is needed.',
  check: ({ graph }) =>
    graph.ofKind('service').flatMap((service): Finding[] => {
      const replicas = replicasOf(service);
      if (!flagOf(service, 'stateful') || replicas < 2) return [];
      const message =
        `${graph.label(service.id)} keeps state in its own memory across ${count(replicas, 'instance')}: a request ` +
        'routed to another instance cannot see it, and users of an instance that dies lose theirs.';
      return [finding(statefulServiceScaledOut, [service.id], message)];
    }),
});
