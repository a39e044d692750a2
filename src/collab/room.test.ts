import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComponent } from '../commands/editing.ts';
import { createTestEditor } from '../commands/testing.ts';
import { addNode, connect, moveNodes, nodeById, reparent, setLabel, setNodeProp } from '../model/ops.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import { validateCandidate } from './guard.ts';
import { createRelay, joinTestRoom } from './testing.ts';
import { rootsOf } from './ydiagram.ts';

// Two or three people in one room, synced in memory (src/collab/testing.ts).

function startingDiagram(): Diagram {
  let doc = emptyDiagram('Checkout');
  doc = addNode(doc, 'service', { x: 0, y: 0 }, { id: 'api' });
  doc = addNode(doc, 'sql-database', { x: 300, y: 0 }, { id: 'db' });
  return connect(doc, 'api', 'db');
}

function room() {
  const relay = createRelay();
  const a = joinTestRoom(relay, startingDiagram());
  const b = joinTestRoom(relay);
  return { relay, a, b };
}

const node = (editor: { state(): { doc: Diagram } }, id: string) => nodeById(editor.state().doc, id)!;

describe('a live room', () => {
  it('gives one who joins the diagram of the one who shared', () => {
    const { a, b } = room();
    expect(b.state().doc).toEqual(a.state().doc);
    expect(b.state().doc.title).toBe('Checkout');
    expect(b.state().doc.nodes.map((n) => n.id).sort()).toEqual(['api', 'db']);
  });

  it('shows each person the edits of the other', () => {
    const { a, b } = room();
    const added = addComponent(a.store, 'cache', { x: 100, y: 300 });
    expect(node(b, added).kind).toBe('cache');
    b.state().edit((doc) => setLabel(doc, added, 'Sessions'));
    expect(node(a, added).label).toBe('Sessions');
    b.state().select([added]);
    b.run('delete');
    expect(nodeById(a.state().doc, added)).toBeUndefined();
  });

  it('keeps both of two concurrent edits to different fields of one node', () => {
    const { relay, a, b } = room();
    relay.hold();
    a.state().edit((doc) => setLabel(doc, 'api', 'Orders API'));
    b.state().edit((doc) => setNodeProp(doc, 'api', 'replicas', 3));
    b.state().edit((doc) => setNodeProp(doc, 'api', 'region', 'eu'));
    expect(node(a, 'api').props.replicas).toBe(1);
    relay.release();
    for (const person of [a, b]) {
      expect(node(person, 'api').label).toBe('Orders API');
      expect(node(person, 'api').props).toMatchObject({ replicas: 3, region: 'eu' });
    }
    expect(a.state().doc).toEqual(b.state().doc);
  });

  it('undoes only your own edits', () => {
    const { a, b } = room();
    a.state().edit((doc) => setLabel(doc, 'api', 'Orders API'));
    b.state().edit((doc) => setNodeProp(doc, 'api', 'replicas', 3));
    expect(a.enabled('undo')).toBe(true);
    a.run('undo');
    for (const person of [a, b]) {
      expect(node(person, 'api').label).not.toBe('Orders API');
      expect(node(person, 'api').props.replicas).toBe(3);
    }
    expect(a.enabled('undo')).toBe(false);
    a.run('redo');
    expect(node(b, 'api').label).toBe('Orders API');
    b.run('undo');
    expect(node(a, 'api').label).toBe('Orders API');
    expect(node(a, 'api').props.replicas).toBe(1);
  });

  it('makes each edit one undo step, and a whole drag one', () => {
    const { a } = room();
    a.state().edit((doc) => setLabel(doc, 'api', 'One'));
    a.state().edit((doc) => setLabel(doc, 'api', 'Two'));
    a.state().beginGesture();
    for (let x = 1; x <= 20; x++) a.state().updateGesture((doc) => moveNodes(doc, new Map([['db', { x, y: x }]])));
    a.state().endGesture();
    expect(node(a, 'db').position).toEqual({ x: 20, y: 20 });
    a.run('undo');
    expect(node(a, 'db').position).toEqual({ x: 300, y: 0 });
    a.run('undo');
    expect(node(a, 'api').label).toBe('One');
  });

  it("shows a peer's changes during a drag, which goes on over them and undoes alone", () => {
    const { a, b } = room();
    a.state().beginGesture();
    a.state().updateGesture((doc) => moveNodes(doc, new Map([['db', { x: 10, y: 10 }]])));
    b.state().edit((doc) => setLabel(doc, 'api', 'From B'));
    b.state().edit((doc) => moveNodes(doc, new Map([['api', { x: -50, y: 80 }]])));
    // A peer's move that ended shows where it ended, and the label on the dragged node too.
    b.state().edit((doc) => setLabel(doc, 'db', 'Orders DB'));
    expect(node(a, 'api')).toMatchObject({ label: 'From B', position: { x: -50, y: 80 } });
    expect(node(a, 'db')).toMatchObject({ label: 'Orders DB', position: { x: 10, y: 10 } });
    a.state().updateGesture((doc) => moveNodes(doc, new Map([['db', { x: 40, y: 40 }]])));
    a.state().endGesture();
    for (const person of [a, b]) {
      expect(node(person, 'db')).toMatchObject({ label: 'Orders DB', position: { x: 40, y: 40 } });
      expect(node(person, 'api')).toMatchObject({ label: 'From B', position: { x: -50, y: 80 } });
    }
    // A's drag is A's one step: undo takes back the move, not B's changes.
    a.run('undo');
    for (const person of [a, b]) {
      expect(node(person, 'db')).toMatchObject({ label: 'Orders DB', position: { x: 300, y: 0 } });
      expect(node(person, 'api')).toMatchObject({ label: 'From B', position: { x: -50, y: 80 } });
    }
  });

  it('drops a drag of a component a peer deletes meanwhile', () => {
    const { a, b } = room();
    a.state().beginGesture();
    a.state().updateGesture((doc) => moveNodes(doc, new Map([['db', { x: 10, y: 10 }]])));
    b.state().select(['db']);
    b.run('delete');
    expect(nodeById(a.state().doc, 'db')).toBeUndefined();
    a.state().updateGesture((doc) => moveNodes(doc, new Map([['db', { x: 40, y: 40 }]])));
    a.state().endGesture();
    expect(a.state().doc).toEqual(b.state().doc);
    expect(nodeById(b.state().doc, 'db')).toBeUndefined();
  });

  it('keeps the objects of unchanged nodes when one node changes', () => {
    const { a, b } = room();
    const before = b.state().doc;
    a.state().edit((doc) => setLabel(doc, 'api', 'Renamed'));
    expect(b.state().doc).not.toBe(before);
    expect(node(b, 'db')).toBe(nodeById(before, 'db'));
    expect(b.state().doc.edges[0]).toBe(before.edges[0]);
  });

  it('shows the same document the edit operations made', () => {
    const { a } = room();
    const solo = createTestEditor(a.state().doc);
    for (const editor of [a, solo]) {
      editor.state().edit((doc) => setNodeProp(doc, 'db', 'replicas', 2));
      editor.state().edit((doc) => setLabel(doc, 'db', 'Orders DB'));
      editor.state().edit((doc) => addNode(doc, 'region', { x: -50, y: -50 }, { id: 'eu' }));
      editor.state().edit((doc) => setNodeProp(doc, 'db', 'replicas', undefined));
    }
    expect(a.state().doc).toEqual(solo.state().doc);
  });

  describe('two valid edits that cross', () => {
    /** What every person's document must be: valid, the same for all, and with no refusal. */
    function expectMended(people: { state(): { doc: Diagram; notice: { kind: string; text: string } | null } }[]) {
      for (const person of people) {
        expect(validateCandidate(person.state().doc)).toEqual({ ok: true });
        expect(person.state().doc).toEqual(people[0]!.state().doc);
        expect(person.state().notice?.text ?? '').not.toMatch(/refused/);
      }
    }

    it('drop a connection to a component someone deletes at the same moment', () => {
      const { relay, a, b } = room();
      relay.hold();
      a.state().select(['db']);
      a.run('delete');
      b.state().edit((doc) => connect(doc, 'db', 'api'));
      relay.release();
      expectMended([a, b]);
      expect(nodeById(b.state().doc, 'db')).toBeUndefined();
      expect(b.state().doc.edges).toEqual([]);
      expect(b.state().notice).toEqual({ kind: 'info', text: 'Two edits in the room crossed: 1 connection to a deleted component was removed.' });
      // The room goes on as usual.
      b.state().edit((doc) => setLabel(doc, 'api', 'After'));
      expect(node(a, 'api').label).toBe('After');
    });

    it("undo a component's creation together with a peer's connection to it, in one valid update", () => {
      const { relay, a, b } = room();
      const added = addComponent(a.store, 'cache', { x: 100, y: 300 });
      b.state().edit((doc) => connect(doc, 'api', added));
      expect(a.state().doc.edges).toHaveLength(2);
      const shown: Diagram[] = [];
      a.store.subscribe((state) => shown.push(state.doc));
      a.run('undo');
      expectMended([a, b]);
      expect(nodeById(b.state().doc, added)).toBeUndefined();
      expect(b.state().doc.edges.map((edge) => edge.target)).toEqual(['db']);
      // Never the document in between, here or at the server.
      expect(shown.every((doc) => validateCandidate(doc).ok)).toBe(true);
      expect(relay.refused).toEqual([]);
      expect(a.state().notice).toEqual({ kind: 'info', text: '1 connection to a deleted component was removed, with your change.' });
      // Redo brings the component back, not the peer's connection.
      a.run('redo');
      expect(node(b, added).kind).toBe('cache');
      expect(b.state().doc.edges).toHaveLength(1);
      expect(relay.refused).toEqual([]);
    });

    it('redo a connection to a component a peer has deleted since, by dropping it again', () => {
      const { relay, a, b } = room();
      a.state().edit((doc) => connect(doc, 'db', 'api'));
      a.run('undo');
      b.state().select(['db']);
      b.run('delete');
      a.run('redo');
      expectMended([a, b]);
      expect(a.state().doc.edges).toEqual([]);
      expect(relay.refused).toEqual([]);
    });

    it('lift a component put in a group someone deletes at the same moment', () => {
      const { relay, a, b } = room();
      a.state().edit((doc) => addNode(doc, 'zone', { x: -100, y: -100 }, { id: 'az' }));
      relay.hold();
      a.state().select(['az']);
      a.run('delete');
      b.state().edit((doc) => moveNodes(reparent(doc, 'db', 'az'), new Map([['db', { x: 30, y: 30 }]])));
      relay.release();
      expectMended([a, b]);
      expect(node(a, 'db').parentId).toBeUndefined();
      expect(node(a, 'db').position).toEqual({ x: 30, y: 30 });
    });

    it('lift a component dropped, at the end of a drag, into a group a peer deleted during it', () => {
      const { relay, a, b } = room();
      a.state().edit((doc) => addNode(doc, 'zone', { x: -100, y: -100 }, { id: 'az' }));
      a.state().beginGesture();
      a.state().updateGesture((doc) => moveNodes(reparent(doc, 'db', 'az'), new Map([['db', { x: 30, y: 30 }]])));
      b.state().select(['az']);
      b.run('delete');
      a.state().endGesture();
      expectMended([a, b]);
      expect(node(a, 'db').parentId).toBeUndefined();
      expect(node(a, 'db').position).toEqual({ x: 30, y: 30 });
      expect(relay.refused).toEqual([]);
    });

    it('still refuse a connection to a component the room never held', () => {
      const { relay, a } = room();
      const network = relay.connect();
      network.transact(() => rootsOf(network).edges.set('e-bad', new Y.Map<unknown>([['source', 'api'], ['target', 'nowhere'], ['props', new Y.Map()]])));
      expect(a.state().doc.edges).toHaveLength(1);
      expect(a.state().notice?.text).toMatch(/refused/);
    });
  });

  describe("a peer's change that would make the document invalid", () => {
    /** A modified client: writes straight into its network Y.Doc, past every check. */
    function hostile(relay: ReturnType<typeof createRelay>, change: (roots: ReturnType<typeof rootsOf>) => void) {
      const network = relay.connect();
      network.transact(() => change(rootsOf(network)));
    }

    it.each([
      ['an unknown kind', (roots: ReturnType<typeof rootsOf>) => (roots.nodes.get('api') as Y.Map<unknown>).set('kind', 'banana')],
      ['a bad property', (roots: ReturnType<typeof rootsOf>) => ((roots.nodes.get('api') as Y.Map<unknown>).get('props') as Y.Map<unknown>).set('replicas', -4)],
      ['a dangling edge', (roots: ReturnType<typeof rootsOf>) => roots.edges.set('e-bad', new Y.Map<unknown>([['source', 'api'], ['target', 'nowhere'], ['props', new Y.Map()]]))],
      ['a node that is not a map', (roots: ReturnType<typeof rootsOf>) => roots.nodes.set('junk', 42)],
    ])('is refused with a notice and never shown: %s', (_name, change) => {
      const { relay, a, b } = room();
      const before = a.state().doc;
      hostile(relay, change);
      for (const person of [a, b]) {
        expect(person.state().doc).toBe(person === a ? before : person.state().doc);
        expect(person.state().doc).toEqual(before);
        expect(person.state().notice?.kind).toBe('error');
        expect(person.state().notice?.text).toMatch(/refused/);
      }
      // The room carries on: the next honest edit arrives.
      a.state().edit((doc) => setLabel(doc, 'db', 'Still valid'));
      expect(node(b, 'db').label).toBe('Still valid');
    });

    it("refuses only its author's part of an update that holds everyone's changes", () => {
      const { relay, a } = room();
      hostile(relay, (roots) => roots.edges.set('e-bad', new Y.Map<unknown>([['source', 'api'], ['target', 'nowhere'], ['props', new Y.Map()]])));
      a.state().edit((doc) => setLabel(doc, 'db', 'Still valid'));
      // One who joins later gets the room's whole state in one update, the refused edge in it.
      const late = joinTestRoom(relay);
      expect(late.state().doc).toEqual(a.state().doc);
      expect(node(late, 'db').label).toBe('Still valid');
      expect(late.state().notice?.text).toMatch(/refused/);
    });
  });
});

describe('Share live', () => {
  it('is there until a room is joined, and not while in one', () => {
    const relay = createRelay();
    const alone = createTestEditor(startingDiagram());
    expect(alone.enabled('share-live')).toBe(true);
    const inRoom = joinTestRoom(relay, startingDiagram());
    expect(inRoom.enabled('share-live')).toBe(false);
    inRoom.room.detach();
    expect(inRoom.enabled('share-live')).toBe(true);
    // Back to editing alone, with the room's document and its own history.
    inRoom.state().edit((doc) => setLabel(doc, 'api', 'Alone again'));
    inRoom.run('undo');
    expect(node(inRoom, 'api').label).not.toBe('Alone again');
  });
});
