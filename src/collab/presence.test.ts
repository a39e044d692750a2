import { describe, expect, it } from 'vitest';
import { addNode, moveNodes, setLabel } from '../model/ops.ts';
import { emptyDiagram } from '../model/types.ts';
import { cleanName, colourAmong, movedSince, type Peer, type PeerColour, colourOf, dragFieldOf, guestName, NAME_MAX, PEER_COLOURS, readPeer, readPeers } from './presence.ts';

const ids = new Set(['api', 'db']);
const good = {
  present: true,
  user: { name: 'Ana', colour: 'teal' },
  cursor: { x: 10, y: -20.5 },
  selection: ['api'],
  drag: [{ id: 'db', x: 300, y: 40 }],
};

describe('a peer’s colour', () => {
  it('comes from the client id, the same everywhere, from the palette', () => {
    expect(colourOf(12345)).toBe(colourOf(12345));
    const seen = new Set(Array.from({ length: 64 }, (_, i) => colourOf(1000 + i)));
    expect([...seen].sort()).toEqual([...PEER_COLOURS].sort());
  });
});

describe('choosing a colour among peers', () => {
  const peer = (clientId: number, colour: PeerColour) => ({ clientId, colour });

  it('keeps its own while no earlier peer has it, even when a later one does', () => {
    expect(colourAmong(9, 'orange', [])).toBe('orange');
    expect(colourAmong(9, 'orange', [peer(20, 'orange'), peer(4, 'red')])).toBe('orange');
  });

  it('moves to the first free colour after its own when an earlier peer has it', () => {
    expect(colourAmong(9, 'orange', [peer(1, 'orange'), peer(2, 'amber')])).toBe('green');
    // From the end of the palette it wraps round.
    expect(colourAmong(15, 'pink', [peer(7, 'pink'), peer(8, 'red')])).toBe('orange');
  });

  it('takes the least used colour when all are taken', () => {
    const everyone = PEER_COLOURS.map((colour, index) => peer(index, colour));
    // 100 starts from teal (PEER_COLOURS[4]); teal and indigo are used twice.
    expect(colourAmong(100, 'red', [...everyone, peer(50, 'teal'), peer(51, 'indigo')])).toBe('purple');
  });
});

describe('a name', () => {
  it('is trimmed, kept on one line and bounded', () => {
    expect(cleanName('  Ana \n Lima  ')).toBe('Ana Lima');
    expect(cleanName('x'.repeat(100))).toHaveLength(NAME_MAX);
    expect(cleanName('\u202eanA\u0007')).toBe('anA');
    expect(cleanName('   ')).toBe('');
  });

  it('counts a character as one, whatever its UTF-16 length', () => {
    expect([...cleanName('😀'.repeat(50))]).toHaveLength(NAME_MAX);
  });

  it('defaults to a guest name from the client id', () => {
    expect(guestName(3)).toMatch(/^Guest \d\d$/);
    expect(guestName(3)).toBe(guestName(3));
  });
});

describe('reading a peer’s awareness state', () => {
  it('keeps every well-formed field', () => {
    const peer = readPeer(7, good, ids)!;
    expect(peer).toMatchObject({ clientId: 7, name: 'Ana', colour: 'teal', cursor: { x: 10, y: -20.5 }, selection: ['api'] });
    expect([...peer.drag!]).toEqual([['db', { x: 300, y: 40 }]]);
  });

  it('shows a peer who sent nothing yet as a guest with its own colour', () => {
    expect(readPeer(7, {}, ids)).toEqual({ clientId: 7, name: guestName(7), colour: colourOf(7), cursor: null, selection: [], drag: null });
  });

  it('ignores a state that is not an object', () => {
    for (const state of [null, 'Ana', 3, [good]]) expect(readPeer(7, state, ids)).toBeNull();
  });

  const malformed: [string, object, Partial<Peer>][] = [
    ['a name that is not text', { user: { name: { toString: 'x' } } }, { name: guestName(7) }],
    ['a name of HTML, kept as text', { user: { name: '<img src=x onerror=alert(1)>' } }, { name: '<img src=x onerror=alert(1)>' }],
    ['a name far over the bound', { user: { name: 'a'.repeat(10_000) } }, { name: guestName(7) }],
    ['an empty name', { user: { name: ' \u200b ' } }, { name: guestName(7) }],
    ['a colour not in the palette', { user: { colour: 'red; background: url(x)' } }, { colour: colourOf(7) }],
    ['a cursor at infinity', { cursor: { x: Infinity, y: 0 } }, { cursor: null }],
    ['a cursor of text', { cursor: { x: '1', y: '2' } }, { cursor: null }],
    ['a cursor far off any canvas', { cursor: { x: 1e300, y: 0 } }, { cursor: null }],
    ['a cursor that is NaN', { cursor: { x: NaN, y: 1 } }, { cursor: null }],
    ['a selection that is not a list', { selection: 'api' }, { selection: [] }],
    ['a selection of unknown ids', { selection: ['api', 'ghost', 42, 'api'] }, { selection: ['api'] }],
    ['a selection too long to be real', { selection: Array(5000).fill('api') }, { selection: [] }],
    ['a drag of unknown ids and bad numbers', { drag: [{ id: 'ghost', x: 1, y: 1 }, { id: 'api', x: NaN, y: 1 }] }, { drag: null }],
    ['a drag that is not a list', { drag: { api: { x: 1, y: 1 } } }, { drag: null }],
  ];
  it.each(malformed)('drops %s', (_what, state, expected) => {
    expect(readPeer(7, { ...good, ...state, user: { ...good.user, ...('user' in state ? (state.user as object) : {}) } }, ids)).toMatchObject(expected);
  });

  it('lists everyone but this client, by client id', () => {
    const states = new Map<number, unknown>([
      [30, good],
      [5, { user: { name: 'Bo' } }],
      [12, { user: { name: 'Me' } }],
      [8, 'garbage'],
    ]);
    expect(readPeers(states, 12, ids).map((peer) => [peer.clientId, peer.name])).toEqual([
      [5, 'Bo'],
      [30, 'Ana'],
    ]);
  });
});

describe('the drag field', () => {
  it('lists what moved, and is null when nothing did', () => {
    expect(dragFieldOf(new Map())).toBeNull();
    expect(dragFieldOf(new Map([['api', { x: 1, y: 2 }]]))).toEqual([{ id: 'api', x: 1, y: 2 }]);
  });
});

describe('what a gesture moved', () => {
  const before = addNode(addNode(emptyDiagram(), 'service', { x: 0, y: 0 }, { id: 'api' }), 'cache', { x: 300, y: 0 }, { id: 'cache' });

  it('lists the components whose position changed, and not those otherwise edited', () => {
    const after = setLabel(moveNodes(before, new Map([['api', { x: 5, y: 6 }]])), 'cache', 'Sessions');
    expect([...movedSince(before, after)]).toEqual([['api', { x: 5, y: 6 }]]);
    expect(movedSince(before, before).size).toBe(0);
  });
});
