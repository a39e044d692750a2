import { describe, expect, it } from 'vitest';
import { count, groupName, listOf, looksPlural, subject, verbFor } from './words.ts';

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

describe('count and verbFor', () => {
  it('agree in number', () => {
    expect(count(1, 'component')).toBe('1 component');
    expect(count(10_000, 'component')).toBe('10,000 components');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
    expect(verbFor(['web'], 1, 'loses', 'lose')).toBe('loses');
    expect(verbFor(['web', 'api'], 2, 'loses', 'lose')).toBe('lose');
  });
});

describe('plural labels', () => {
  it.each([
    ['API servers', true],
    ['Mobile users', true],
    ['Web', false],
    ['Redis', false],
    ['DNS', false],
    ['Orders DB', false],
    ['Analytics', false],
    ['Postgres', false],
    ['Access', false],
  ])('%j looks plural: %s', (label, plural) => {
    expect(looksPlural(label)).toBe(plural);
  });

  it('gives a subject its verb', () => {
    expect(subject('Mobile users', 'reaches', 'reach')).toBe('Mobile users reach');
    expect(subject('Browser', 'reaches', 'reach')).toBe('Browser reaches');
    expect(verbFor(['API servers'], 1, 'depends', 'depend')).toBe('depend');
    expect(verbFor(['Web'], 1, 'depends', 'depend')).toBe('depends');
    expect(verbFor(['A', 'B'], 2, 'depends', 'depend')).toBe('depend');
  });

  it('names a group once', () => {
    expect(groupName('AWS region', 'region')).toBe('AWS region');
    expect(groupName('eu-west-1', 'region')).toBe('region eu-west-1');
    expect(groupName('us-east-1a', 'zone')).toBe('zone us-east-1a');
    expect(groupName('AZ b', 'zone')).toBe('AZ b');
  });
});
