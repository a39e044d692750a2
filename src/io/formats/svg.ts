import type { WriteOnlyFormat } from './format.ts';

/** A picture of the diagram; written only, since an SVG keeps no document. */
export const svgImage: WriteOnlyFormat = {
  id: 'svg',
  name: 'SVG image',
  extensions: ['.svg'],
  mime: 'image/svg+xml',
  // The renderer loads on demand; most sessions never export a picture.
  serialize: async (doc) => (await import('../export-svg.ts')).exportSvg(doc),
};
