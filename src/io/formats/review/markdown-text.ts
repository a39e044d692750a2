// User text (labels, titles, finding messages that quote labels) written into Markdown
// so that it reads as the same text, never as markup: the characters inline syntax is
// made of are backslash-escaped, `<`, `>` and `&` become entities (no tag, no entity of
// the user's), a line break becomes a space (no new block), what would start a block at
// the start of a line is escaped, and web addresses are kept from turning into links.

export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t\f\v]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`)
    .replace(/^(\s*)([#+=-]|\d+[.)](?=\s|$))/, (_, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}
