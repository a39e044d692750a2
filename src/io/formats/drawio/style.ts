// A draw.io style string, `ellipse;shape=cylinder3;dashed=1;`: bare names (the
// first is usually a base style such as `text` or `swimlane`) and key=value pairs.

export interface Style {
  names: ReadonlySet<string>;
  values: ReadonlyMap<string, string>;
}

export function parseStyle(style: string | undefined): Style {
  const names = new Set<string>();
  const values = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    const token = part.trim();
    if (token === '') continue;
    const equals = token.indexOf('=');
    if (equals < 0) names.add(token);
    else values.set(token.slice(0, equals).trim(), token.slice(equals + 1).trim());
  }
  return { names, values };
}

export function styleFlag(style: Style, key: string): boolean {
  const value = style.values.get(key);
  return value !== undefined && value !== '0' && value !== 'false' && value !== 'none';
}

/** The shape the style draws: its `shape` value, else a bare name such as `ellipse`. */
export function shapeOf(style: Style): string {
  return style.values.get('shape') ?? [...style.names][0] ?? '';
}
