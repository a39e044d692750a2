import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { noEntryPoint } from './no-entry-point.ts';

describeRule(noEntryPoint, {
  fires: [
    { name: 'components but no client', doc: diagram(node('api', 'service'), node('db', 'sql-database'), edge('api', 'db')), nodes: [[]], mentions: ['no client'] },
  ],
  quiet: [
    { name: 'an empty diagram', doc: diagram() },
    { name: 'only groups', doc: diagram(node('r', 'region'), node('z', 'zone', {}, { parentId: 'r' })) },
    { name: 'a client', doc: diagram(node('web', 'client'), node('api', 'service'), edge('web', 'api')) },
  ],
});
