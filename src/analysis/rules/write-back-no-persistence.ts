import { hasTrait } from '../../model/catalogue.ts';
import { flagOf, textOf } from '../../model/props.ts';
import { labels, successors } from '../topology.ts';
import { defineRule, finding, type Finding, type Rule } from '../types.ts';
import { listOf } from '../words.ts';

export const writeBackNoPersistence: Rule = defineRule({
  id: 'write-back-no-persistence',
  severity: 'error',
  title: 'Write-back cache without persistence',
  why:
    'A write-back cache confirms a write as soon as it holds it and copies it to the database later. Until then the ' +
    'cache has the only copy; if it keeps that copy only in memory, a restart or crash silently loses those writes.',
  when: 'A cache with `strategy: write-back` and persistence not turned on.',
  fix:
    'Turn on persistence (an append-only log) and replicate the cache, or switch to write-through so writes reach ' +
    'the database before they are confirmed.',
  check: ({ graph }) =>
    graph.ofKind('cache').flatMap((cache): Finding[] => {
      if (textOf(cache, 'strategy') !== 'write-back' || flagOf(cache, 'persistence')) return [];
      const stores = successors(graph, cache.id).filter((node) => hasTrait(node.kind, 'database'));
      const target = stores.length > 0 ? listOf(labels(graph, stores)) : 'the database';
      const message =
        `${graph.label(cache.id)} confirms writes before they reach ${target} and keeps them only in memory: ` +
        'if it restarts, every write not yet flushed is lost.';
      return [finding(writeBackNoPersistence, [cache.id, ...stores.map((node) => node.id)], message)];
    }),
});
