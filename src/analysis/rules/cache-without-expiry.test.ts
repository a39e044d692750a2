import { describeRule } from '../describe-rule.ts';
import { diagram, node } from '../testing.ts';
import { cacheWithoutExpiry } from './cache-without-expiry.ts';

describeRule(cacheWithoutExpiry, {
  fires: [
    { name: 'cache-aside by default, no TTL, no invalidation', doc: diagram(node('c', 'cache')), nodes: [['c']], mentions: ['c (cache-aside)'] },
    { name: 'read-through with invalidation off', doc: diagram(node('c', 'cache', { strategy: 'read-through', invalidation: false })), nodes: [['c']] },
  ],
  quiet: [
    { name: 'a TTL', doc: diagram(node('c', 'cache', { ttlSeconds: 300 })) },
    { name: 'invalidation on write', doc: diagram(node('c', 'cache', { strategy: 'cache-aside', invalidation: true })) },
    { name: 'write-through sees every write', doc: diagram(node('c', 'cache', { strategy: 'write-through' })) },
    { name: 'write-back sees every write', doc: diagram(node('c', 'cache', { strategy: 'write-back', persistence: true })) },
    { name: 'not a cache', doc: diagram(node('db', 'sql-database')) },
  ],
});
