import type { Place } from './graph.ts';

// Kept apart from the parsers so the format's entry in the registry stays small.

/** The first word of a Mermaid diagram (`flowchart`, `graph`, `architecture-beta`,
 *  `sequenceDiagram`, ...) and where it stands, past a byte-order mark, blank lines,
 *  `%%` comments and directives and a `---` front matter; null when there is none. */
export function diagramHeader(text: string): { type: string; at: Place } | null {
  const lines = text.slice(0, 8192).replace(/^\uFEFF/, '').split('\n');
  let inFrontMatter = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    const trimmed = line.trim();
    if (index === 0 && trimmed === '---') {
      inFrontMatter = true;
      continue;
    }
    if (inFrontMatter) {
      if (trimmed === '---') inFrontMatter = false;
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    const word = /^[A-Za-z][\w-]*/.exec(trimmed)?.[0];
    return word ? { type: word, at: { line: index + 1, column: line.length - line.trimStart().length + 1 } } : null;
  }
  return null;
}

const READ = new Set(['flowchart', 'graph', 'flowchart-elk', 'architecture-beta']);

/** Whether `text` is a Mermaid diagram Faultline reads. Looks at the start only. */
export function looksLikeMermaid(text: string): boolean {
  const header = diagramHeader(text);
  return header !== null && READ.has(header.type);
}
