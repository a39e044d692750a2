import type { EdgeProps, Props, Size } from '../../../model/types.ts';

// Faultline's own data on a draw.io cell, so an exported file opens again as the
// same document: the kind in the style (`faultline=cache;`, which survives copying
// the shape in draw.io), and everything else as JSON in the wrapper's `faultline`
// attribute. Text that XML cannot hold (control characters, lone surrogates) is kept
// in that JSON, whose escapes can say it, and left out of the visible attribute.

export const KIND_KEY = 'faultline';
export const RECORD_ATTRIBUTE = 'faultline';

export interface CellRecord {
  /** Only when the cell id could not be the Faultline id. */
  id?: string;
  /** Only when the visible label could not hold the text exactly. */
  label?: string;
  notes?: string;
  props?: Props | EdgeProps;
  /** A component's own size (groups keep theirs in the geometry). */
  size?: Size;
  /** On the <mxfile>: the title, when the page name could not hold it exactly. */
  title?: string;
}

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Whether XML 1.0 can hold `text` as it is. */
export function isXmlText(text: string): boolean {
  return !NOT_XML.test(text);
}

/** `text` with what XML cannot hold left out. */
export function xmlSafe(text: string): string {
  return text.replace(new RegExp(NOT_XML.source, 'gu'), '');
}

/** Escaped for an attribute value in double quotes; tabs and line breaks as
 *  references, so a reader does not normalise them to spaces. */
export function escapeAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON for an attribute, with the two characters XML refuses and JSON does not escape. */
export function recordJson(record: CellRecord): string {
  return JSON.stringify(record).replace(/[\uFFFE\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record a cell carries, or null when it has none or it is not an object. */
export function readRecord(data: ReadonlyMap<string, string>): CellRecord | null {
  const text = data.get(RECORD_ATTRIBUTE);
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const record: CellRecord = {};
  for (const key of ['id', 'label', 'notes', 'title'] as const) {
    if (typeof value[key] === 'string') record[key] = value[key];
  }
  if (isObject(value.props)) record.props = value.props as Props;
  if (isObject(value.size) && typeof value.size.width === 'number' && typeof value.size.height === 'number') {
    record.size = { width: value.size.width, height: value.size.height };
  }
  return record;
}
