import type { Architecture } from '@mermaid-js/parser';
import type { MermaidEdge, MermaidGraph, MermaidJunction, MermaidParse, Place } from './graph.ts';
import { labelText } from './text.ts';

// architecture-beta through Mermaid's own parser (@mermaid-js/parser, Langium), loaded
// on first use. Groups become containers, services nodes (their icon is their shape),
// and junctions are joined away: every edge into a junction is connected to every
// edge out of it, so `a -- j`, `j -- b` reads as a to b. Sides (L, R, T, B) only place
// the drawing, so they are read past.

interface AstNode {
  $cstNode?: { range: { start: { line: number; character: number } } };
}

const placeOf = (node: AstNode): Place => {
  const start = node.$cstNode?.range.start;
  return start ? { line: start.line + 1, column: start.character + 1 } : { line: 1, column: 1 };
};

interface ParseFailure {
  message: string;
  result?: { lexerErrors?: { line?: number; column?: number; message: string }[]; parserErrors?: { message: string; token: { startLine?: number; startColumn?: number } }[] };
}

/** The first error Mermaid's parser reports, with its place (the end of the text when
 *  the parser gives none, as for an unexpected end). */
function firstError(error: ParseFailure, text: string): { message: string; at: Place } {
  const lines = text.split('\n');
  const end = { line: lines.length, column: lines.at(-1)!.length + 1 };
  const lexed = error.result?.lexerErrors?.[0];
  if (lexed) return { message: lexed.message.replace(/ at offset: \d+, skipped \d+ characters\.$/, ''), at: lexed.line && lexed.line > 0 ? { line: lexed.line, column: lexed.column ?? 1 } : end };
  const parsed = error.result?.parserErrors?.[0];
  if (parsed) {
    const line = parsed.token.startLine ?? -1;
    return { message: parsed.message.replace(/\s+/g, ' ').trim(), at: line > 0 ? { line, column: parsed.token.startColumn ?? 1 } : end };
  }
  return { message: error.message.replace(/\s+/g, ' ').trim(), at: { line: 1, column: 1 } };
}

export async function parseArchitecture(text: string): Promise<MermaidParse> {
  const { parse } = await import('@mermaid-js/parser');
  let ast: Architecture;
  try {
    ast = await parse('architecture', text);
  } catch (error) {
    // MermaidParseError for bad syntax; anything else the parser throws on odd input
    // is still the input's failure to parse, said with the parser's words.
    return { ok: false, error: firstError(error instanceof Error ? (error as Error & ParseFailure) : { message: String(error) }, text) };
  }
  const junctionIds = new Set(ast.junctions.map((junction) => junction.id));
  const written: MermaidEdge[] = ast.edges.map((edge) => ({
    source: edge.lhsId,
    target: edge.rhsId,
    label: labelText(edge.title ?? ''),
    stroke: 'solid',
    heads: { start: edge.lhsInto, end: edge.rhsInto },
    at: placeOf(edge),
  }));
  const { edges, junctions } = joinJunctions(written, ast.junctions.map((junction) => ({ id: junction.id, parent: junction.in || undefined, joined: 0, at: placeOf(junction) })), junctionIds);
  return {
    ok: true,
    graph: {
      diagram: 'architecture',
      direction: 'LR',
      title: ast.title === undefined ? undefined : labelText(ast.title),
      nodes: ast.services.map((service) => ({
        id: service.id,
        label: labelText(service.title ?? service.iconText ?? service.id),
        shape: null,
        shapeName: service.icon,
        parent: service.in || undefined,
        at: placeOf(service),
      })),
      containers: ast.groups.map((group) => ({ id: group.id, label: labelText(group.title ?? group.id), parent: group.in || undefined, icon: group.icon, at: placeOf(group) })),
      edges,
      junctions,
      records: [],
    } satisfies MermaidGraph,
  };
}

/** Edges with junctions joined away: for each set of junctions linked to each other,
 *  the ends pointing in connect to the ends pointing out; where no arrowhead says, the
 *  first end written connects to the others. */
export function joinJunctions(edges: readonly MermaidEdge[], junctions: MermaidJunction[], ids: ReadonlySet<string>): { edges: MermaidEdge[]; junctions: MermaidJunction[] } {
  const direct = edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target));
  // Junction sets: union-find over junction-to-junction edges.
  const root = new Map<string, string>([...ids].map((id) => [id, id]));
  const find = (id: string): string => {
    let at = id;
    while (root.get(at) !== at) at = root.get(at)!;
    root.set(id, at);
    return at;
  };
  for (const edge of edges) if (ids.has(edge.source) && ids.has(edge.target)) root.set(find(edge.source), find(edge.target));
  interface End {
    id: string;
    /** Into the junction, out of it, or unsaid. */
    way: 'in' | 'out' | 'either';
    edge: MermaidEdge;
  }
  const ends = new Map<string, End[]>();
  for (const edge of edges) {
    const [junction, other, towards] = ids.has(edge.target) && !ids.has(edge.source) ? [edge.target, edge.source, edge.heads.end] : ids.has(edge.source) && !ids.has(edge.target) ? [edge.source, edge.target, edge.heads.start] : [null, null, false];
    if (junction === null) continue;
    const away = junction === edge.target ? edge.heads.start : edge.heads.end;
    const way = towards && !away ? 'in' : away && !towards ? 'out' : 'either';
    const key = find(junction);
    const list = ends.get(key);
    if (list) list.push({ id: other!, way, edge });
    else ends.set(key, [{ id: other!, way, edge }]);
  }
  const joined = [...direct];
  const count = new Map<string, number>();
  for (const [key, list] of ends) {
    const ins = list.filter((end) => end.way === 'in');
    const outs = list.filter((end) => end.way === 'out');
    const either = list.filter((end) => end.way === 'either');
    const sources = ins.length > 0 ? ins : outs.length > 0 ? either : either.slice(0, 1);
    const targets = outs.length > 0 ? outs : ins.length > 0 ? either : either.slice(1);
    // Where some ends have arrowheads, the unmarked ones are the other side; only a
    // junction with none at all leaves the way to the order written.
    const guessed = ins.length === 0 && outs.length === 0;
    for (const source of sources) {
      for (const target of targets) {
        if (source.id === target.id) continue;
        const label = [source.edge.label, target.edge.label].filter((part) => part !== '').join(' ');
        joined.push({ source: source.id, target: target.id, label, stroke: 'solid', heads: { start: false, end: !guessed }, via: key, at: source.edge.at });
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
  }
  return { edges: joined, junctions: junctions.map((junction) => ({ ...junction, joined: count.get(find(junction.id)) ?? 0 })) };
}
