import { describeImportError, quote } from '../io/errors.ts';
import type { PageSummary } from '../io/formats/report.ts';
import type { OpenableFormat } from '../io/formats/format.ts';
import { openDocumentIn } from '../io/formats/registry.ts';
import type { Diagram } from '../model/types.ts';
import { fileProblem } from './environment.ts';

// A file named on the command line, opened as a file dropped on the app is: through
// the format registry, by its extension, then by its content. Every command that
// reads a design (lint, convert, report) opens it here.

export type OpenedFile =
  | {
      ok: true;
      doc: Diagram;
      /** What upgrading or converting the file did (draw.io's import report), one line each. */
      notes: string[];
      /** The text as read, for output that points into it. */
      text: string;
      format: OpenableFormat;
    }
  | { ok: false; problem: string };

/** `page`: `--page NAME|N`, for files of several pages. Without it the first page is
 *  read, and a note says which it was and what the others are. */
export async function openFile(file: string, readFile: (path: string) => string | Uint8Array, page?: string): Promise<OpenedFile> {
  let content: string | Uint8Array;
  try {
    content = readFile(file);
  } catch (error) {
    return { ok: false, problem: `cannot read the file (${fileProblem(error)})` };
  }
  // The bytes go to the registry as they are, so a PNG that carries a diagram opens;
  // the text is for output that points at lines.
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const { result, format } = await openDocumentIn(content, { fileName: file, ...(page === undefined ? {} : { page }) });
  if (!result.ok) return { ok: false, problem: describeImportError(result.error) };
  const pages = result.report?.format === 'drawio' ? result.report.pages : [];
  const others = page === undefined && pages.length > 1 ? [otherPagesNote(pages)] : [];
  return { ok: true, doc: result.doc, notes: [...others, ...result.notes], text, format: format! };
}

function otherPagesNote(pages: readonly PageSummary[]): string {
  const [first, ...rest] = pages.map((each, at) => `${at + 1} ${quote(each.name)} (${each.elements} element${each.elements === 1 ? '' : 's'})`);
  return `read page ${first}, the first of ${pages.length}; the others are ${rest.join(', ')}; choose one with --page NAME|N`;
}
