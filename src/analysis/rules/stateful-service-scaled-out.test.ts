import { describeRule } from '../describe-rule.ts';
import { diagram, node } from '../testing.ts';
import { statefulServiceScaledOut } from './stateful-service-scaled-out.ts';

describeRule(statefulServiceScaledOut, {
  fires: [
    {
      name: 'a stateful service with three replicas',
      doc: diagram(node('api', 'service', { stateful: true, replicas: 3 })),
      nodes: [['api']],
      mentions: ['api keeps state in its own memory across 3 instances'],
    },
  ],
  quiet: [
    { name: 'a single stateful instance', doc: diagram(node('api', 'service', { stateful: true })) },
    { name: 'a stateless service scaled out', doc: diagram(node('api', 'service', { replicas: 3 })) },
    { name: 'stateful false', doc: diagram(node('api', 'service', { stateful: false, replicas: 3 })) },
  ],
});
