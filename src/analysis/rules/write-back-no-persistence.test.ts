import { describeRule } from '../describe-rule.ts';
import { diagram, edge, node } from '../testing.ts';
import { writeBackNoPersistence } from './write-back-no-persistence.ts';

describeRule(writeBackNoPersistence, {
  fires: [
    {
      name: 'write-back in memory only, in front of a database',
      doc: diagram(node('cache', 'cache', { strategy: 'write-back' }), node('db', 'sql-database'), edge('cache', 'db')),
      nodes: [['cache', 'db']],
      mentions: ['before they reach db', 'lost'],
    },
    {
      name: 'write-back with persistence explicitly off and no database drawn',
      doc: diagram(node('cache', 'cache', { strategy: 'write-back', persistence: false })),
      nodes: [['cache']],
      mentions: ['the database'],
    },
  ],
  quiet: [
    { name: 'write-back with persistence', doc: diagram(node('cache', 'cache', { strategy: 'write-back', persistence: true })) },
    { name: 'write-through', doc: diagram(node('cache', 'cache', { strategy: 'write-through' })) },
    { name: 'cache-aside by default', doc: diagram(node('cache', 'cache')) },
  ],
});
