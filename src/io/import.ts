import { CURRENT_VERSION, FORMAT_TAG, type Diagram } from '../model/types.ts';
import { describeImportError, describeValue, tooLarge, type ImportError, type Problem } from './errors.ts';
import { locateJsonError } from './json-syntax.ts';
import { MAX_FILE_BYTES, oversizeBytes } from './limits.ts';
import { migrate, type DocumentData } from './migrations/index.ts';
import { normaliseDiagram } from './normalise.ts';
import { problemsFromIssues } from './problems.ts';
import { findForbiddenKeys } from './safe-keys.ts';
import { diagramSchema } from './schema.ts';
import type { ImportReport } from './formats/report.ts';

// The one way into the app for a document: files, IndexedDB records, share links and
// the CLI all come through here. Files and pastes first pass formats/registry.ts,
// which picks their format; the Faultline JSON format's parse is importDocument.
//
//   importDocument(text)  size -> JSON.parse -> importValue
//   importValue(value)    envelope (format) -> refuse too-new versions ->
//                         refuse prototype keys -> migrate a clone -> validate ->
//                         normalise (fresh objects, parents first)
//
// Both return a result, never throw for bad input:
//   { ok: true, doc, notes } | { ok: false, error: ImportError }
// and `describeImportError(error)` is the one line to show for a failure.
// `checkSize(file.size)` lets a page refuse a big File before reading it.

/** `notes`: what upgrading an older file changed, or what an import from another
 *  format did with each element, for the person opening it (often none). `report`:
 *  the same as data, from formats that convert (draw.io, Mermaid). */
export type ImportResult = { ok: true; doc: Diagram; notes: string[]; report?: ImportReport } | { ok: false; error: ImportError };

export { describeImportError, MAX_FILE_BYTES };
export type { ImportError, Problem };

/** Problems beyond this are dropped: a broken 20 MB file could list thousands. */
export const MAX_PROBLEMS = 100;

const failure = (error: ImportError): ImportResult => ({ ok: false, error });

/** A `tooLarge` error when `byteLength` is over MAX_FILE_BYTES, else null. */
export function checkSize(byteLength: number): (ImportError & { kind: 'tooLarge' }) | null {
  return byteLength > MAX_FILE_BYTES ? tooLarge(byteLength) : null;
}

export function importDocument(text: string): ImportResult {
  const bytes = oversizeBytes(text);
  if (bytes !== null) return failure(tooLarge(bytes));
  // Editors on Windows like to start UTF-8 files with a byte-order mark; JSON does not allow one.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return failure(notJson(json, error));
  }
  return importValue(value);
}

function notJson(text: string, error: unknown): ImportError {
  const located = locateJsonError(text);
  if (located) return { kind: 'notJson', ...located };
  // JSON.parse refused a text the scanner accepts: only an engine limit, such as nesting depth.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'notJson', message: `it cannot be read (${message})`, position: 0, line: 1, column: 1 };
}

function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

type Envelope = { ok: true; data: DocumentData; version: number } | { ok: false; error: ImportError };

function readEnvelope(value: unknown): Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: { kind: 'notAFaultlineFile', reason: `the JSON holds ${describeValue(value)}, not an object` } };
  }
  const format = own(value, 'format');
  if (format !== FORMAT_TAG) {
    const reason = format === undefined ? `it has no "format": "${FORMAT_TAG}" field` : `"format" is ${describeValue(format)}, not "${FORMAT_TAG}"`;
    return { ok: false, error: { kind: 'notAFaultlineFile', reason } };
  }
  const version = own(value, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'unsupportedVersion', found: describeValue(version) } };
  }
  if (version > CURRENT_VERSION) {
    return { ok: false, error: { kind: 'versionTooNew', version, supported: CURRENT_VERSION } };
  }
  return { ok: true, data: value as DocumentData, version };
}

const invalid = (problems: Problem[]): ImportResult =>
  failure({ kind: 'invalidDocument', problems: problems.slice(0, MAX_PROBLEMS) });

/** For values that are already parsed: IndexedDB records, share links, tests. The
 *  value is never modified and the returned document shares nothing with it. */
export function importValue(value: unknown): ImportResult {
  const envelope = readEnvelope(value);
  if (!envelope.ok) return failure(envelope.error);
  const forbidden = findForbiddenKeys(envelope.data);
  if (forbidden.length > 0) return invalid(forbidden);
  const migrated = migrate(envelope.data, envelope.version);
  if (!migrated.ok) return invalid([{ path: '', message: migrated.message }]);
  const parsed = diagramSchema.safeParse(migrated.doc);
  if (!parsed.success) return invalid(problemsFromIssues(parsed.error.issues, migrated.doc));
  return { ok: true, doc: normaliseDiagram(parsed.data), notes: migrated.notes };
}
