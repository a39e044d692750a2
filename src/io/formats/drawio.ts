import type { OpenableFormat } from './format.ts';
import { isPng, looksLikeDrawio } from './drawio/sniff.ts';

/** draw.io (diagrams.net) files: plain or compressed pages, also the SVG and PNG
 *  exports that carry their diagram. Import and export load on first use
 *  (fast-xml-parser, fflate). */
export const drawio = {
  id: 'drawio',
  name: 'draw.io diagram',
  extensions: ['.drawio', '.drawio.svg', '.drawio.png', '.xml', '.png'],
  readOnlyExtensions: ['.drawio.svg', '.drawio.png', '.png'],
  mime: 'application/vnd.jgraph.mxfile',
  sniff: looksLikeDrawio,
  parse: async (text, options) => (await import('./drawio/import.ts')).importDrawio(text, options),
  embedded: {
    sniff: isPng,
    extract: async (bytes) => (await import('./drawio/png.ts')).drawioTextFromPng(bytes),
  },
  serialize: async (doc) => (await import('./drawio/export.ts')).exportDrawio(doc),
} satisfies OpenableFormat;
