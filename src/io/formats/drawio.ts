import type { OpenableFormat } from './format.ts';
import { looksLikeDrawio } from './drawio/sniff.ts';

/** draw.io (diagrams.net) files: plain or compressed pages, also the SVG exports that
 *  carry their diagram. Import and export load on first use (fast-xml-parser, fflate). */
export const drawio = {
  id: 'drawio',
  name: 'draw.io diagram',
  extensions: ['.drawio', '.drawio.svg', '.xml'],
  readOnlyExtensions: ['.drawio.svg'],
  mime: 'application/vnd.jgraph.mxfile',
  sniff: looksLikeDrawio,
  parse: async (text) => (await import('./drawio/import.ts')).importDrawio(text),
  serialize: async (doc) => (await import('./drawio/export.ts')).exportDrawio(doc),
} satisfies OpenableFormat;
