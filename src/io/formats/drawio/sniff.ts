// Kept apart from the parser so the format's entry in the registry stays small.

/** Whether `text` looks like a draw.io file: an <mxfile>, a bare <mxGraphModel>, or an
 *  SVG with a draw.io diagram in it. Looks at the start of the text only. */
export function looksLikeDrawio(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/<mxfile[\s>]|<mxGraphModel[\s>]/.test(head)) return true;
  return /<svg\b/i.test(head) && /\scontent\s*=\s*["'](&lt;|&#60;)?mxfile/i.test(head);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether `bytes` start as every PNG file does. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, at) => bytes[at] === byte);
}
