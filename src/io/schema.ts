import { z } from 'zod';
import { NODE_KINDS } from '../model/catalogue.ts';
import { checkProperty, type PropertySpec } from '../model/properties.ts';
import { EDGE_SPECS, propsProblem, specsOf } from '../model/props.ts';
import { CURRENT_VERSION, FORMAT_TAG, type Diagram, type EdgeProps, type PropValue } from '../model/types.ts';
import { describeValue, quote } from './errors.ts';
import { MAX_COORDINATE } from './limits.ts';
import { crossCheck } from './structure.ts';

// The v1 document, validated: one zod schema for the shapes, each kind's property
// specs from the catalogue for `props`, and the cross-checks of structure.ts for what
// a shape cannot say (ids unique, edges and parents pointing at real nodes, nesting).
//
// Policy (docs/format.md has the full text):
// - Objects are closed: an unknown field on the document, a node, an edge, a
//   position or a size is an error, so an older app never silently drops a field a
//   newer one wrote (new fields come with a new version and a migration).
// - `props` bags are open: known keys are checked against their spec (type, range,
//   options); unknown keys are kept when their value is text, a finite number or a
//   boolean, and refused otherwise. Keys whose value is undefined (only possible
//   through importValue) are dropped.
// - `props` may be omitted on a node or an edge; it reads as `{}`.
// - Numbers must be finite; coordinates and sizes lie within ±MAX_COORDINATE, sizes
//   are not negative.
//
// Use it through io/import.ts, which also refuses prototype keys, migrates and
// normalises node order; on its own the schema only checks.

const finite = z.number();

const coordinate = finite.min(-MAX_COORDINATE).max(MAX_COORDINATE);
const extent = finite.min(0).max(MAX_COORDINATE);

const point = z.strictObject({ x: coordinate, y: coordinate });
const size = z.strictObject({ width: extent, height: extent });

const isPropValue = (value: unknown): value is PropValue =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** A single check rather than a union of three schemas: props are most of a big file. */
export const PROP_VALUE_PARAMS = { propValue: true } as const;
const propValue = z.custom<PropValue>(isPropValue, { params: PROP_VALUE_PARAMS });

function withoutUndefined(value: unknown): unknown {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!Object.values(value).includes(undefined)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

const propsBag = z.preprocess(withoutUndefined, z.record(z.string(), propValue));

/** Checks each known key of `props` against its spec; unknown keys pass. */
function checkProps(
  props: object,
  specs: ReadonlyMap<string, PropertySpec> | undefined,
  subject: string,
  ctx: z.RefinementCtx,
): void {
  for (const [key, value] of Object.entries(props)) {
    const spec = specs?.get(key);
    if (!spec) continue;
    const check = checkProperty(spec, value);
    if (!check.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['props', key],
        message: `${subject}: props.${key} is ${describeValue(value)}; ${check.message}`,
      });
    }
  }
}

const node = z
  .strictObject({
    id: z.string().min(1),
    kind: z.enum(NODE_KINDS),
    label: z.string(),
    position: point,
    size: size.optional(),
    parentId: z.string().optional(),
    notes: z.string().optional(),
    props: propsBag,
  })
  .superRefine((value, ctx) => {
    checkProps(value.props, specsOf(value.kind), `node ${quote(value.id)}`, ctx);
    checkMinHealthy(value.props, `node ${quote(value.id)}`, ctx);
  });

/** Properties fine on their own that contradict each other (more instances required than there are). */
function checkMinHealthy(props: Record<string, PropValue>, subject: string, ctx: z.RefinementCtx): void {
  const problem = propsProblem(props);
  if (problem) ctx.addIssue({ code: 'custom', path: ['props', 'minHealthy'], message: `${subject}: props.${problem}` });
}

// EdgeProps is a closed interface, but the bag is open like node props. The per-key
// checks against EDGE_PROPERTIES are what make the cast to EdgeProps true.
const edgeProps = propsBag.transform((props) => props as EdgeProps);

const edge = z
  .strictObject({
    id: z.string().min(1),
    source: z.string(),
    target: z.string(),
    label: z.string().optional(),
    props: edgeProps,
  })
  .superRefine((value, ctx) => checkProps(value.props, EDGE_SPECS, `edge ${quote(value.id)}`, ctx));

export const diagramSchema = z
  .strictObject({
    format: z.literal(FORMAT_TAG),
    version: z.literal(CURRENT_VERSION),
    title: z.string(),
    nodes: z.array(node),
    edges: z.array(edge),
  })
  .superRefine((doc, ctx) => {
    for (const problem of crossCheck(doc)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export type ParsedDiagram = z.output<typeof diagramSchema>;

// The schema and the model must describe the same documents: assignable both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<ParsedDiagram, Diagram> = true;
void schemaMatchesModel;
