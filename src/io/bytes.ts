// Bytes to text and back, as the share links, draw.io's compressed pages and the live
// room's keys need them: no DOM, so the same code runs in the CLI.

/** Keeps `String.fromCharCode(...chunk)` under the engines' argument limits. */
const CHUNK = 0x8000;

/** `parts` joined into one array of `total` bytes. */
export function concatBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Each byte as the character of the same code (Latin-1), as `btoa` expects. */
export function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += CHUNK) text += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return text;
}

/** Unpadded base64url (RFC 4648 §5), safe in a URL fragment. */
export function toBase64Url(bytes: Uint8Array): string {
  return btoa(binaryString(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
