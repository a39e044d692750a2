import { describeRule } from '../describe-rule.ts';
import { diagram, node, path } from '../testing.ts';
import { availabilityBelowTarget } from './availability-below-target.ts';

const chain = (target: number | undefined, props = {}) =>
  diagram(
    node('web', 'client', target === undefined ? {} : { availabilityTarget: target }),
    node('api', 'service', { replicas: 3, ...props }),
    node('db', 'sql-database', { availability: 0.99 }),
    path(['web', 'api', 'db']),
  );

describeRule(availabilityBelowTarget, {
  fires: [
    {
      name: 'a 99% database under a 99.9% target: the database is named first',
      doc: chain(0.999),
      nodes: [['web', 'db', 'api']],
      mentions: ['web is up 99% (2 nines', 'short of its target of 99.9%', 'db and api cost it most'],
    },
    {
      name: 'a target missed by a hair',
      doc: chain(0.99),
      nodes: [['web', 'db', 'api']],
      mentions: ['up 98.99999% (2 nines', 'target of 99%'],
    },
  ],
  quiet: [
    { name: 'no target', doc: chain(undefined) },
    { name: 'a target the design meets', doc: chain(0.95) },
    { name: 'a target met exactly by the only component', doc: diagram(node('web', 'client', { availabilityTarget: 0.99 }), node('db', 'sql-database', { availability: 0.99 }), path(['web', 'db'])) },
  ],
});
