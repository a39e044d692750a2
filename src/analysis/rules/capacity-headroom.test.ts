import { describeRule } from '../describe-rule.ts';
import { diagram, node, path } from '../testing.ts';
import { capacityHeadroom } from './capacity-headroom.ts';

const api = (rps: number, props = {}) => diagram(node('web', 'client', { rps }), node('api', 'service', props), path(['web', 'api']));

describeRule(capacityHeadroom, {
  fires: [
    // 850 / 1,000 = 85%; 850 / 700 → 2 replicas.
    { name: '85% busy', doc: api(850), nodes: [['api']], mentions: ['(85%)', 'needs 2 replicas'] },
    { name: 'just at 80%', doc: api(2400, { replicas: 3 }), nodes: [['api']], mentions: ['(80%)', 'needs 4 replicas'] },
  ],
  quiet: [
    { name: '79% busy', doc: api(790) },
    { name: 'over capacity is the other rule’s', doc: api(1000) },
  ],
});
