import { describeRule } from '../describe-rule.ts';
import { diagram, node, path } from '../testing.ts';
import { overCapacity } from './over-capacity.ts';

const api = (rps: number, props = {}) => diagram(node('web', 'client', { rps }), node('api', 'service', props), path(['web', 'api']));

describeRule(overCapacity, {
  fires: [
    // 2,500 rps on one 1,000-rps instance: 250%; 2,500 / 700 → 4 replicas keep it under 70%.
    { name: 'one instance asked for 2.5 times its capacity', doc: api(2500), nodes: [['api']], mentions: ['api gets 2,500 requests a second against the 1,000 it can serve (250%)', 'needs 4 replicas'] },
    { name: 'exactly at capacity', doc: api(2000, { replicas: 2 }), nodes: [['api']], mentions: ['(100%)', 'needs 3 replicas'] },
    {
      name: 'a managed service over its capacity',
      doc: diagram(node('web', 'client', { rps: 6000 }), node('bucket', 'object-storage'), path(['web', 'bucket'])),
      nodes: [['bucket']],
      mentions: ['against the 5,500', 'capacity of at least 8,571'],
    },
  ],
  quiet: [
    { name: 'under capacity', doc: api(999) },
    { name: 'no rps on the client', doc: api(0) },
    { name: 'enough replicas', doc: api(2500, { replicas: 4 }) },
  ],
});
