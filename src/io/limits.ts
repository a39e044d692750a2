// Hard limits of the file format. They keep a hostile or broken file from freezing
// the tab: size is checked before anything is read or parsed.

/** The largest document accepted, in bytes of UTF-8 (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Coordinates and sizes beyond this (in absolute value) are refused. */
export const MAX_COORDINATE = 10_000_000;

/** The UTF-8 length of `text`, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // includes lone surrogates, which encode as U+FFFD
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The UTF-8 size of `text` when it might exceed the limit, else null; cheap for the
 *  common, small case (every UTF-16 unit takes 1 to 3 bytes). */
export function oversizeBytes(text: string): number | null {
  if (text.length * 3 <= MAX_FILE_BYTES) return null;
  const bytes = utf8ByteLength(text);
  return bytes > MAX_FILE_BYTES ? bytes : null;
}
