import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagramOfRoom, rememberDiagramOfRoom } from './copies.ts';

// Which library diagram holds each room, in a localStorage stand-in.

let stored: Map<string, string>;

beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('window', {
    localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) },
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('the diagram of each room', () => {
  it('gives back the diagram remembered for a room, and nothing for another', () => {
    rememberDiagramOfRoom('room-a', 'diagram-1');
    rememberDiagramOfRoom('room-b', 'diagram-2');
    rememberDiagramOfRoom('room-a', 'diagram-3');
    expect(diagramOfRoom('room-a')).toBe('diagram-3');
    expect(diagramOfRoom('room-b')).toBe('diagram-2');
    expect(diagramOfRoom('room-c')).toBeNull();
    expect(diagramOfRoom('__proto__')).toBeNull();
  });

  it('forgets the oldest rooms beyond 200', () => {
    for (let index = 0; index < 205; index++) rememberDiagramOfRoom(`room-${index}`, `diagram-${index}`);
    expect(diagramOfRoom('room-0')).toBeNull();
    expect(diagramOfRoom('room-5')).toBe('diagram-5');
    expect(diagramOfRoom('room-204')).toBe('diagram-204');
  });

  it('reads damaged or refused storage as no rooms', () => {
    stored.set('faultline:room-copies', '{not json');
    expect(diagramOfRoom('room-a')).toBeNull();
    stored.set('faultline:room-copies', JSON.stringify({ 'room-a': 42 }));
    expect(diagramOfRoom('room-a')).toBeNull();
    vi.stubGlobal('window', {
      localStorage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    });
    expect(() => rememberDiagramOfRoom('room-a', 'diagram-1')).not.toThrow();
    expect(diagramOfRoom('room-a')).toBeNull();
  });
});
