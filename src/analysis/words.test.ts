import { describe, expect, it } from 'vitest';
import { count, listOf, verb } from './words.ts';

describe('listOf', () => {
  it.each([
    [[], 3, undefined, ''],
    [['A'], 3, undefined, 'A'],
    [['A', 'B'], 3, undefined, 'A and B'],
    [['A', 'B', 'C'], 3, undefined, 'A, B and C'],
    [['A', 'B', 'C', 'D', 'E'], 3, undefined, 'A, B, C and 2 more'],
    [['A', 'B'], 3, 12_001, 'A, B and 11,999 more'],
  ] as const)('%j (max %d, total %s) reads "%s"', (names, max, total, expected) => {
    expect(listOf(names, max, total)).toBe(expected);
  });
});

describe('count and verb', () => {
  it('agree in number', () => {
    expect(count(1, 'component')).toBe('1 component');
    expect(count(10_000, 'component')).toBe('10,000 components');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
    expect(verb(1, 'loses', 'lose')).toBe('loses');
    expect(verb(2, 'loses', 'lose')).toBe('lose');
  });
});
