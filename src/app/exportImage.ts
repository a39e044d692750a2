import { exportSvg, type SvgOptions } from '../io/export-svg.ts';
import type { Diagram } from '../model/types.ts';

export { exportSvg };

/** Renders the diagram's SVG onto a canvas at `scale` times its size and returns a PNG. */
export async function exportPng(doc: Diagram, { scale = 2, ...options }: SvgOptions & { scale?: number } = {}): Promise<Blob> {
  const svg = exportSvg(doc, options);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
