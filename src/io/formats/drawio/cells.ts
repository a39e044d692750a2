import { parseStyle, styleFlag, type Style } from './style.ts';
import { firstLine, htmlToLines, htmlToText } from './text.ts';
import { childrenNamed, type XmlElement } from './xml.ts';

// The cells of one page, flattened: <mxCell> elements, and cells wrapped in <object>
// or <UserObject> (draw.io's cells with data), whose label and data sit on the
// wrapper and whose style and geometry sit on the <mxCell> inside.

export interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Cell {
  id: string;
  /** The label as text (HTML labels converted, never rendered). */
  label: string;
  /** Its first line, on its own: the name, when the lines below describe the shape. */
  name: string;
  style: Style;
  role: 'vertex' | 'edge' | 'other';
  parent?: string;
  source?: string;
  target?: string;
  /** Relative to the parent when the parent is a shape. */
  geometry: Geometry;
  /** An edge's loose ends (`sourcePoint`, `targetPoint`), absolute on the page. */
  ends: { source?: { x: number; y: number }; target?: { x: number; y: number } };
  /** The wrapper's other attributes (draw.io's "Edit Data"). */
  data: ReadonlyMap<string, string>;
}

const number = (text: string | undefined) => {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) ? value : 0;
};

function geometryOf(cell: XmlElement): Geometry {
  const geometry = childrenNamed(cell, 'mxGeometry')[0];
  const at = (key: string) => number(geometry?.attrs.get(key));
  return { x: at('x'), y: at('y'), width: at('width'), height: at('height') };
}

function endsOf(cell: XmlElement): Cell['ends'] {
  const ends: Cell['ends'] = {};
  for (const point of childrenNamed(childrenNamed(cell, 'mxGeometry')[0] ?? cell, 'mxPoint')) {
    const at = { x: number(point.attrs.get('x')), y: number(point.attrs.get('y')) };
    if (point.attrs.get('as') === 'sourcePoint') ends.source = at;
    if (point.attrs.get('as') === 'targetPoint') ends.target = at;
  }
  return ends;
}

function readCell(id: string, value: string, cell: XmlElement, data: ReadonlyMap<string, string>): Cell {
  const style = parseStyle(cell.attrs.get('style'));
  const html = styleFlag(style, 'html');
  const role = cell.attrs.get('edge') === '1' ? 'edge' : cell.attrs.get('vertex') === '1' ? 'vertex' : 'other';
  const optional = (key: string) => {
    const text = cell.attrs.get(key);
    return text === undefined || text === '' ? {} : { [key]: text };
  };
  return {
    id,
    label: html ? htmlToText(value) : value,
    name: firstLine(html ? htmlToLines(value) : value),
    style,
    role,
    ...optional('parent'),
    ...optional('source'),
    ...optional('target'),
    geometry: geometryOf(cell),
    ends: role === 'edge' ? endsOf(cell) : {},
    data,
  };
}

export function readCells(model: XmlElement): Cell[] {
  const root = childrenNamed(model, 'root')[0];
  if (!root) return [];
  const cells: Cell[] = [];
  for (const element of root.children) {
    if (element.name === 'mxCell') {
      cells.push(readCell(element.attrs.get('id') ?? '', element.attrs.get('value') ?? '', element, new Map()));
    } else if (element.name === 'object' || element.name === 'UserObject') {
      const inner = childrenNamed(element, 'mxCell')[0] ?? { name: 'mxCell', attrs: new Map(), children: [], text: '' };
      const data = new Map([...element.attrs].filter(([key]) => key !== 'id' && key !== 'label' && key !== 'placeholders'));
      cells.push(readCell(element.attrs.get('id') ?? '', element.attrs.get('label') ?? '', inner, data));
    }
  }
  return cells;
}
