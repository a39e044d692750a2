import type { Diagram } from '../../model/types.ts';
import type { ImportError } from '../errors.ts';
import type { ImportResult } from '../import.ts';

// What a file format is to the app and the CLI. One module per format under
// src/io/formats/ exports one of these, and registry.ts lists it: from then on the
// file picker, drop, paste and `faultline lint` open it.
//
// The object itself is metadata plus thin async functions. Registering a format puts
// the object in the entry chunk, so whatever is heavy (the import pipeline, an XML
// parser, the SVG renderer) stays behind a dynamic `import()` inside `parse` or
// `serialize`, and loads the first time someone opens or writes that format.

interface FormatInfo {
  /** Stable, kebab-case: `faultline`, `svg`, later `drawio`, `mermaid`. */
  id: string;
  /** What people call it, for messages: `Faultline JSON`. */
  name: string;
  /** Lower case, with the dot, most specific first: `.faultline.json`, `.json`. The
   *  first is the one written files get. Unique across all formats. */
  extensions: readonly string[];
  /** Extensions it opens but `serialize` does not write (a draw.io SVG is a picture with
   *  the diagram inside; the export is the diagram alone). Every other one it writes. */
  readOnlyExtensions?: readonly string[];
  mime: string;
}

/** What the person opening a file has chosen, passed down to the format. */
export interface OpenOptions {
  /** For files of several pages (draw.io): a 0-based index, or text naming a page or
   *  giving its 1-based number. The first page when absent. */
  page?: number | string;
}

/** Files that carry a format's text inside binary data: a PNG exported by draw.io
 *  with its diagram. The registry hands them over as bytes. */
export interface EmbeddedText {
  /** Cheap: the file's first bytes say it is such a file (a PNG signature). */
  sniff(bytes: Uint8Array): boolean;
  /** The text inside, or why there is none; never throws for bad input. */
  extract(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; error: ImportError }>;
}

/** A format a document can be opened from (and perhaps written to). */
export interface OpenableFormat extends FormatInfo {
  /** A cheap look at the text, for files whose name says nothing and for pastes:
   *  does it look like this format? Never parses the whole text. */
  sniff(text: string): boolean;
  /** Text in, document or typed error out; never throws for bad input. */
  parse(text: string, options?: OpenOptions): Promise<ImportResult>;
  embedded?: EmbeddedText;
  serialize?(doc: Diagram): Promise<string>;
}

/** A format the app only writes: an image, a report. */
export interface WriteOnlyFormat extends FormatInfo {
  sniff?: never;
  parse?: never;
  serialize(doc: Diagram): Promise<string>;
}

export type FileFormat = OpenableFormat | WriteOnlyFormat;

/** A format that writes files: every write-only one, and the openable ones with a `serialize`. */
export type WritableFormat = FileFormat & { serialize(doc: Diagram): Promise<string> };

export function isOpenable(format: FileFormat): format is OpenableFormat {
  return format.parse !== undefined;
}

export function isWritable(format: FileFormat): format is WritableFormat {
  return format.serialize !== undefined;
}

/** The extensions files written in `format` may have. */
export function writtenExtensions(format: FileFormat): readonly string[] {
  if (!isWritable(format)) return [];
  return format.extensions.filter((extension) => !format.readOnlyExtensions?.includes(extension));
}
