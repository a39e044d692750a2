import { Inflate } from 'fflate';
import { binaryString as latin1, concatBytes } from '../../bytes.ts';
import { MAX_FILE_BYTES } from '../../limits.ts';
import { decodeXmlText } from './xml.ts';

// draw.io keeps its XML in several wrappings. These functions unwrap them:
//   a compressed page: base64, then raw deflate, then URI encoding (draw.io's own
//     `Graph.compress`);
//   an SVG export: the whole <mxfile> in the root element's `content` attribute;
//   a PNG export: a tEXt (or zTXt) chunk with the keyword `mxfile` (png.ts).
// Inflating stops at the file size limit, so a small file cannot expand into gigabytes.

export type Unwrapped = { ok: true; text: string } | { ok: false; reason: string };

const CHUNK = 64 * 1024;

/** Raw-inflates `bytes`, refusing output beyond `limit` bytes. */
export function inflateBounded(bytes: Uint8Array, limit = MAX_FILE_BYTES): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
  });
  for (let at = 0; at < bytes.length && !over; at += CHUNK) inflate.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  return over ? null : concatBytes(parts, total);
}

export function uriDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Old files deflated the XML itself, without URI encoding: UTF-8 bytes.
    return new TextDecoder().decode(Uint8Array.from(text, (char) => char.charCodeAt(0)));
  }
}

/** A compressed page's text (base64 of raw deflate of URI-encoded XML) as XML. */
export function decompressDiagram(encoded: string): Unwrapped {
  let binary: string;
  try {
    binary = atob(encoded.replace(/\s+/g, ''));
  } catch {
    return { ok: false, reason: 'a compressed page is not base64' };
  }
  let inflated: Uint8Array | null;
  try {
    inflated = inflateBounded(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return { ok: false, reason: 'a compressed page does not inflate' };
  }
  if (inflated === null) return { ok: false, reason: `a compressed page expands beyond ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  return { ok: true, text: uriDecoded(latin1(inflated)) };
}

/** The <mxfile> an SVG exported by draw.io carries in its `content` attribute. */
export function mxfileFromSvg(svg: string): Unwrapped {
  const start = /<svg\b[^>]*>/i.exec(svg);
  const content = start ? /\scontent\s*=\s*("([^"]*)"|'([^']*)')/i.exec(start[0]) : null;
  if (!content) return { ok: false, reason: 'the SVG carries no draw.io diagram (its root element has no content attribute)' };
  const text = decodeXmlText(content[2] ?? content[3] ?? '').trim();
  // Older exports compressed the whole <mxfile>.
  return text.startsWith('<') ? { ok: true, text } : decompressDiagram(text);
}
