import { EDGE_KIND_INFO, kindInfo } from '../model/catalogue.ts';
import { boundsOf, edgeEnds, inflate, midpoint, type Rect } from '../model/geometry.ts';
import { drawnRects } from '../model/ops.ts';
import { edgeKindOf, isGroupKind, replicasOf, type Diagram, type DiagramNode } from '../model/types.ts';
import { svgPaint, TOKENS, type Theme } from '../theme/tokens.ts';

// A standalone SVG picture of the whole diagram, fitted to its content, in the canvas'
// colours (the design tokens of one theme; light unless asked). Every attribute is
// written here; labels only ever land in text nodes, escaped, so the file carries no
// script and no event attribute whatever a label says.

const PADDING = 32;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface Box extends Rect {
  node: DiagramNode;
}

function boxes(doc: Diagram): Map<string, Box> {
  const rects = drawnRects(doc);
  return new Map(doc.nodes.map((node) => [node.id, { node, ...rects.get(node.id)! }]));
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `fill="…"` (and its opacity) for a token's colour. */
function fill(colour: string): string {
  const paint = svgPaint(colour);
  return `fill="${paint.colour}"${paint.opacity === undefined ? '' : ` fill-opacity="${paint.opacity}"`}`;
}

export interface SvgOptions {
  theme?: Theme;
}

export function exportSvg(doc: Diagram, { theme = 'light' }: SvgOptions = {}): string {
  const tokens = TOKENS[theme];
  const all = boxes(doc);
  const list = [...all.values()];
  // The origin is always in the picture, so an empty diagram still has a size.
  const frame = inflate(boundsOf([...list, { x: 0, y: 0, width: 0, height: 0 }])!, PADDING);
  const minX = frame.x;
  const minY = frame.y;
  const width = round(frame.width);
  const height = round(frame.height);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${round(minX)} ${round(minY)} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(doc.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" ${fill(tokens.muted)}/></marker></defs>`,
    `<rect x="${round(minX)}" y="${round(minY)}" width="${width}" height="${height}" ${fill(tokens.bg)}/>`,
  ];
  for (const box of list.filter((candidate) => isGroupKind(candidate.node.kind))) {
    const background = box.node.kind === 'region' ? tokens.region : tokens.zone;
    parts.push(
      `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="14" ${fill(background)} stroke="${tokens.muted}" stroke-dasharray="6 4"/>`,
      `<text x="${round(box.x + 12)}" y="${round(box.y + 20)}" font-size="12" font-weight="600" ${fill(tokens.text)}><tspan font-size="10" font-weight="400" ${fill(tokens.muted)}>${escapeXml(kindInfo(box.node.kind).name.toUpperCase())}</tspan> ${escapeXml(box.node.label)}</text>`,
    );
  }
  for (const edge of doc.edges) {
    const from = all.get(edge.source);
    const to = all.get(edge.target);
    if (!from || !to) continue;
    const { start, end } = edgeEnds(from, to);
    const dash = EDGE_KIND_INFO[edgeKindOf(edge)].dash;
    parts.push(
      `<line x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}" stroke="${tokens.muted}" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#arrow)"/>`,
    );
    const label = edge.label ?? edge.props.protocol;
    if (label) {
      const at = midpoint(start, end);
      parts.push(`<text x="${round(at.x)}" y="${round(at.y - 4)}" font-size="11" text-anchor="middle" ${fill(tokens.muted)}>${escapeXml(label)}</text>`);
    }
  }
  for (const box of list.filter((candidate) => !isGroupKind(candidate.node.kind))) {
    const replicas = replicasOf(box.node);
    parts.push(
      `<rect x="${round(box.x)}" y="${round(box.y)}" width="${box.width}" height="${box.height}" rx="10" ${fill(tokens.node)} stroke="${tokens.border}" stroke-width="1.5"/>`,
      `<text x="${round(box.x + 14)}" y="${round(box.y + 28)}" font-size="14" font-weight="600" ${fill(tokens.text)}>${escapeXml(box.node.label)}</text>`,
      `<text x="${round(box.x + 14)}" y="${round(box.y + 46)}" font-size="11" ${fill(tokens.muted)}>${escapeXml(kindInfo(box.node.kind).name)}${replicas > 1 ? ` ×${replicas}` : ''}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}
