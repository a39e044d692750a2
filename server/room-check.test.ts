import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateCandidate } from '../src/collab/guard.ts';
import { readDiagram, rootsOf, seedDiagram } from '../src/collab/ydiagram.ts';
import { addNode, connect } from '../src/model/ops.ts';
import { emptyDiagram } from '../src/model/types.ts';
import { checkRoom } from './room-check.ts';

// The room check judges a candidate by what it changes; these tests hold it to the
// whole validation: for any sequence of edits, good and bad, it accepts exactly those
// after which validating the whole document passes.

function seeded(): Y.Doc {
  let diagram = addNode(emptyDiagram('Checkout'), 'region', { x: 0, y: 0 }, { id: 'region' });
  diagram = addNode(diagram, 'zone', { x: 10, y: 10 }, { id: 'zone', parentId: 'region' });
  diagram = addNode(diagram, 'service', { x: 20, y: 20 }, { id: 'api', parentId: 'zone' });
  diagram = addNode(diagram, 'sql-database', { x: 300, y: 0 }, { id: 'db' });
  diagram = addNode(diagram, 'cache', { x: 300, y: 200 }, { id: 'cache' });
  diagram = connect(connect(diagram, 'api', 'db'), 'api', 'cache');
  const doc = new Y.Doc();
  seedDiagram(doc, diagram);
  return doc;
}

const ids = ['region', 'zone', 'api', 'db', 'cache', 'new', 'ghost'];
const kinds = ['service', 'cache', 'zone', 'region', 'warp-drive'];
const edit = fc.oneof(
  fc.record({ op: fc.constant('label' as const), id: fc.constantFrom(...ids), value: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()) }),
  fc.record({ op: fc.constant('kind' as const), id: fc.constantFrom(...ids), value: fc.constantFrom(...kinds) }),
  fc.record({ op: fc.constant('parent' as const), id: fc.constantFrom(...ids), value: fc.constantFrom(...ids, undefined) }),
  fc.record({ op: fc.constant('replicas' as const), id: fc.constantFrom(...ids), value: fc.constantFrom(1, 3, 0, -1, 1.5, 'two') }),
  fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
  fc.record({ op: fc.constant('add' as const), id: fc.constantFrom('new', 'ghost', 'api'), value: fc.constantFrom(...kinds) }),
  fc.record({ op: fc.constant('edge' as const), id: fc.constantFrom('e-new', 'api', 'x'), source: fc.constantFrom(...ids), target: fc.constantFrom(...ids) }),
  fc.record({ op: fc.constant('title' as const), value: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(7)) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: Y.Doc, change: Edit): void {
  const { nodes, edges, nodeOrder, edgeOrder, meta } = rootsOf(doc);
  const node = 'id' in change ? (nodes.get(change.id) as Y.Map<unknown> | undefined) : undefined;
  switch (change.op) {
    case 'label':
      node?.set('label', change.value);
      break;
    case 'kind':
      node?.set('kind', change.value);
      break;
    case 'parent':
      if (change.value === undefined) node?.delete('parentId');
      else node?.set('parentId', change.value);
      break;
    case 'replicas':
      (node?.get('props') as Y.Map<unknown> | undefined)?.set('replicas', change.value);
      break;
    case 'remove':
      nodes.delete(change.id);
      break;
    case 'add': {
      const added = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ kind: change.value, label: 'New', position: { x: 1, y: 1 } })) added.set(key, value);
      if (change.value === 'zone' || change.value === 'region') added.set('size', { width: 200, height: 100 });
      added.set('props', new Y.Map());
      nodes.set(change.id, added);
      nodeOrder.push([change.id]);
      break;
    }
    case 'edge': {
      const added = new Y.Map<unknown>();
      added.set('source', change.source);
      added.set('target', change.target);
      added.set('props', new Y.Map());
      edges.set(change.id, added);
      edgeOrder.push([change.id]);
      break;
    }
    case 'title':
      meta.set('title', change.value);
      break;
  }
}

const wholeVerdict = (doc: Y.Doc) => validateCandidate(readDiagram(doc)).ok;

describe('the room check', () => {
  it('accepts exactly the updates after which the whole document is valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (steps) => {
        const room = seeded();
        const check = checkRoom(room);
        for (const changes of steps) {
          const client = new Y.Doc();
          Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
          const before = Y.encodeStateVector(client);
          client.transact(() => changes.forEach((change) => apply(client, change)));
          const update = Y.encodeStateAsUpdate(client, before);
          const verdict = await check.check(update);
          expect(verdict.ok, JSON.stringify(changes)).toBe(wholeVerdict(client));
          if (verdict.ok) {
            Y.applyUpdate(room, update);
            check.landed(update);
          }
          expect(wholeVerdict(room)).toBe(true);
        }
        check.dispose();
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it('checks updates that arrive together as a batch, and refuses only the bad one of them', async () => {
    const room = seeded();
    const check = checkRoom(room);
    const updateOf = (change: Edit) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
      const before = Y.encodeStateVector(client);
      apply(client, change);
      return Y.encodeStateAsUpdate(client, before);
    };
    const good = updateOf({ op: 'label', id: 'db', value: 'Orders' });
    const bad = updateOf({ op: 'kind', id: 'cache', value: 'warp-drive' });
    const alsoGood = updateOf({ op: 'replicas', id: 'api', value: 3 });
    const verdicts = await Promise.all([check.check(good), check.check(bad), check.check(alsoGood)]);
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, false, true]);
    check.dispose();
  });
});
