import type { WriteOnlyFormat } from './format.ts';

/** The design review as Markdown: written only, since it is a reading of the document. */
export const markdownReview: WriteOnlyFormat = {
  id: 'review',
  name: 'Markdown review',
  extensions: ['.review.md', '.md'],
  mime: 'text/markdown',
  // The rules and the figures load on demand: the page's first load has neither.
  serialize: async (doc) => (await import('./review/markdown.ts')).reviewMarkdown(doc),
};
