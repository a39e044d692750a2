import type { NodeShape, Place, Stroke } from '../graph.ts';

// The flowchart tokenizer. Mermaid's flowchart syntax is context-sensitive: what is
// inside a node's brackets, between `|` bars or in `A -- text --> B` is free text in
// which `-->` means nothing, so the lexer reads a whole shape, edge label or link as
// one token. It runs on demand, one token ahead of the parser, and tracks line and
// column for every token.

export type Token = (
  | { type: 'newline' }
  | { type: 'word'; text: string }
  | { type: 'string'; text: string }
  | { type: 'shape'; shape: NodeShape; text: string }
  | { type: 'link'; stroke: Stroke; heads: { start: boolean; end: boolean }; text?: string }
  | { type: 'pipe'; text: string }
  | { type: 'amp' }
  | { type: 'class'; name: string }
  | { type: 'data'; text: string }
  | { type: 'record'; text: string }
  | { type: 'eof' }
) & { at: Place; offset: number; end: number };

export type TokenType = Token['type'];

/** Thrown inside the parser only; `parseFlowchart` returns it as a value. */
export class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly at: Place,
  ) {
    super(message);
  }
}

const WORD = /[\p{L}\p{N}_]/u;
function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  // ASCII first, without the regular expression: most ids are.
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD.test(char);
}
const isHead = (char: string | undefined) => char === '>' || char === 'o' || char === 'x';

interface ShapeSyntax {
  open: string;
  shape: NodeShape;
  /** Closers that may end it, each with the shape it then is. */
  close: readonly (readonly [string, NodeShape])[];
}

// Longest openers first: `(((` before `((` before `(`.
const SHAPES: readonly ShapeSyntax[] = [
  { open: '(((', shape: 'double-circle', close: [[')))', 'double-circle']] },
  { open: '((', shape: 'circle', close: [['))', 'circle']] },
  { open: '([', shape: 'stadium', close: [['])', 'stadium']] },
  { open: '[(', shape: 'cylinder', close: [[')]', 'cylinder']] },
  { open: '[[', shape: 'subroutine', close: [[']]', 'subroutine']] },
  { open: '[/', shape: 'parallelogram', close: [['/]', 'parallelogram'], ['\\]', 'trapezoid']] },
  { open: '[\\', shape: 'parallelogram', close: [['\\]', 'parallelogram'], ['/]', 'trapezoid']] },
  { open: '{{', shape: 'hexagon', close: [['}}', 'hexagon']] },
  { open: '(', shape: 'round', close: [[')', 'round']] },
  { open: '[', shape: 'rect', close: [[']', 'rect']] },
  { open: '{', shape: 'rhombus', close: [['}', 'rhombus']] },
  { open: '>', shape: 'asymmetric', close: [[']', 'asymmetric']] },
];

export class Lexer {
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private previous: Token | null = null;

  constructor(private readonly text: string) {}

  place(offset = this.offset): Place {
    if (offset >= this.lineStart) return { line: this.line, column: offset - this.lineStart + 1 };
    // An error about an earlier line: counted afresh, which only errors need.
    const before = this.text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }

  fail(message: string, offset = this.offset): never {
    throw new SyntaxFailure(message, this.place(offset));
  }

  private char(at = this.offset): string | undefined {
    return this.text[at];
  }

  private startsWith(literal: string, at = this.offset): boolean {
    return this.text.startsWith(literal, at);
  }

  /** Moves to `to`, counting the line breaks passed. */
  private advance(to: number): void {
    for (let at = this.offset; at < to; at++) {
      if (this.text[at] === '\n') {
        this.line++;
        this.lineStart = at + 1;
      }
    }
    this.offset = to;
  }

  private make<T extends Omit<Token, 'at' | 'offset' | 'end'>>(start: number, startPlace: Place, token: T): T & { at: Place; offset: number; end: number } {
    const made = { ...token, at: startPlace, offset: start, end: this.offset };
    this.previous = made as unknown as Token;
    return made;
  }

  /** Spaces and tabs; line breaks are tokens. */
  private skipBlanks(): void {
    let at = this.offset;
    while (this.text[at] === ' ' || this.text[at] === '\t' || (this.text[at] === '\r' && this.text[at + 1] !== '\n') || this.text[at] === '\uFEFF') at++;
    if (this.text[at] === '\r') at++;
    this.advance(at);
  }

