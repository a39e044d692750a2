import type { Diagram } from '../model/types.ts';
import { concatBytes, toBase64Url } from './bytes.ts';
import { tooLarge } from './errors.ts';
import { exportCompactJson } from './export.ts';
import { importDocument, type ImportResult } from './import.ts';
import { MAX_FILE_BYTES } from './limits.ts';

// Share links carry the whole diagram in the URL fragment, which browsers never send
// to a server:  https://host/app/#doc=<payload>
// payload = base64url, unpadded, of deflate-raw (RFC 1951) of the UTF-8 compact JSON
// of the document in file order. A decoded link goes through importDocument like a
// file, so it is validated the same way; what is wrong with the wrapping itself
// (base64, compression, UTF-8) is a `badShareLink` error. Decompression stops at
// MAX_FILE_BYTES, so a small link cannot expand into a huge document.
//
//   encodeShareLink(doc): Promise<string>            'doc=...' (no '#')
//   decodeShareLink(fragment): Promise<ImportResult>  accepts '#doc=...', 'doc=...',
//                                                     or 'a=1&doc=...'

export const SHARE_PARAM = 'doc';
const FORMAT: CompressionFormat = 'deflate-raw';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export async function encodeShareLink(doc: Diagram): Promise<string> {
  const bytes = new TextEncoder().encode(exportCompactJson(doc));
  const compressed = await pipe(bytes, new CompressionStream(FORMAT), Infinity);
  return `${SHARE_PARAM}=${toBase64Url(compressed ?? new Uint8Array())}`;
}

export async function decodeShareLink(fragment: string): Promise<ImportResult> {
  const payload = payloadOf(fragment);
  if (payload === null) return badLink(`it has no "${SHARE_PARAM}=" part`);
  if (payload === '') return badLink('it holds no diagram');
  if (payload.length > (MAX_FILE_BYTES / 3) * 4) return { ok: false, error: tooLarge(Math.floor((payload.length * 3) / 4)) };
  const compressed = fromBase64Url(payload);
  if (!compressed) return badLink('the diagram data is not valid base64url text (was the link cut short?)');
  let bytes: Uint8Array | null;
  try {
    bytes = await pipe(compressed, new DecompressionStream(FORMAT), MAX_FILE_BYTES);
  } catch {
    return badLink('the diagram data could not be decompressed (was the link cut short or edited?)');
  }
  if (!bytes) return { ok: false, error: tooLarge(MAX_FILE_BYTES + 1) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return badLink('the diagram data is not UTF-8 text');
  }
  return importDocument(text);
}

function badLink(reason: string): ImportResult {
  return { ok: false, error: { kind: 'badShareLink', reason } };
}

function payloadOf(fragment: string): string | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of text.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

/** Runs `bytes` through a (de)compression stream; null when the output passes `limit`. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Failures surface on the reading side; these promises must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
