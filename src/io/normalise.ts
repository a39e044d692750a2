import type { Diagram, DiagramEdge, DiagramNode, EdgeProps, Point, Props, Size } from '../model/types.ts';
import { parentsFirst } from './order.ts';
import type { ParsedDiagram } from './schema.ts';

// Builds the imported document afresh from validated data: no object is shared with
// the input, optional fields that are undefined are left out, -0 becomes 0 (JSON
// cannot tell them apart), and nodes are put parents first.

const zeroed = (value: number) => (value === 0 ? 0 : value);

function bag<T extends Props | EdgeProps>(props: T): T {
  const entries = Object.entries(props).map(([key, value]) => [key, typeof value === 'number' ? zeroed(value) : value]);
  return Object.fromEntries(entries) as T;
}

const point = (p: Point): Point => ({ x: zeroed(p.x), y: zeroed(p.y) });
const size = (s: Size): Size => ({ width: zeroed(s.width), height: zeroed(s.height) });

function node(parsed: ParsedDiagram['nodes'][number]): DiagramNode {
  return {
    id: parsed.id,
    kind: parsed.kind,
    label: parsed.label,
    position: point(parsed.position),
    ...(parsed.size ? { size: size(parsed.size) } : {}),
    ...(parsed.parentId !== undefined ? { parentId: parsed.parentId } : {}),
    ...(parsed.notes !== undefined ? { notes: parsed.notes } : {}),
    props: bag(parsed.props),
  };
}

function edge(parsed: ParsedDiagram['edges'][number]): DiagramEdge {
  return {
    id: parsed.id,
    source: parsed.source,
    target: parsed.target,
    ...(parsed.label !== undefined ? { label: parsed.label } : {}),
    props: bag(parsed.props),
  };
}

export function normaliseDiagram(parsed: ParsedDiagram): Diagram {
  return {
    format: parsed.format,
    version: parsed.version,
    title: parsed.title,
    nodes: parentsFirst(parsed.nodes.map(node)),
    edges: parsed.edges.map(edge),
  };
}
