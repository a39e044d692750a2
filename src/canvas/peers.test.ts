import { describe, expect, it } from 'vitest';
import type { Peer } from '../collab/presence.ts';
import { dragsKey, samePeople, selectedByOf, selectedByText, selectionsKey } from './peers.ts';

const peer = (clientId: number, name: string, extra: Partial<Peer> = {}): Peer => ({ clientId, name, colour: 'teal', cursor: null, selection: [], drag: null, ...extra });

describe('what the canvas shows of peers', () => {
  it('lists who has each component selected', () => {
    const byNode = selectedByOf([peer(1, 'Ana', { selection: ['api', 'db'] }), peer(2, 'Bo', { selection: ['db'] })]);
    expect(byNode.get('api')).toEqual([{ name: 'Ana', colour: 'teal' }]);
    expect(byNode.get('db')?.map((look) => look.name)).toEqual(['Ana', 'Bo']);
    expect(byNode.has('cache')).toBe(false);
  });

  it('names them in a sentence', () => {
    expect(selectedByText([{ name: 'Ana', colour: 'red' }])).toBe('Selected by Ana');
    expect(selectedByText(['Ana', 'Bo', 'Cy'].map((name) => ({ name, colour: 'red' as const })))).toBe('Selected by Ana, Bo and Cy');
  });

  it('keeps the selection key while only pointers move, and changes it with a selection', () => {
    const before = [peer(1, 'Ana', { selection: ['api'], cursor: { x: 1, y: 1 } })];
    const moved = [peer(1, 'Ana', { selection: ['api'], cursor: { x: 9, y: 9 } })];
    const selected = [peer(1, 'Ana', { selection: ['db'] })];
    expect(selectionsKey(moved)).toBe(selectionsKey(before));
    expect(selectionsKey(selected)).not.toBe(selectionsKey(before));
    expect(dragsKey(moved)).toBe(dragsKey(before));
    expect(dragsKey([peer(1, 'Ana', { drag: new Map([['api', { x: 3, y: 4 }]]) })])).not.toBe(dragsKey(before));
  });

  it('compares people by what is drawn of them', () => {
    expect(samePeople([{ name: 'Ana', colour: 'red' }], [{ name: 'Ana', colour: 'red' }])).toBe(true);
    expect(samePeople([{ name: 'Ana', colour: 'red' }], [{ name: 'Ana', colour: 'teal' }])).toBe(false);
  });
});