  /** The raw rest of the line (for statements Faultline skips: classDef, style, click). */
  restOfLine(): string {
    const end = this.lineEnd(this.offset);
    const text = this.text.slice(this.offset, end);
    this.advance(end);
    return text;
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** The next token. */
  next(): Token {
    this.skipBlanks();
    const start = this.offset;
    const at = this.place();
    const char = this.char();
    if (char === undefined) return this.make(start, at, { type: 'eof' });
    if (char === '\n' || char === ';') {
      this.advance(start + 1);
      return this.make(start, at, { type: 'newline' });
    }
    if (this.startsWith('%%')) return this.comment(start, at);
    if (char === '"') return this.make(start, at, { type: 'string', text: this.quoted() });
    if (char === '&') {
      this.advance(start + 1);
      return this.make(start, at, { type: 'amp' });
    }
    if (char === '|') return this.pipe(start, at);
    if (this.startsWith(':::')) {
      const nameEnd = this.wordEnd(start + 3);
      if (nameEnd === start + 3) this.fail('expected a class name after ":::"', start + 3);
      this.advance(nameEnd);
      return this.make(start, at, { type: 'class', name: this.text.slice(start + 3, nameEnd) });
    }
    if (this.startsWith('@{')) return this.data(start, at);
    const link = this.linkAt(start, at);
    if (link) return link;
    // `>` opens a shape only right after a node id: `id>text]`.
    const afterWord = this.previous?.type === 'word' && this.previous.end === start;
    const shape = SHAPES.find((syntax) => this.startsWith(syntax.open) && (syntax.open !== '>' || afterWord));
    if (shape) return this.shape(shape, start, at);
    if (isWordChar(char)) {
      const end = this.wordEnd(start);
      this.advance(end);
      return this.make(start, at, { type: 'word', text: this.text.slice(start, end) });
    }
    this.fail(`unexpected ${JSON.stringify(char)}`);
  }

  /** Letters, digits and `_`, with single `-` between them (`order-service`). */
  private wordEnd(from: number): number {
    let at = from;
    while (at < this.text.length) {
      if (isWordChar(this.text[at])) at++;
      else if (this.text[at] === '-' && at > from && isWordChar(this.text[at + 1])) at++;
      else break;
    }
    return at;
  }

  private comment(start: number, at: Place): Token {
    if (this.startsWith('%%{')) {
      // A directive (`%%{init: ...}%%`): configuration, skipped whole.
      const end = this.text.indexOf('}%%', start);
      if (end === -1) this.fail('a "%%{" directive is not closed with "}%%"');
      this.advance(end + 3);
      return this.next();
    }
    const end = this.lineEnd(start);
    const body = this.text.slice(start + 2, end).trim();
    this.advance(end);
    if (body.startsWith('faultline:')) return this.make(start, at, { type: 'record', text: body.slice('faultline:'.length).trim() });
    return this.next();
  }

  /** A double-quoted string from the current offset; Mermaid has no escapes in them
   *  (it writes `#quot;`), and they may run over several lines. */
  private quoted(): string {
    const start = this.offset;
    const end = this.text.indexOf('"', start + 1);
    if (end === -1) this.fail('a string is not closed with "');
    this.advance(end + 1);
    return this.text.slice(start + 1, end);
  }

  private pipe(start: number, at: Place): Token {
    this.advance(start + 1);
    this.skipBlanks();
    let text: string;
    if (this.char() === '"') {
      text = this.quoted();
      this.skipBlanks();
      if (this.char() !== '|') this.fail('expected "|" to close the edge label');
    } else {
      const end = this.text.indexOf('|', this.offset);
      const lineEnd = this.lineEnd(this.offset);
      if (end === -1 || end > lineEnd) this.fail('an edge label is not closed with "|"', start);
      text = this.text.slice(this.offset, end);
      this.advance(end);
    }
    this.advance(this.offset + 1);
    return this.make(start, at, { type: 'pipe', text });
  }

  private data(start: number, at: Place): Token {
    // `@{ shape: cyl, label: "Orders" }`: quoted values may hold braces.
    let at2 = start + 2;
    while (at2 < this.text.length && this.text[at2] !== '}') {
      if (this.text[at2] === '"') {
        const close = this.text.indexOf('"', at2 + 1);
        if (close === -1) this.fail('a string is not closed with "', at2);
        at2 = close;
      }
      at2++;
    }
    if (at2 >= this.text.length) this.fail('"@{" is not closed with "}"', start);
    this.advance(at2 + 1);
    return this.make(start, at, { type: 'data', text: this.text.slice(start + 2, at2) });
  }

  private shape(syntax: ShapeSyntax, start: number, at: Place): Token {
    this.advance(start + syntax.open.length);
    this.skipBlanks();
    const closer = (from: number) => syntax.close.find(([close]) => this.startsWith(close, from));
    let text: string;
    let found: readonly [string, NodeShape] | undefined;
    if (this.char() === '"') {
      text = this.quoted();
      this.skipBlanks();
      found = closer(this.offset);
      if (!found) this.fail(`expected ${syntax.close.map(([close]) => JSON.stringify(close)).join(' or ')} after the quoted text`);
    } else {
      let end = this.offset;
      while (end < this.text.length && this.text[end] !== '\n' && !(found = closer(end))) end++;
      if (!found) this.fail(`a node's text opened with ${JSON.stringify(syntax.open)} is not closed with ${syntax.close.map(([close]) => JSON.stringify(close)).join(' or ')}`, start);
      text = this.text.slice(this.offset, end);
      this.advance(end);
    }
    this.advance(this.offset + found[0].length);
    return this.make(start, at, { type: 'shape', shape: found[1], text });
  }

  /** A link at `start`, or null when none starts there. */
  private linkAt(start: number, at: Place): Token | null {
    let cursor = start;
    let startHead = false;
    const body = (from: number) => this.startsWith('--', from) || this.startsWith('==', from) || this.startsWith('-.', from) || this.startsWith('~~~', from);
    if (this.char(cursor) === '<' || ((this.char(cursor) === 'o' || this.char(cursor) === 'x') && !isWordChar(this.char(cursor - 1)) && body(cursor + 1))) {
      if (!body(cursor + 1)) return null;
      startHead = true;
      cursor++;
    }
    if (!body(cursor)) return null;
    const run = (char: string, from: number) => {
      let end = from;
      while (this.text[end] === char) end++;
      return end - from;
    };
    const endsHere = (to: number, headAt: number, stroke: Stroke) => {
      const head = isHead(this.char(headAt)) && (this.char(headAt) === '>' || !isWordChar(this.char(headAt + 1)));
      this.advance(head ? headAt + 1 : to);
      return this.make(start, at, { type: 'link', stroke, heads: { start: startHead, end: head } });
    };
    const c = this.char(cursor)!;
    if (c === '~') return endsHere(cursor + run('~', cursor), -1, 'invisible');
    if (c === '-' && this.char(cursor + 1) === '.') {
      const dots = run('.', cursor + 1);
      const after = cursor + 1 + dots;
      if (this.char(after) === '-') return endsHere(after + 1, after + 1, 'dotted');
      return this.labelledLink(start, at, after, 'dotted', startHead);
    }
    const n = run(c, cursor);
    const after = cursor + n;
    const stroke: Stroke = c === '=' ? 'thick' : 'solid';
    const headFollows = isHead(this.char(after)) && (this.char(after) === '>' || !isWordChar(this.char(after + 1)));
    if (headFollows || n >= 3) return endsHere(after, after, stroke);
    return this.labelledLink(start, at, after, stroke, startHead);
  }

  /** `A -- text --> B`, `A -. text .-> B`, `A == text ==> B`: the text runs to the
   *  first closer on the line. */
  private labelledLink(start: number, at: Place, from: number, stroke: Stroke, startHead: boolean): Token {
    const lineEnd = this.lineEnd(from);
    const char = stroke === 'thick' ? '=' : '-';
    for (let cursor = from; cursor < lineEnd; cursor++) {
      let end = -1;
      if (stroke === 'dotted') {
        if (this.text[cursor] === '.') {
          let dash = cursor;
          while (this.text[dash] === '.') dash++;
          if (this.text[dash] === '-') end = dash + 1;
        }
      } else if (this.text[cursor] === char && this.text[cursor + 1] === char) {
        let after = cursor;
        while (this.text[after] === char) after++;
        if (after - cursor >= 3 || isHead(this.text[after])) end = after;
      }
      if (end === -1) continue;
      const head = isHead(this.text[end]) && (this.text[end] === '>' || !isWordChar(this.text[end + 1]));
      const text = this.text.slice(from, cursor).trim();
      this.advance(head ? end + 1 : end);
      return this.make(start, at, { type: 'link', stroke, heads: { start: startHead, end: head }, text: text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text });
    }
    this.fail(`an edge label started with ${JSON.stringify(this.text.slice(start, from))} is not closed on its line (write "-- text -->" or "-->|text|")`, start);
  }
}
