import { describeImportError } from '../io/errors.ts';
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

export async function openFile(file: string, readFile: (path: string) => string): Promise<OpenedFile> {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    return { ok: false, problem: `cannot read the file (${fileProblem(error)})` };
  }
  const { result, format } = await openDocumentIn(text, { fileName: file });
  if (!result.ok) return { ok: false, problem: describeImportError(result.error) };
  return { ok: true, doc: result.doc, notes: result.notes, text, format: format! };
}
