import { binaryString as latin1 } from '../../bytes.ts';
import type { ImportError } from '../../errors.ts';
import { MAX_FILE_BYTES } from '../../limits.ts';
import { inflateBounded, uriDecoded, type Unwrapped } from './decode.ts';
import { isPng } from './sniff.ts';

// A PNG exported by draw.io with "Include a copy of my diagram" keeps the <mxfile>
// in a text chunk: tEXt with the keyword `mxfile` and the XML URI-encoded (today's
// draw.io), or zTXt, the same compressed (older ones wrote the keyword
// `mxGraphModel`). The chunks are read by hand: length, type, data, CRC. A length
// that runs past the end, or a CRC that does not match on the diagram's chunk, is a
// damaged file; inflating stops at the file size limit.

const KEYWORDS = new Set(['mxfile', 'mxGraphModel']);

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 PNG puts after each chunk, over its type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function inflated(data: Uint8Array): Uint8Array | null {
  // zTXt's compression method 0 is zlib: a 2-byte header before the raw deflate.
  // Some writers left the header out, so a raw stream is tried too.
  for (const start of [2, 0]) {
    try {
      const out = inflateBounded(data.subarray(start));
      if (out !== null && out.length > 0) return out;
      if (out === null) return null;
    } catch {
      // not a deflate stream from here
    }
  }
  return null;
}

/** The <mxfile> in a PNG draw.io exported, or why there is none. */
export function mxfileFromPng(bytes: Uint8Array): Unwrapped {
  if (!isPng(bytes)) return { ok: false, reason: 'it is not a PNG image' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `the PNG is over ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at < bytes.length; ) {
    if (at + 12 > bytes.length) return { ok: false, reason: 'the PNG is cut short (a chunk runs past its end)' };
    const length = view.getUint32(at);
    if (length > bytes.length - at - 12) return { ok: false, reason: 'the PNG is damaged (a chunk runs past its end)' };
    const type = latin1(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'tEXt' || type === 'zTXt') {
      const nul = data.indexOf(0);
      if (nul > 0 && KEYWORDS.has(latin1(data.subarray(0, nul)))) {
        if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
          return { ok: false, reason: 'the PNG’s diagram chunk is damaged (its checksum does not match)' };
        }
        if (type === 'tEXt') return { ok: true, text: uriDecoded(latin1(data.subarray(nul + 1))) };
        // zTXt: keyword, NUL, compression method, then the compressed text.
        const text = inflated(data.subarray(nul + 2));
        return text ? { ok: true, text: uriDecoded(latin1(text)) } : { ok: false, reason: 'the PNG’s diagram chunk does not inflate, or expands beyond the size limit' };
      }
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return { ok: false, reason: 'the PNG carries no draw.io diagram; in draw.io, export it again with “Include a copy of my diagram”' };
}

/** The draw.io format's `embedded.extract`: the PNG's diagram as text, or a typed error. */
export async function drawioTextFromPng(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; error: ImportError }> {
  const found = mxfileFromPng(bytes);
  return found.ok ? found : { ok: false, error: { kind: 'notDrawio', reason: found.reason } };
}
