import type { ImportError } from '../errors.ts';
import type { ImportResult } from '../import.ts';
import { drawio } from './drawio.ts';
import { faultlineJson } from './faultline.ts';
import { mermaid } from './mermaid.ts';
import { markdownReview } from './review.ts';
import { isOpenable, writtenExtensions, type FileFormat, type OpenableFormat, type OpenOptions, type WritableFormat } from './format.ts';
import { svgImage } from './svg.ts';

// Every format Faultline reads or writes, in one list. The file picker's `accept`,
// drop and paste on the canvas, and `faultline lint` all choose from it, so adding a
// format is its module plus one line here.
//
// Choosing: a file's name decides first (the longest matching extension of an
// openable format), so `shop.json` that is not a Faultline document is reported as
// such rather than as "unknown". Otherwise the content decides: the first format, in
// this order, whose sniff matches. List formats with narrower sniffs first.

export const FORMATS: readonly FileFormat[] = [faultlineJson, drawio, mermaid, svgImage, markdownReview];

export type FormatChoice = { ok: true; format: OpenableFormat } | { ok: false; error: ImportError & { kind: 'unknownFormat' } };

export function openableFormats(formats: readonly FileFormat[] = FORMATS): OpenableFormat[] {
  return formats.filter(isOpenable);
}

/** The openable format named by `fileName`'s extension, if any. */
export function formatByExtension(fileName: string, formats: readonly FileFormat[] = FORMATS): OpenableFormat | undefined {
  const name = fileName.toLowerCase();
  let best: { format: OpenableFormat; length: number } | undefined;
  for (const format of openableFormats(formats)) {
    for (const extension of format.extensions) {
      if (name.endsWith(extension) && extension.length > (best?.length ?? 0)) best = { format, length: extension.length };
    }
  }
  return best?.format;
}

/** The first openable format whose sniff recognises `text`. */
export function formatBySniff(text: string, formats: readonly FileFormat[] = FORMATS): OpenableFormat | undefined {
  return openableFormats(formats).find((format) => format.sniff(text));
}

/** The format to open `text` with: by `fileName` when it has a known extension, else
 *  by content; `source` names it in the error when neither knows it. */
export function pickFormat(
  text: string,
  { fileName, source = fileName ?? 'the text' }: { fileName?: string; source?: string } = {},
  formats: readonly FileFormat[] = FORMATS,
): FormatChoice {
  const format = (fileName === undefined ? undefined : formatByExtension(fileName, formats)) ?? formatBySniff(text, formats);
  if (format) return { ok: true, format };
  return { ok: false, error: { kind: 'unknownFormat', source, supported: openableFormats(formats).map(describeFormat) } };
}

/** Where a text or file comes from (its name, what to call it in messages), and what
 *  the person has chosen about it (which page). */
export type OpenRequest = { fileName?: string; source?: string } & OpenOptions;

/** Opens a paste (text) or a file (text, or its bytes as read) in whichever registered
 *  format it is in. */
export async function openDocument(content: string | Uint8Array, request: OpenRequest = {}, formats: readonly FileFormat[] = FORMATS): Promise<ImportResult> {
  return (await openDocumentIn(content, request, formats)).result;
}

/** openDocument, also saying which format read it (none when none fits). Bytes that a
 *  format's `embedded` recognises (a draw.io PNG) are unwrapped to its text; any other
 *  bytes are read as UTF-8, as a browser's `file.text()` reads them. */
export async function openDocumentIn(
  content: string | Uint8Array,
  { page, ...origin }: OpenRequest = {},
  formats: readonly FileFormat[] = FORMATS,
): Promise<{ result: ImportResult; format?: OpenableFormat }> {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    const carrier = openableFormats(formats).find((format) => format.embedded?.sniff(content));
    if (carrier) {
      const extracted = await carrier.embedded!.extract(content);
      if (!extracted.ok) return { result: { ok: false, error: extracted.error }, format: carrier };
      return { result: await carrier.parse(extracted.text, { page }), format: carrier };
    }
    text = new TextDecoder().decode(content);
  }
  const choice = pickFormat(text, origin, formats);
  return choice.ok ? { result: await choice.format.parse(text, { page }), format: choice.format } : { result: { ok: false, error: choice.error } };
}

/** The formats that write files, each with the extensions it writes. */
export function writableFormats(formats: readonly FileFormat[] = FORMATS): WritableFormat[] {
  return formats.filter((format): format is WritableFormat => writtenExtensions(format).length > 0);
}

/** The text formats the app's File menu exports to, by id (pictures are drawn in the page). */
export type ExportFormatId = 'faultline' | 'drawio' | 'mermaid' | 'review';

export function writableFormatById(id: ExportFormatId, formats: readonly FileFormat[] = FORMATS): WritableFormat | undefined {
  return writableFormats(formats).find((format) => format.id === id);
}

/** `draw.io diagram (.drawio, .xml)`: a format as a writer, for messages and help. */
export function describeWriting(format: FileFormat): string {
  return `${format.name} (${writtenExtensions(format).join(', ')})`;
}

export type WriteChoice = { ok: true; format: WritableFormat } | { ok: false; message: string };

/** The format to write `fileName` in, by its extension: the longest one any format
 *  claims decides, so `x.drawio.svg` is refused (draw.io only reads it) rather than
 *  written as a plain picture. */
export function formatForWriting(fileName: string, formats: readonly FileFormat[] = FORMATS): WriteChoice {
  const name = fileName.toLowerCase();
  let best: { format: FileFormat; extension: string } | undefined;
  for (const format of formats) {
    for (const extension of format.extensions) {
      if (name.endsWith(extension) && extension.length > (best?.extension.length ?? 0)) best = { format, extension };
    }
  }
  if (best && writtenExtensions(best.format).includes(best.extension)) return { ok: true, format: best.format as WritableFormat };
  const writes = writableFormats(formats).map(describeWriting).join(', ');
  return { ok: false, message: `Unknown output format: ${JSON.stringify(fileName)} is not a file Faultline writes; it writes ${writes}.` };
}

/** `Faultline JSON (.faultline.json, .json)`, for messages and help. */
export function describeFormat(format: FileFormat): string {
  return `${format.name} (${format.extensions.join(', ')})`;
}

/** The file picker's `accept`: every openable format's extensions and MIME types. A
 *  picker matches only a name's last extension, so `.faultline.json` is offered as `.json`. */
export function acceptAttribute(formats: readonly FileFormat[] = FORMATS): string {
  const openable = openableFormats(formats);
  const extensions = openable.flatMap((format) => format.extensions.map((extension) => extension.slice(extension.lastIndexOf('.'))));
  return [...new Set([...extensions, ...openable.map((format) => format.mime)])].join(',');
}
