import { CATALOGUE, EDGE_PROPERTIES, hasTrait, kindInfo, type Figure } from './catalogue.ts';
import type { PropertySpec } from './properties.ts';
import { replicasOf, type DiagramEdge, type DiagramNode, type NodeKind, type PropValue } from './types.ts';

// The one place a property's default is applied. A node's props hold only what the
// diagram sets (a file may leave out anything that has a default), so every reader
// asks here instead of restating the catalogue's defaults.

const byKey = (specs: readonly PropertySpec[]) => new Map(specs.map((spec) => [spec.key, spec]));
const SPECS: ReadonlyMap<string, ReadonlyMap<string, PropertySpec>> = new Map(CATALOGUE.map((info) => [info.kind, byKey(info.properties)]));

/** Every edge property's spec, by key. */
export const EDGE_SPECS: ReadonlyMap<string, PropertySpec> = byKey(EDGE_PROPERTIES);

/** A kind's property specs by key; undefined for a kind the catalogue does not have. */
export function specsOf(kind: string): ReadonlyMap<string, PropertySpec> | undefined {
  return SPECS.get(kind);
}

/** The spec of a kind's property, or undefined when the kind has no such property. */
export function specOf(kind: NodeKind, key: string): PropertySpec | undefined {
  return SPECS.get(kind)?.get(key);
}

const JS_TYPE: Record<PropertySpec['type'], string> = { boolean: 'boolean', integer: 'number', number: 'number', enum: 'string', text: 'string' };

function valueOr(spec: PropertySpec | undefined, value: PropValue | undefined): PropValue | undefined {
  if (!spec) return value;
  // A value of the wrong type cannot come through import; one built in code falls back too.
  return value !== undefined && typeof value === JS_TYPE[spec.type] ? value : spec.default;
}

/** The value in use: the one set on the node, else the catalogue's default for its kind. */
export function propOf(node: Pick<DiagramNode, 'kind' | 'props'>, key: string): PropValue | undefined {
  return valueOr(specOf(node.kind, key), node.props[key]);
}

/** A boolean property in use; a property with no default counts as off. */
export function flagOf(node: Pick<DiagramNode, 'kind' | 'props'>, key: string): boolean {
  return propOf(node, key) === true;
}

/** A text or choice property in use, or undefined when neither set nor defaulted. */
export function textOf(node: Pick<DiagramNode, 'kind' | 'props'>, key: string): string | undefined {
  const value = propOf(node, key);
  return typeof value === 'string' ? value : undefined;
}

/** A number property in use, or undefined when neither set nor defaulted. */
export function numberOf(node: Pick<DiagramNode, 'kind' | 'props'>, key: string): number | undefined {
  const value = propOf(node, key);
  return typeof value === 'number' ? value : undefined;
}

/** An edge's property in use, its default applied. */
export function edgePropOf(edge: Pick<DiagramEdge, 'props'>, key: string): PropValue | undefined {
  return valueOr(EDGE_SPECS.get(key), (edge.props as Record<string, PropValue | undefined>)[key]);
}

/** An edge's number property in use, its default applied; undefined with neither. */
export function edgeNumberOf(edge: Pick<DiagramEdge, 'props'>, key: string): number | undefined {
  const value = edgePropOf(edge, key);
  return typeof value === 'number' ? value : undefined;
}

/** An edge's boolean property in use; one with no default counts as off. */
export function edgeFlagOf(edge: Pick<DiagramEdge, 'props'>, key: string): boolean {
  return edgePropOf(edge, key) === true;
}

// The dependency model's properties (format version 2), each with its typed accessor;
// minHealthy's fallback for a quorum depends on the replicas, so it is worked out here.

export type Needs = 'all' | 'any';

/** Which of its flow targets a component needs; undefined: pool interchangeable targets. */
export function needsOf(node: Pick<DiagramNode, 'kind' | 'props'>): Needs | undefined {
  const value = propOf(node, 'needs');
  return value === 'all' || value === 'any' ? value : undefined;
}

/** Instances that must be up for the component to work: 1, or a majority for a quorum. */
export function minHealthyOf(node: Pick<DiagramNode, 'kind' | 'props'>): number {
  const value = propOf(node, 'minHealthy');
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  return hasTrait(node.kind, 'quorum') ? Math.floor(replicasOf(node) / 2) + 1 : 1;
}

/** Whether a provider runs the component's redundancy, so it fails only as a whole service. */
export function isManaged(node: Pick<DiagramNode, 'kind' | 'props'>): boolean {
  return flagOf(node, 'managed');
}

/** An optional edge: the caller degrades gracefully without its target. */
export function isOptionalEdge(edge: Pick<DiagramEdge, 'props'>): boolean {
  return edgeFlagOf(edge, 'optional');
}

/** A problem between two properties that each are fine on their own, or undefined. One
 *  check serves file validation and the form. */
export function propsProblem(props: Readonly<Record<string, PropValue | undefined>>): string | undefined {
  const { minHealthy } = props;
  const replicas = replicasOf({ props: props as DiagramNode['props'] });
  if (typeof minHealthy !== 'number' || minHealthy <= replicas) return undefined;
  return `minHealthy is ${minHealthy}, more than its ${replicas} replicas; it could never be up`;
}

/** The default availability a node would have with nothing set: its kind's figure for
 *  one instance, or for the whole service when it is managed; a group's for the group. */
export function defaultAvailability(node: Pick<DiagramNode, 'kind' | 'props'>): Figure | undefined {
  const { figures } = kindInfo(node.kind);
  return (isManaged(node) ? figures.serviceAvailability : undefined) ?? figures.availability;
}

/** The figure a property takes when the node leaves it unset, with its source; undefined
 *  when the property has no such figure (its spec's default, if any, applies). */
export function figureInUse(node: Pick<DiagramNode, 'kind' | 'props'>, key: string): Figure | undefined {
  if (key === 'availability') return defaultAvailability(node);
  return (LOAD_FIGURES as readonly string[]).includes(key) ? kindInfo(node.kind).figures[key as LoadFigure] : undefined;
}

/** The per-instance figures the load review reads. */
export const LOAD_FIGURES = ['capacityRps', 'latencyMs', 'costPerMonth', 'hitRate'] as const;
export type LoadFigure = (typeof LOAD_FIGURES)[number];

/** A load figure in use: the one set on the node, else its kind's; 0 for a kind with none. */
export function loadFigureOf(node: Pick<DiagramNode, 'kind' | 'props'>, key: LoadFigure): number {
  const value = node.props[key];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  return kindInfo(node.kind).figures[key]?.value ?? 0;
}

/** The availability in use: the one set on the node, else its kind's default; 1 for a
 *  kind that has no figure (an entry never fails). */
export function availabilityOf(node: Pick<DiagramNode, 'kind' | 'props'>): number {
  const value = node.props.availability;
  if (typeof value === 'number' && value > 0 && value <= 1) return value;
  return defaultAvailability(node)?.value ?? 1;
}

/** The p99 response time an entry must get, or undefined when it has no budget. */
export function latencyBudgetOf(node: Pick<DiagramNode, 'kind' | 'props'>): number | undefined {
  return numberOf(node, 'latencyBudgetMs');
}

/** The availability an entry must get, or undefined when it has no target. */
export function availabilityTargetOf(node: Pick<DiagramNode, 'kind' | 'props'>): number | undefined {
  return numberOf(node, 'availabilityTarget');
}
