import fc from 'fast-check';
import { COMPONENT_KINDS, EDGE_PROPERTIES, kindInfo } from '../../model/catalogue.ts';
import type { PropertySpec } from '../../model/properties.ts';
import { propsProblem } from '../../model/props.ts';
import {
  CURRENT_VERSION,
  FORMAT_TAG,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeProps,
  type Props,
  type PropValue,
} from '../../model/types.ts';
import { MAX_COORDINATE } from '../limits.ts';
import { FORBIDDEN_KEYS } from '../safe-keys.ts';

// fast-check arbitraries for valid v1 documents, used by the property and fuzz tests.
// Every document they produce must import: ids unique across nodes and edges, groups
// sized, nesting by the rules, props valid for their spec, numbers finite and in range.

type Gen = fc.GeneratorValue;

/** Ids, including ones that look like Object.prototype members: they are values, not keys. */
const idArb = fc.oneof(
  { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
);

const noNegativeZero = (value: number) => (value === 0 ? 0 : value);
const coordinateArb = fc.double({ min: -MAX_COORDINATE, max: MAX_COORDINATE, noNaN: true }).map(noNegativeZero);
const extentArb = fc.double({ min: 0, max: MAX_COORDINATE, noNaN: true }).map(noNegativeZero);
const textArb = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 8, unit: 'grapheme' }));

function valueFor(spec: PropertySpec): fc.Arbitrary<PropValue> {
  switch (spec.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: spec.min, max: spec.max ?? 1_000_000 });
    case 'number':
      return fc
        .double({ min: spec.min, max: spec.max ?? 1_000_000, noNaN: true })
        .map(noNegativeZero)
        .filter((value) => !(spec.minExclusive && value === spec.min) && !(spec.maxExclusive && value === spec.max));
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'text':
      return fc.string({ maxLength: 12 });
  }
}

const extraValueArb: fc.Arbitrary<PropValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero),
  fc.boolean(),
);

/** Some of the known props with valid values, plus a few unknown ones. */
function propsFor(g: Gen, specs: readonly PropertySpec[]): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  for (const spec of specs) {
    if (g(fc.boolean)) props[spec.key] = g(() => valueFor(spec));
  }
  // Valid documents never ask for more healthy instances than they have.
  if (propsProblem(props)) props.minHealthy = typeof props.replicas === 'number' ? props.replicas : 1;
  const known = new Set(specs.map((spec) => spec.key));
  const extras = g(() => fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), extraValueArb), { maxLength: 2 }));
  for (const [key, value] of extras) {
    if (!known.has(key) && !FORBIDDEN_KEYS.has(key)) props[key] = value;
  }
  return props;
}

function baseNode(g: Gen, id: string, kind: DiagramNode['kind']): DiagramNode {
  const node: DiagramNode = { id, kind, label: g(() => textArb), position: { x: g(() => coordinateArb), y: g(() => coordinateArb) }, props: {} };
  if (g(fc.boolean)) node.notes = g(() => textArb);
  return node;
}

const sizeOf = (g: Gen) => ({ width: g(() => extentArb), height: g(() => extentArb) });

export interface DiagramShape {
  maxRegions?: number;
  maxZones?: number;
  maxComponents?: number;
  maxEdges?: number;
}

export function diagramArb(shape: DiagramShape = {}): fc.Arbitrary<Diagram> {
  const { maxRegions = 3, maxZones = 4, maxComponents = 10, maxEdges = 12 } = shape;
  return fc.gen().map((g) => {
    const regionCount = g(fc.integer, { min: 0, max: maxRegions });
    const zoneCount = g(fc.integer, { min: 0, max: maxZones });
    const componentCount = g(fc.integer, { min: 0, max: maxComponents });
    const edgeCount = componentCount + regionCount + zoneCount > 0 ? g(fc.integer, { min: 0, max: maxEdges }) : 0;
    const total = regionCount + zoneCount + componentCount + edgeCount;
    const ids = g(() => fc.uniqueArray(idArb, { minLength: total, maxLength: total }));
    const take = () => ids.pop()!;

    const regions = Array.from({ length: regionCount }, () => ({ ...baseNode(g, take(), 'region'), size: sizeOf(g) }));
    const zones = Array.from({ length: zoneCount }, () => {
      const zone: DiagramNode = { ...baseNode(g, take(), 'zone'), size: sizeOf(g) };
      if (regions.length > 0 && g(fc.boolean)) zone.parentId = g(() => fc.constantFrom(...regions)).id;
      return zone;
    });
    const groups = [...regions, ...zones];
    const components = Array.from({ length: componentCount }, () => {
      const kind = g(() => fc.constantFrom(...COMPONENT_KINDS));
      const node = baseNode(g, take(), kind);
      node.props = propsFor(g, kindInfo(kind).properties) as Props;
      if (g(fc.boolean)) node.size = sizeOf(g);
      if (groups.length > 0 && g(fc.boolean)) node.parentId = g(() => fc.constantFrom(...groups)).id;
      return node;
    });
    const nodes = g(() => fc.shuffledSubarray([...regions, ...zones, ...components], { minLength: total - edgeCount, maxLength: total - edgeCount }));
    const nodeIds = nodes.map((node) => node.id);
    const edges = Array.from({ length: edgeCount }, (): DiagramEdge => {
      const edge: DiagramEdge = {
        id: take(),
        source: g(() => fc.constantFrom(...nodeIds)),
        target: g(() => fc.constantFrom(...nodeIds)),
        props: propsFor(g, EDGE_PROPERTIES) as EdgeProps,
      };
      if (g(fc.boolean)) edge.label = g(() => textArb);
      return edge;
    });
    return { format: FORMAT_TAG, version: CURRENT_VERSION, title: g(() => textArb), nodes, edges };
  });
}
