import { describe, expect, it } from 'vitest';
import {
  CAP_FAMILIES,
  CATALOGUE,
  CATEGORIES,
  COMPONENT_KINDS,
  defaultProps,
  drawnSize,
  hasTrait,
  kindInfo,
  kindsWith,
  NODE_KINDS,
  searchCatalogue,
  TRAITS,
  type Trait,
} from './catalogue.ts';
import { checkProperty } from './properties.ts';
import { GROUP_KINDS } from './types.ts';

describe('catalogue', () => {
  it('has exactly one entry per kind', () => {
    expect(CATALOGUE.map((info) => info.kind).sort()).toEqual([...NODE_KINDS].sort());
  });

  it.each(CATALOGUE.map((info) => [info.kind, info] as const))('%s has a name, description, icon, category and valid defaults', (_kind, info) => {
    expect(info.name.length).toBeGreaterThan(1);
    expect(info.description.length).toBeGreaterThan(10);
    expect(info.icon).toBeTruthy();
    expect(CATEGORIES).toContain(info.category);
    const keys = info.properties.map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const spec of info.properties) {
      expect(spec.help.length).toBeGreaterThan(5);
      expect(checkProperty(spec, spec.default)).toMatchObject({ ok: true });
    }
  });

  it('gives every component a replicas property defaulting to 1, and groups none', () => {
    for (const kind of COMPONENT_KINDS) expect(defaultProps(kind).replicas).toBe(1);
    expect(defaultProps('region')).toEqual({});
    expect(defaultProps('zone')).toEqual({});
  });

  it('fills the brief’s defaults', () => {
    expect(defaultProps('load-balancer')).toMatchObject({ layer: 'L7', strategy: 'round-robin', healthChecks: true, stickySessions: false });
    expect(defaultProps('cache')).toMatchObject({ strategy: 'cache-aside', eviction: 'lru', persistence: false });
    expect(defaultProps('queue')).toMatchObject({ delivery: 'at-least-once', deadLetterQueue: false });
    expect(defaultProps('worker')).toMatchObject({ idempotent: false });
    expect(defaultProps('service')).toMatchObject({ stateful: false });
  });

  it.each([
    ['redis', 'Cache'],
    ['kafka', 'Stream'],
    ['postgres', 'SQL database'],
    ['s3', 'Object storage'],
    ['RabbitMQ', 'Message queue'],
    ['load', 'Load balancer'],
  ])('search for "%s" finds %s', (query, name) => {
    expect(searchCatalogue(query).map((info) => info.name)).toContain(name);
  });

  it('returns everything for an empty search and nothing for nonsense', () => {
    expect(searchCatalogue('  ')).toHaveLength(CATALOGUE.length);
    expect(searchCatalogue('xyzzy')).toEqual([]);
  });

  it('throws for a kind it does not know', () => {
    expect(() => kindInfo('mainframe' as never)).toThrow(/mainframe/);
  });
});

describe('drawnSize', () => {
  it('draws every component alike and each group at its own size', () => {
    expect(drawnSize({ kind: 'cache', size: { width: 10, height: 10 } })).toEqual({ width: 180, height: 64 });
    expect(drawnSize({ kind: 'zone', size: { width: 500, height: 300 } })).toEqual({ width: 500, height: 300 });
    expect(drawnSize({ kind: 'region' })).toEqual({ width: 720, height: 440 });
  });
});

describe('traits', () => {
  it.each([
    ['entry', ['client']],
    ['stateless', ['dns', 'cdn', 'load-balancer', 'api-gateway', 'service', 'websocket-server', 'worker']],
    ['distributor', ['dns', 'load-balancer', 'api-gateway']],
    ['managedByDefault', ['dns', 'cdn', 'object-storage']],
    ['database', ['sql-database', 'nosql-database']],
    ['broker', ['queue', 'stream']],
    ['throttles', ['api-gateway']],
  ] as const)('%s is exactly the brief’s kinds', (trait, kinds) => {
    expect(kindsWith(trait)).toEqual(kinds);
  });

  it('gives every trait at least one kind, and no group a trait', () => {
    for (const trait of Object.keys(TRAITS) as Trait[]) expect(kindsWith(trait).length, trait).toBeGreaterThan(0);
    for (const kind of GROUP_KINDS) expect(kindInfo(kind).traits).toEqual([]);
  });

  it('classifies CAP for the stores the brief names, and nothing else', () => {
    const families = Object.fromEntries(CATALOGUE.filter((info) => info.cap).map((info) => [info.kind, info.cap]));
    expect(families).toEqual({ 'sql-database': 'relational', 'nosql-database': 'nosql', cache: 'cache', coordination: 'consensus' });
    for (const family of Object.values(families)) expect(CAP_FAMILIES).toHaveProperty(family!);
  });

  it('derives the kind lists from the catalogue, groups last', () => {
    expect(NODE_KINDS).toEqual(CATALOGUE.map((info) => info.kind));
    expect(COMPONENT_KINDS).toEqual(NODE_KINDS.filter((kind) => !(GROUP_KINDS as readonly string[]).includes(kind)));
    expect(hasTrait('client', 'entry')).toBe(true);
    expect(hasTrait('service', 'entry')).toBe(false);
  });
});
