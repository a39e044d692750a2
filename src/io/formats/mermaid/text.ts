// Labels between Mermaid and Faultline. Mermaid renders labels as HTML; Faultline
// never does. On the way in, Mermaid's own escapes (`#quot;`, `#35;`) are decoded, a
// line break (`<br>`, `<br/>`) becomes a space and a Markdown string loses its
// backticks; any other markup stays as the characters it is, shown as text. On the
// way out, every character Mermaid would read as syntax or markup is written as an
// entity code, so a pasted label shows exactly its text.

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0', num: '#', hash: '#' };

function decodeEntity(whole: string, name: string): string {
  if (/^\d+$/.test(name)) {
    const code = Number(name);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
}

/** The text a Mermaid label shows, on one line. */
export function labelText(raw: string): string {
  const markdown = raw.length >= 2 && raw.startsWith('`') && raw.endsWith('`') ? raw.slice(1, -1) : raw;
  // Whitespace is settled before entities are decoded, so `#10;` stays a line break
  // and `#32;` a space where they were written on purpose.
  const plain = markdown
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.replace(/#(\d{1,7}|[a-z]{2,8});/gi, decodeEntity);
}

// Syntax and markup characters, control characters (below U+0020) and every blank
// but the plain space, which the reader would fold into one space.
const SPECIAL = /["#%&<>`|\\[\]{}()\u007f]|[^\u0020-\uffff]|[^\S ]/g;

/** `text` as the inside of a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  const escaped = text.replace(SPECIAL, (char) => `#${char.charCodeAt(0)};`);
  // Mermaid trims a label; a space at either end is written as a code.
  return escaped.replace(/^ | $/g, '#32;').replace(/ {2,}/g, (run) => ` ${'#32;'.repeat(run.length - 1)}`) || ' ';
}
