import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFlowEdge, type Diagram } from '../model/types.ts';
import { blastRadius } from './blast-radius.ts';
import { diagram, edge, node } from './testing.ts';

/** The definition, literally: search from every surviving entry with and without the loss. */
function reference(doc: Diagram, lostIds: ReadonlySet<string>) {
  const flow = doc.edges.filter(isFlowEdge);
  const reachFrom = (start: string, blocked: ReadonlySet<string>) => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const e of flow) {
        if (e.source !== v || blocked.has(e.target) || seen.has(e.target)) continue;
        seen.add(e.target);
        queue.push(e.target);
      }
    }
    return seen;
  };
  const sinks = new Set(doc.nodes.filter((n) => !flow.some((e) => e.source === n.id)).map((n) => n.id));
  const lost = new Set<string>();
  const affected: string[] = [];
  for (const entry of doc.nodes.filter((n) => n.kind === 'client' && !lostIds.has(n.id))) {
    const after = reachFrom(entry.id, lostIds);
    let hit = false;
    for (const id of reachFrom(entry.id, new Set())) {
      if (after.has(id)) continue;
      lost.add(id);
      hit ||= sinks.has(id);
    }
    if (hit) affected.push(entry.id);
  }
  return { lost, affected };
}

describe('losses with many entries (several 32-entry chunks)', () => {
  it('match the definition', () => {
    const docs = fc
      .record({
        clients: fc.integer({ min: 30, max: 80 }),
        services: fc.integer({ min: 1, max: 15 }),
        links: fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 160 }),
        lost: fc.nat(200),
      })
      .map(({ clients, services, links, lost }) => {
        const ids = [...Array.from({ length: clients }, (_, i) => `c${i}`), ...Array.from({ length: services }, (_, i) => `s${i}`)];
        const nodes = ids.map((id) => node(id, id.startsWith('c') ? 'client' : 'service'));
        const edges = links.map(([a, b], i) => edge(ids[a % ids.length]!, ids[b % ids.length]!, {}, `e${i}`)).filter((e) => e.source !== e.target);
        return { doc: diagram(nodes, edges), lost: `s${lost % services}` };
      });
    fc.assert(
      fc.property(docs, ({ doc, lost }) => {
        const expected = reference(doc, new Set([lost]));
        const actual = blastRadius(doc, lost);
        expect(new Set(actual.lost)).toEqual(expected.lost);
        expect(actual.entriesAffected).toEqual(expected.affected);
      }),
      { numRuns: 200 },
    );
  });
});
