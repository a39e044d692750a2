import { describe, expect, it } from 'vitest';
import { formatPercentApart, describeAvailability, describeGain, downtimeOf, formatDuration, formatNines, formatPercent, ninesOf } from './nines.ts';

describe('nines', () => {
  it('counts the nines of an availability', () => {
    expect(ninesOf(0.999)).toBeCloseTo(3, 9);
    expect(ninesOf(0.9995)).toBeCloseTo(3.30103, 4);
    expect(ninesOf(1)).toBe(Infinity);
    expect(ninesOf(0)).toBe(0);
    expect(formatNines(0.999)).toBe('3 nines');
    expect(formatNines(0.9995)).toBe('3.3 nines');
    expect(formatNines(0.9)).toBe('1 nine');
    expect(formatNines(0.98999988)).toBe('2 nines');
    expect(formatNines(1)).toBe('never down');
  });

  it('shows a percentage with the digits that matter, never rounded up to 100%', () => {
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(0.99995)).toBe('99.995%');
    expect(formatPercent(0.9999996)).toBe('99.99996%');
    expect(formatPercent(0.99999999)).toBe('99.999999%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.97531)).toBe('97.5%');
    expect(formatPercent(0.98999988)).toBe('99%');
    expect(formatPercent(0.99960001)).toBe('99.96%');
    expect(formatPercent(1 - 1e-12)).toBe('99.9999999999%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercentApart(0.98999988, 0.99)).toBe('98.99999%');
    expect(formatPercentApart(0.95, 0.99)).toBe('95%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('turns unavailability into downtime a year and a month', () => {
    // 0.1% of 365.25 days is 525.96 minutes: 8 h 46 min; a twelfth of that is 43.8 minutes.
    expect(downtimeOf(0.999)).toEqual({ year: '8 h 46 min', month: '44 min' });
    expect(downtimeOf(0.99999)).toEqual({ year: '5 min', month: '26 s' });
    expect(formatDuration(60 * 24 * 3 + 60 * 15)).toBe('3 d 15 h');
    expect(formatDuration(59.7)).toBe('1 h');
    expect(describeAvailability(0.9995)).toBe('99.95% (3.3 nines, 4 h 23 min down a year)');
  });

  it('says what a gain is worth in nines and downtime', () => {
    expect(describeGain(0.99, 0.009)).toBe('+1.0 nines, 3 d 7 h less downtime a year');
    expect(describeGain(0.99, 0.01)).toBe('never down, 3 d 16 h less downtime a year');
  });
});
