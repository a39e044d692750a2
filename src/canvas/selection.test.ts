import { describe, expect, it } from 'vitest';
import { applySelection } from './selection.ts';

describe('applySelection', () => {
  it('applies select and deselect changes', () => {
    const next = applySelection(new Set(['a', 'b']), [
      { type: 'select', id: 'a', selected: false },
      { type: 'select', id: 'c', selected: true },
    ]);
    expect(next && [...next].sort()).toEqual(['b', 'c']);
  });

  it('returns null when nothing changes, so the store is left alone', () => {
    expect(applySelection(new Set(['a']), [{ type: 'select', id: 'a', selected: true }])).toBeNull();
    expect(applySelection(new Set(['a']), [{ type: 'position', id: 'a', position: { x: 1, y: 1 } }])).toBeNull();
  });
});
