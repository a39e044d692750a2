import { flagOf, numberOf, textOf } from '../../model/props.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';

// Caches filled lazily from the database (cache-aside, read-through) hold copies the
// writers never touch. Write-through and write-back caches see every write, so they
// are left alone.
const LAZY = new Set(['cache-aside', 'read-through']);

export const cacheWithoutExpiry: Rule = defineRule({
  id: 'cache-without-expiry',
  severity: 'warning',
  title: 'Lazily filled cache with no TTL or invalidation',
  why:
    'A cache-aside or read-through cache copies data on a miss and then serves that copy. With no time-to-live and ' +
    'no invalidation on write, nothing ever replaces the copy: users keep seeing the old value after it changes.',
  when:
    'A cache with strategy cache-aside (the default) or read-through that has no `ttlSeconds` and invalidation ' +
    'not turned on.',
  fix:
    'Give entries a TTL that matches how stale the data may get, and have writers delete or update the cached ' +
    'entry when they change the data.',
  check: ({ graph }) =>
    graph.ofKind('cache').flatMap((cache): Finding[] => {
      const strategy = textOf(cache, 'strategy') ?? '';
      if (!LAZY.has(strategy)) return [];
      if ((numberOf(cache, 'ttlSeconds') ?? 0) > 0 || flagOf(cache, 'invalidation')) return [];
      const message =
        `${graph.label(cache.id)} (${strategy}) has neither a TTL nor invalidation on write: ` +
        'a cached entry keeps being served after the data behind it changes.';
      return [finding(cacheWithoutExpiry, [cache.id], message)];
    }),
});
