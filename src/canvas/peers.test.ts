import { describe, expect, it } from 'vitest';
import type { Peer } from '../collab/presence.ts';
import { addNode, nodeById } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { dragsKey, marksKey, marksOf, marksText, sameMarks, withPeerDrags } from './peers.ts';

const peer = (clientId: number, name: string, extra: Partial<Peer> = {}): Peer => ({ clientId, name, colour: 'teal', cursor: null, selection: [], drag: null, ...extra });
const mark = (name: string, moving = false) => ({ name, colour: 'red' as const, moving });

describe('what the canvas shows of peers', () => {
  it('marks the components each peer has selected or drags', () => {
    const byNode = marksOf([peer(1, 'Ana', { selection: ['api', 'db'] }), peer(2, 'Bo', { selection: ['db'], drag: new Map([['cache', { x: 1, y: 2 }]]) })]);
    expect(byNode.get('api')).toEqual([{ name: 'Ana', colour: 'teal', moving: false }]);
    expect(byNode.get('db')?.map((m) => m.name)).toEqual(['Ana', 'Bo']);
    expect(byNode.get('cache')).toEqual([{ name: 'Bo', colour: 'teal', moving: true }]);
    expect(byNode.has('queue')).toBe(false);
  });

  it('says who in a sentence', () => {
    expect(marksText([mark('Ana')])).toBe('Selected by Ana');
    expect(marksText([mark('Ana'), mark('Bo'), mark('Cy')])).toBe('Selected by Ana, Bo and Cy');
    expect(marksText([mark('Ana'), mark('Bo', true)])).toBe('Selected by Ana. Being moved by Bo');
  });

  it('keeps its keys while only pointers move, and changes them with a selection or a drag', () => {
    const before = [peer(1, 'Ana', { selection: ['api'], cursor: { x: 1, y: 1 } })];
    const moved = [peer(1, 'Ana', { selection: ['api'], cursor: { x: 9, y: 9 } })];
    const dragging = [peer(1, 'Ana', { selection: ['api'], drag: new Map([['api', { x: 3, y: 4 }]]) })];
    const further = [peer(1, 'Ana', { selection: ['api'], drag: new Map([['api', { x: 30, y: 4 }]]) })];
    expect(marksKey(moved)).toBe(marksKey(before));
    expect(marksKey([peer(1, 'Ana', { selection: ['db'] })])).not.toBe(marksKey(before));
    expect(marksKey(dragging)).not.toBe(marksKey(before));
    expect(marksKey(further)).toBe(marksKey(dragging));
    expect(dragsKey(moved)).toBe(dragsKey(before));
    expect(dragsKey(further)).not.toBe(dragsKey(dragging));
  });

  it('compares marks by what is drawn of them', () => {
    expect(sameMarks([mark('Ana')], [mark('Ana')])).toBe(true);
    expect(sameMarks([mark('Ana')], [{ ...mark('Ana'), colour: 'teal' }])).toBe(false);
    expect(sameMarks([mark('Ana')], [mark('Ana', true)])).toBe(false);
  });
});

describe('the document as peers’ drags show it', () => {
  const doc = addNode(addNode(emptyDiagram(), 'service', { x: 0, y: 0 }, { id: 'api' }), 'cache', { x: 300, y: 0 }, { id: 'cache' });

  it('puts what each peer drags where they hold it and leaves the rest', () => {
    const shown = withPeerDrags(doc, [peer(1, 'Ana', { drag: new Map([['api', { x: 40, y: 50 }]]) }), peer(2, 'Bo')]);
    expect(nodeById(shown, 'api')!.position).toEqual({ x: 40, y: 50 });
    expect(nodeById(shown, 'cache')).toBe(nodeById(doc, 'cache'));
  });

  it('is the document itself while nobody drags', () => {
    expect(withPeerDrags(doc, [peer(1, 'Ana')])).toBe(doc);
  });
});
