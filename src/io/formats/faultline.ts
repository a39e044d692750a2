import { exportJson } from '../export.ts';
import type { OpenableFormat } from './format.ts';

/** The app's own format (docs/format.md). Its parse is the import pipeline itself. */
export const faultlineJson = {
  id: 'faultline',
  name: 'Faultline JSON',
  extensions: ['.faultline.json', '.json'],
  mime: 'application/json',
  // Any JSON object: one that is not a Faultline document still goes to the pipeline,
  // which says what is wrong with it ("Not a Faultline file: ...") rather than
  // leaving a pasted JSON object unexplained. trimStart also drops a byte-order mark.
  sniff: (text) => text.trimStart().startsWith('{'),
  // The pipeline (zod schema, migrations) loads on first use, not with the page.
  parse: async (text) => (await import('../import.ts')).importDocument(text),
  serialize: async (doc) => exportJson(doc),
} satisfies OpenableFormat;
