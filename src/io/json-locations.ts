// The line each node and edge of a Faultline JSON text is on, for tools that point at
// the file (SARIF for code scanning shows an alert on a line). JSON.parse keeps no
// positions, so this scans the text once more: it follows the nesting and records the
// `id` string of every `nodes[i]` and `edges[i]` object at the top level. It expects a
// text JSON.parse accepted; on anything else it returns what it found so far.

export interface IdLines {
  /** 1-based line of `"id": "..."` by node id; the first when an id repeats. */
  nodes: Map<string, number>;
  edges: Map<string, number>;
}

type Frame = { kind: 'object'; key: string | undefined; expectKey: boolean } | { kind: 'array' };

export function idLines(text: string): IdLines {
  const found: IdLines = { nodes: new Map(), edges: new Map() };
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++;
    } else if (char === '{') {
      stack.push({ kind: 'object', key: undefined, expectKey: true });
    } else if (char === '[') {
      stack.push({ kind: 'array' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return found;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectKey = false;
      } else if (stack.length === 3 && top?.kind === 'object' && top.key === 'id') {
        const collection = stack[0]!.kind === 'object' ? stack[0]!.key : undefined;
        const lines = collection === 'nodes' ? found.nodes : collection === 'edges' ? found.edges : undefined;
        const id = JSON.parse(text.slice(i, end + 1)) as string;
        if (lines && stack[1]!.kind === 'array' && !lines.has(id)) lines.set(id, line);
      }
      i = end;
    }
  }
  return found;
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
