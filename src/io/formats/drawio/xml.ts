import { XMLParser } from 'fast-xml-parser';

// XML in, a small element tree out, with nothing expanded: no DTD is read, no entity
// but the five XML ones and character references is decoded, and no text is
// interpreted. draw.io files never carry a DTD, so one is refused outright; the
// parser is set not to process entities as a second line of defence.

export interface XmlElement {
  name: string;
  /** A Map, so attribute names such as `__proto__` are only ever data. */
  attrs: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; anything else stays as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

type OrderedNode = Record<string, unknown>;

function toElement(name: string, node: OrderedNode): XmlElement {
  const attrs = new Map<string, string>();
  const raw = node[':@'];
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) attrs.set(key, decodeXmlText(String(value)));
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[name];
  if (Array.isArray(content)) {
    for (const child of content as OrderedNode[]) {
      const childName = Object.keys(child).find((key) => key !== ':@');
      if (childName === undefined) continue;
      if (childName === '#text') text += decodeXmlText(String(child['#text']));
      else if (!childName.startsWith('?') && childName !== '#comment') children.push(toElement(childName, child));
    }
  }
  return { name, attrs, children, text };
}

export function parseXml(text: string): XmlResult {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, reason: 'it declares a DTD (<!DOCTYPE ...>), which draw.io files never do; it is refused so no entity is expanded' };
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not well-formed XML (${error instanceof Error ? error.message : String(error)})` };
  }
  const top = (Array.isArray(nodes) ? (nodes as OrderedNode[]) : []).map((node) => {
    const name = Object.keys(node).find((key) => key !== ':@');
    return name === undefined || name === '#text' || name.startsWith('?') ? null : toElement(name, node);
  });
  const root = top.find((element) => element !== null);
  return root ? { ok: true, root } : { ok: false, reason: 'it holds no XML element' };
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
