import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { lbNoHealthChecks } from './lb-no-health-checks.ts';

const blind = node('lb', 'load-balancer', { healthChecks: false });

describeRule(lbNoHealthChecks, {
  fires: [
    {
      name: 'health checks off in front of three instances',
      doc: diagram(blind, node('api', 'service', { replicas: 3 }), edge('lb', 'api')),
      nodes: [['lb', 'api']],
      mentions: ['lb does not health-check api', '3 instances'],
    },
  ],
  quiet: [
    { name: 'health checks on by default', doc: diagram(node('lb', 'load-balancer'), node('api', 'service', { replicas: 3 }), edge('lb', 'api')) },
    { name: 'health checks on explicitly', doc: diagram(node('lb', 'load-balancer', { healthChecks: true }), node('api', 'service', { replicas: 3 }), edge('lb', 'api')) },
    { name: 'one backend instance: nowhere else to send traffic', doc: diagram(blind, node('api', 'service'), edge('lb', 'api')) },
    { name: 'no backends', doc: diagram(blind) },
  ],
});
