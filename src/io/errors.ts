import { MAX_FILE_BYTES } from './limits.ts';

// Why an import failed, as data. The UI and the CLI switch over `kind`
// exhaustively; `describeImportError` gives the one line both show.

/** One thing wrong with a document: where (`nodes[3].props.replicas`) and what. */
export interface Problem {
  /** A path into the document, like `edges[0].target`; empty for the document itself. */
  path: string;
  /** Names the node or edge by id, e.g. `edge "e1" points at node "db", which does not exist`. */
  message: string;
}

export type ImportError =
  /** Refused before reading: bigger than MAX_FILE_BYTES. */
  | { kind: 'tooLarge'; bytes: number; limit: number }
  /** Not JSON; `position` is a 0-based offset, `line` and `column` 1-based. */
  | { kind: 'notJson'; message: string; position: number; line: number; column: number }
  /** JSON, but not `{ "format": "faultline", ... }`. */
  | { kind: 'notAFaultlineFile'; reason: string }
  /** Made by a newer Faultline: `version` is above `supported`. */
  | { kind: 'versionTooNew'; version: number; supported: number }
  /** `version` is missing or not a whole number of 1 or more; `found` describes it. */
  | { kind: 'unsupportedVersion'; found: string }
  /** A Faultline file that breaks the schema or a cross-check; never empty. */
  | { kind: 'invalidDocument'; problems: Problem[] }
  /** A share link whose payload is not base64url, not compressed, or not UTF-8. */
  | { kind: 'badShareLink'; reason: string }
  /** No registered format opens it: neither its name's extension nor its content
   *  matched. `source` names the file; `supported` lists what opens, like
   *  `Faultline JSON (.faultline.json, .json)`. */
  | { kind: 'unknownFormat'; source: string; supported: string[] }
  /** Opened as draw.io (by its name or content) but not readable as one: not XML, a
   *  DTD, no <mxfile>, a page that does not decompress, a page that does not exist. */
  | { kind: 'notDrawio'; reason: string }
  /** Opened as Mermaid but not readable as a diagram Faultline reads: a syntax error,
   *  or another kind of Mermaid diagram. `line` and `column` are 1-based. */
  | { kind: 'notMermaid'; message: string; line: number; column: number };

export type ImportErrorKind = ImportError['kind'];

const SHOWN_PROBLEMS = 3;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function problemText(problem: Problem): string {
  return problem.path ? `${problem.message} (at ${problem.path})` : problem.message;
}

/** One line that says what is wrong and where. Shown verbatim by the CLI on stderr
 *  and by the app in an alert, so it never contains a line break. */
export function describeImportError(error: ImportError): string {
  return oneLine(describe(error));
}

function describe(error: ImportError): string {
  switch (error.kind) {
    case 'tooLarge':
      return `The file is ${megabytes(error.bytes)}; files over ${megabytes(error.limit)} are refused.`;
    case 'notJson':
      return `Not valid JSON at line ${error.line}, column ${error.column} (position ${error.position}): ${error.message}.`;
    case 'notAFaultlineFile':
      return `Not a Faultline file: ${error.reason}.`;
    case 'versionTooNew':
      return `The file is format version ${error.version}, from a newer Faultline; this one opens versions up to ${error.supported}. Update the app to open it.`;
    case 'unsupportedVersion':
      return `Unsupported format version: "version" must be a whole number of 1 or more, but it is ${error.found}.`;
    case 'invalidDocument': {
      const shown = error.problems.slice(0, SHOWN_PROBLEMS).map(problemText).join('; ');
      const more = error.problems.length - SHOWN_PROBLEMS;
      return `Invalid document: ${shown}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`;
    }
    case 'badShareLink':
      return `The shared link is damaged: ${error.reason}.`;
    case 'unknownFormat':
      // The name in full (a path may be long), escaped so it stays one line.
      return `Unknown format: ${JSON.stringify(error.source)} is not a file Faultline opens; it opens ${error.supported.join(', ')}.`;
    case 'notDrawio':
      return `Not a readable draw.io file: ${error.reason}.`;
    case 'notMermaid':
      return `Not a readable Mermaid diagram at line ${error.line}, column ${error.column}: ${error.message}.`;
    default:
      return assertNever(error);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled import error ${JSON.stringify(value)}`);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export function tooLarge(bytes: number): ImportError & { kind: 'tooLarge' } {
  return { kind: 'tooLarge', bytes, limit: MAX_FILE_BYTES };
}

/** Quotes text taken from a document for a message: escaped, one line, at most 60 characters. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(short);
}

/** A short description of any value for "..., not X" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
