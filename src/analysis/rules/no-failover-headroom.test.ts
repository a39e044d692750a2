import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node, path } from '../testing.ts';
import { noFailoverHeadroom } from './no-failover-headroom.ts';

const api = (rps: number, replicas: number) => diagram(node('web', 'client', { rps }), node('api', 'service', { replicas }), path(['web', 'api']));

/** 1,200 rps over Web 1 in zone A and Web 2 in zone B, `replicas` each at 1,000 rps. */
const twoZones = (rps: number, replicas: number) =>
  diagram(
    node('zone-a', 'zone', {}, { label: 'Zone A' }),
    node('zone-b', 'zone', {}, { label: 'Zone B' }),
    node('web', 'client', { rps }),
    node('lb', 'load-balancer', { replicas: 2 }),
    node('w1', 'service', { replicas }, { label: 'Web 1', parentId: 'zone-a' }),
    node('w2', 'service', { replicas }, { label: 'Web 2', parentId: 'zone-b' }),
    edge('web', 'lb'),
    edge('lb', 'w1'),
    edge('lb', 'w2'),
  );

describeRule(noFailoverHeadroom, {
  fires: [
    // 1,500 rps on 2 instances: 75% each, but one alone gets 150%; 1,500 / 1,000 + 2 → 3 replicas.
    { name: 'the last instance cannot carry the load', doc: api(1500, 2), nodes: [['api']], mentions: ['If one of api’s 2 instances fails, the other 1 get 1,500', '(150%)', 'needs 3 replicas'] },
    // 1,200 rps: 600 each (60%); with zone A lost, Web 2 takes all 1,200 (120%) and needs 2 replicas.
    {
      name: 'a zone’s load moves to the other zone',
      doc: twoZones(1200, 1),
      nodes: [['w2', 'zone-a'], ['w1', 'zone-b']],
      mentions: ['gets 1,200 requests a second against the 1,000 it can then serve (120%, from 60%)', 'needs 2 replicas to take it'],
    },
  ],
  quiet: [
    { name: 'three instances carry it after one fails', doc: api(1500, 3) },
    { name: 'no rps', doc: twoZones(0, 1) },
    { name: 'each zone can take the other’s load', doc: twoZones(1200, 2) },
    { name: 'a single instance is the spof rule’s', doc: api(500, 1) },
  ],
});
