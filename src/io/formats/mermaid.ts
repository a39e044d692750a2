import type { OpenableFormat } from './format.ts';
import { looksLikeMermaid } from './mermaid/sniff.ts';

/** Mermaid diagrams: flowcharts (`flowchart`, `graph`) and `architecture-beta` in,
 *  a flowchart out. Import and export load on first use; architecture-beta brings
 *  Mermaid's own parser (Langium) only when such a diagram is opened. */
export const mermaid = {
  id: 'mermaid',
  name: 'Mermaid diagram',
  extensions: ['.mmd', '.mermaid'],
  mime: 'text/vnd.mermaid',
  sniff: looksLikeMermaid,
  parse: async (text) => (await import('./mermaid/import.ts')).importMermaid(text),
  serialize: async (doc) => (await import('./mermaid/export.ts')).exportMermaid(doc),
} satisfies OpenableFormat;
