import { describe, expect, it } from 'vitest';
import { CATALOGUE, EDGE_PROPERTIES } from './catalogue.ts';
import { edgeFlagOf, edgePropOf, flagOf, numberOf, propOf, specOf, textOf } from './props.ts';
import type { DiagramNode, NodeKind, Props } from './types.ts';

const node = (kind: NodeKind, props: Props = {}): Pick<DiagramNode, 'kind' | 'props'> => ({ kind, props });

describe('propOf', () => {
  it.each([
    ['load-balancer', 'strategy', 'round-robin'],
    ['load-balancer', 'layer', 'L7'],
    ['load-balancer', 'healthChecks', true],
    ['cache', 'strategy', 'cache-aside'],
    ['queue', 'delivery', 'at-least-once'],
    ['stream', 'delivery', 'at-least-once'],
    ['api-gateway', 'rateLimiting', true],
    ['service', 'replicas', 1],
  ] as const)('gives %s.%s its catalogue default %j when unset', (kind, key, expected) => {
    expect(propOf(node(kind), key)).toBe(expected);
  });

  it('gives every property with a default that default, for every kind', () => {
    for (const info of CATALOGUE) {
      for (const spec of info.properties) expect(propOf(node(info.kind), spec.key), `${info.kind}.${spec.key}`).toBe(spec.default);
    }
  });

  it('prefers the value the diagram sets', () => {
    expect(propOf(node('load-balancer', { strategy: 'least-connections' }), 'strategy')).toBe('least-connections');
    expect(flagOf(node('load-balancer', { healthChecks: false }), 'healthChecks')).toBe(false);
    expect(numberOf(node('cache', { ttlSeconds: 60 }), 'ttlSeconds')).toBe(60);
  });

  it('falls back to the default for a value of the wrong type', () => {
    expect(propOf(node('load-balancer', { healthChecks: 'no' }), 'healthChecks')).toBe(true);
    expect(textOf(node('cache', { strategy: 3 }), 'strategy')).toBe('cache-aside');
  });

  it('leaves properties without a default unset, and passes through keys the kind does not know', () => {
    expect(textOf(node('sql-database'), 'replication')).toBeUndefined();
    expect(numberOf(node('cache'), 'ttlSeconds')).toBeUndefined();
    expect(flagOf(node('service'), 'nonsense')).toBe(false);
    expect(propOf(node('service', { custom: 'x' }), 'custom')).toBe('x');
    expect(specOf('service', 'custom')).toBeUndefined();
  });
});

describe('edgePropOf', () => {
  it('applies the edge properties’ defaults', () => {
    for (const spec of EDGE_PROPERTIES) expect(edgePropOf({ props: {} }, spec.key), spec.key).toBe(spec.default);
    expect(edgeFlagOf({ props: {} }, 'backoff')).toBe(false);
    expect(edgeFlagOf({ props: { circuitBreaker: true } }, 'circuitBreaker')).toBe(true);
    expect(edgePropOf({ props: { kind: 'async' } }, 'kind')).toBe('async');
  });
});
