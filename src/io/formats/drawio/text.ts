// Labels as plain text. A draw.io label with `html=1` is HTML; it is turned into
// text here (line breaks kept as spaces, tags dropped, entities decoded) and never
// rendered, so a label cannot carry markup or script into the page.

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™' };

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return HTML_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The lines an HTML label shows, line breaks kept. */
export function htmlToLines(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<hr\s*\/?>|<\/(div|p|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeHtmlEntities(text);
}

/** The text an HTML label shows, on one line. */
export function htmlToText(html: string): string {
  return oneLine(htmlToLines(html));
}

/** A label's first line that says something: the shape's name, when the lines below
 *  describe it ("Orders API", then "Port 8080", then a list of what it does). */
export function firstLine(text: string): string {
  return oneLine(text.split(/[\r\n]+/).find((line) => line.trim() !== '') ?? '');
}

/** Whitespace runs (line breaks included) become one space; the ends are trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
