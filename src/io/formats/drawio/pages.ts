import { decompressDiagram, mxfileFromSvg } from './decode.ts';
import { readCells, type Cell } from './cells.ts';
import { readRecord, type CellRecord } from './record.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

// A draw.io file holds one or more pages (<diagram> elements), each a graph model
// written out or compressed. Only the page asked for is decompressed and parsed.

export interface Page {
  name: string;
  /** The page's <mxGraphModel>, or why it cannot be read. */
  load(): { ok: true; model: XmlElement } | { ok: false; reason: string };
  /** Its shapes and connectors, for choosing a page; 0 when it cannot be read. */
  elements(): number;
}

/** A page's shapes and connectors: its cells other than the root and the layers. */
export const countElements = (cells: readonly Cell[]) => cells.filter((cell) => cell.role !== 'other').length;

function page(name: string, load: Page['load']): Page {
  return {
    name,
    load,
    elements() {
      const loaded = load();
      return loaded.ok ? countElements(readCells(loaded.model)) : 0;
    },
  };
}

export type PagesResult = { ok: true; pages: Page[]; fileRecord: CellRecord | null } | { ok: false; reason: string };

function modelOf(element: XmlElement): Page['load'] {
  return () => {
    const written = childrenNamed(element, 'mxGraphModel')[0];
    if (written) return { ok: true, model: written };
    const encoded = element.text.trim();
    if (encoded === '') return { ok: true, model: { name: 'mxGraphModel', attrs: new Map(), children: [], text: '' } };
    const unwrapped = decompressDiagram(encoded);
    if (!unwrapped.ok) return unwrapped;
    const parsed = parseXml(unwrapped.text);
    if (!parsed.ok) return { ok: false, reason: `a compressed page: ${parsed.reason}` };
    if (parsed.root.name !== 'mxGraphModel') return { ok: false, reason: `a compressed page holds <${parsed.root.name}>, not <mxGraphModel>` };
    return { ok: true, model: parsed.root };
  };
}

export function readPages(text: string): PagesResult {
  let xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A PNG's bytes decoded as UTF-8 (its first byte turns into U+FFFD): the diagram in it
  // can only be found in the bytes themselves, which the registry is given by the app.
  if (/^\ufffdPNG\r\n/.test(xml)) return { ok: false, reason: 'it is a PNG image read as text; its diagram can only be read from its bytes, as the app reads a dropped or chosen file' };
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg\b/i.test(xml)) {
    const unwrapped = mxfileFromSvg(xml);
    if (!unwrapped.ok) return unwrapped;
    xml = unwrapped.text;
  }
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const { root } = parsed;
  if (root.name === 'mxGraphModel') return { ok: true, pages: [page('', () => ({ ok: true, model: root }))], fileRecord: null };
  if (root.name !== 'mxfile') return { ok: false, reason: `its root element is <${root.name}>, not <mxfile> or <mxGraphModel>` };
  const diagrams = childrenNamed(root, 'diagram');
  if (diagrams.length === 0) return { ok: false, reason: 'the <mxfile> holds no <diagram> page' };
  return {
    ok: true,
    pages: diagrams.map((diagram) => page(diagram.attrs.get('name') ?? '', modelOf(diagram))),
    fileRecord: readRecord(root.attrs),
  };
}
