import { describe, expect, it } from 'vitest';
import { REPLICAS } from './catalogue.ts';
import { checkProperty, parsePropertyInput, type PropertySpec } from './properties.ts';

const strategy: PropertySpec = { key: 'strategy', label: 'Strategy', type: 'enum', options: ['a', 'b'], help: 'h' };
const flag: PropertySpec = { key: 'flag', label: 'Flag', type: 'boolean', default: false, help: 'h' };
const engine: PropertySpec = { key: 'engine', label: 'Engine', type: 'text', help: 'h' };

describe('parsePropertyInput', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
  ])('accepts replicas %j', (raw, value) => {
    expect(parsePropertyInput(REPLICAS, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['0', 'at least 1'],
    ['-2', 'at least 1'],
    ['1.5', 'whole number'],
    ['two', 'whole number'],
    ['', 'required'],
    ['1e3', 'whole number'],
    ['99999', 'at most 10000'],
  ])('rejects replicas %j', (raw, message) => {
    const result = parsePropertyInput(REPLICAS, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('treats an empty optional field as unset', () => {
    expect(parsePropertyInput(engine, '')).toEqual({ ok: true, value: undefined });
    expect(parsePropertyInput(strategy, '')).toEqual({ ok: true, value: undefined });
  });

  it('checks enums, booleans and text', () => {
    expect(parsePropertyInput(strategy, 'b')).toEqual({ ok: true, value: 'b' });
    expect(parsePropertyInput(strategy, 'c').ok).toBe(false);
    expect(parsePropertyInput(flag, true)).toEqual({ ok: true, value: true });
    expect(checkProperty(flag, 'yes').ok).toBe(false);
    expect(checkProperty(engine, 5).ok).toBe(false);
    expect(checkProperty(REPLICAS, Number.NaN).ok).toBe(false);
    expect(checkProperty(REPLICAS, Infinity).ok).toBe(false);
  });
});
