import type { Direction, MermaidContainer, MermaidEdge, MermaidGraph, MermaidNode, MermaidParse, MermaidRecord, Place } from '../graph.ts';
import { labelText } from '../text.ts';
import { Lexer, SyntaxFailure, type Token } from './lexer.ts';

// A recursive-descent parser for the flowchart syntax Faultline reads:
//
//   document   := frontMatter? header statement* EOF
//   header     := ("flowchart" | "graph" | "flowchart-elk") direction? separator
//   statement  := separator | subgraph | "direction" DIR | skipped | chain
//   subgraph   := "subgraph" (ID shape? | STRING | WORD+) separator statement* "end"
//   skipped    := ("classDef" | "class" | "style" | "linkStyle" | "click" | "accTitle" | "accDescr") ...
//   chain      := group (LINK PIPE? group)*
//   group      := node ("&" node)*
//   node       := ID SHAPE? DATA? (":::" CLASS)?
//
// Styling and interaction (classDef, style, click, ...) are read past: the review
// needs none of them, and a click's URL or callback is never followed. A node belongs
// to the innermost subgraph it is first mentioned in; an edge's ends that name a
// subgraph stand for the subgraph.

const DIRECTIONS: Record<string, Direction> = { LR: 'LR', RL: 'RL', TB: 'TB', TD: 'TB', BT: 'BT' };
const HEADERS = new Set(['flowchart', 'graph', 'flowchart-elk']);
const SKIPPED = new Set(['classDef', 'class', 'style', 'linkStyle', 'click', 'accTitle', 'accDescr']);
/** Subgraphs nest this deep at most; deeper is refused, not recursed into. */
const MAX_DEPTH = 64;

export function parseFlowchart(text: string): MermaidParse {
  try {
    return { ok: true, graph: new FlowchartParser(text).document() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: { message: error.message, at: error.at } };
    throw error;
  }
}

/** The front matter's `title`, and the text with the front matter blanked out (line
 *  breaks kept, so positions stay those of the file). */
function frontMatter(text: string): { title?: string; body: string } {
  const first = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!first) return { body: text };
  let title: string | undefined;
  let at = first[0].length;
  while (at <= text.length) {
    const end = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const line = text.slice(at, end).replace(/\r$/, '');
    if (/^---[ \t]*$/.test(line)) {
      const blank = text.slice(0, end).replace(/[^\n]/g, ' ');
      return { title, body: blank + text.slice(end) };
    }
    if (line.startsWith('title:')) title = yamlScalar(line.slice('title:'.length).trim());
    if (end === text.length) break;
    at = end + 1;
  }
  throw new SyntaxFailure('the front matter opened with "---" is not closed with "---"', { line: 1, column: 1 });
}

function yamlScalar(value: string): string {
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not JSON-compatible: shown as written, less its quotes.
    }
  }
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0] ? value.slice(1, -1) : value;
}

function describeToken(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'the end of the text';
    case 'newline':
      return 'the end of the line';
    case 'word':
      return JSON.stringify(token.text);
    case 'string':
      return 'a quoted string';
    case 'shape':
      return "a node's text";
    case 'link':
      return 'an edge';
    case 'pipe':
      return 'an edge label';
    case 'amp':
      return '"&"';
    case 'class':
      return `":::${token.name}"`;
    case 'data':
      return '"@{...}"';
    case 'record':
      return 'a comment';
  }
}

class FlowchartParser {
  private readonly lexer: Lexer;
  private readonly text: string;
  private readonly title: string | undefined;
  private token: Token;
  private readonly nodes = new Map<string, MermaidNode>();
  private readonly containers = new Map<string, MermaidContainer>();
  private readonly edges: MermaidEdge[] = [];
  private readonly records: MermaidRecord[] = [];
  private readonly open: string[] = [];
  /** `class id name` statements, applied once every node is known. */
  private readonly classed: [string, string][] = [];

  constructor(text: string) {
    const { title, body } = frontMatter(text);
    this.text = body;
    this.title = title;
    this.lexer = new Lexer(body);
    this.token = this.read();
  }

  /** The next token; Faultline's records are collected wherever they stand. */
  private read(): Token {
    for (;;) {
      const token = this.lexer.next();
      if (token.type !== 'record') return token;
      this.records.push({ text: token.text, at: token.at });
    }
  }

  private advance(): Token {
    const token = this.token;
    this.token = this.read();
    return token;
  }

  /** The current token, seen through a call so that checks made before an advance do not narrow it after. */
  private peek(): Token {
    return this.token;
  }

  /** The current token, which the caller has checked is of `type`, and moves on. */
  private take<K extends Token['type']>(type: K): Extract<Token, { type: K }> {
    const token = this.advance();
    if (token.type !== type) throw new Error(`parser bug: took ${token.type} as ${type}`);
    return token as Extract<Token, { type: K }>;
  }

  private fail(message: string, at: Place = this.token.at): never {
    throw new SyntaxFailure(message, at);
  }

  /** A word that stands alone (followed by a blank, a line end or the end). */
  private isKeyword(token: Token, keyword: string): boolean {
    if (token.type !== 'word' || token.text !== keyword) return false;
    const after = this.text[token.end];
    return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r' || after === ';';
  }

  private endOfStatement(): void {
    if (this.token.type === 'newline') this.advance();
    else if (this.token.type !== 'eof') this.fail(`expected the end of the line, found ${describeToken(this.token)}`);
  }

  document(): MermaidGraph {
    while (this.token.type === 'newline') this.advance();
    const header = this.token;
    if (header.type !== 'word' || !HEADERS.has(header.text)) this.fail(`expected "flowchart" or "graph" to start the diagram, found ${describeToken(header)}`);
    this.advance();
    let direction: Direction = 'TB';
    if (this.token.type === 'word' && Object.hasOwn(DIRECTIONS, this.token.text.toUpperCase())) direction = DIRECTIONS[this.take('word').text.toUpperCase()]!;
    this.endOfStatement();
    this.statements(null);
    for (const [id, name] of this.classed) {
      const node = this.nodes.get(id);
      if (node) (node.classes ??= []).push(name);
    }
    // An edge's end that names a subgraph is the subgraph, not a node of its own.
    const nodes = [...this.nodes.values()].filter((node) => !this.containers.has(node.id));
    return { diagram: 'flowchart', direction, title: this.title, nodes, containers: [...this.containers.values()], edges: this.edges, junctions: [], records: this.records };
  }

  private statements(subgraph: { id: string; at: Place } | null): void {
    for (;;) {
      const token = this.token;
      if (token.type === 'newline') {
        this.advance();
        continue;
      }
      if (token.type === 'eof') {
        if (subgraph) this.fail(`subgraph ${JSON.stringify(subgraph.id)} is not closed with "end"`, subgraph.at);
        return;
      }
      if (token.type !== 'word') this.fail(`expected a node id, found ${describeToken(token)}`);
      if (this.isKeyword(token, 'end')) {
        if (!subgraph) this.fail('"end" without a subgraph to close');
        this.advance();
        this.endOfStatement();
        return;
      }
      if (this.isKeyword(token, 'subgraph')) this.subgraph();
      else if (this.isKeyword(token, 'direction')) {
        this.advance();
        if (this.token.type !== 'word' || !Object.hasOwn(DIRECTIONS, this.token.text.toUpperCase())) this.fail(`expected a direction (LR, RL, TB, TD, BT), found ${describeToken(this.token)}`);
        this.advance();
        this.endOfStatement();
      } else if (token.type === 'word' && SKIPPED.has(token.text) && this.skippable(token)) {
        this.skip(token);
      } else this.chain();
    }
  }

  /** `accTitle: ...`, `accDescr { ... }` or a keyword followed by a blank. */
  private skippable(token: Extract<Token, { type: 'word' }>): boolean {
    const after = this.text[token.end];
    if (token.text.startsWith('acc')) return after === ':' || after === ' ' || after === '{';
    return this.isKeyword(token, token.text);
  }

  private skip(token: Extract<Token, { type: 'word' }>): void {
    const rest = this.lexer.restOfLine();
    if (token.text === 'class') {
      // `class a,b name`: the names are kept, as `:::name` is; the styling is not.
      const [ids = '', name] = rest.trim().split(/\s+/);
      if (name !== undefined) for (const id of ids.split(',')) if (id !== '') this.classed.push([id, name]);
    }
    if (token.text === 'accDescr' && rest.trim().startsWith('{') && !rest.includes('}')) {
      // A multi-line description runs to its closing brace.
      for (;;) {
        const next = this.lexer.next();
        if (next.type === 'eof') this.fail('"accDescr {" is not closed with "}"', token.at);
        if (next.type === 'newline' && this.lexer.restOfLine().includes('}')) break;
      }
    }
    this.token = this.read();
    this.endOfStatement();
  }

  private subgraph(): void {
    const keyword = this.advance();
    if (this.open.length >= MAX_DEPTH) this.fail(`subgraphs nest more than ${MAX_DEPTH} deep`, keyword.at);
    let id: string;
    let label: string;
    const start = this.token;
    if (start.type === 'string') {
      this.advance();
      label = labelText(start.text);
      id = start.text;
    } else if (start.type === 'word') {
      this.advance();
      if (this.token.type === 'shape') {
        id = start.text;
        label = labelText(this.take('shape').text);
      } else {
        const words = [start.text];
        while (this.token.type === 'word') words.push(this.take('word').text);
        id = words.join(' ');
        label = labelText(id);
      }
    } else this.fail(`expected a subgraph id or title, found ${describeToken(start)}`);
    if (this.containers.has(id) || this.nodes.get(id)?.shape) this.fail(`${JSON.stringify(id)} is defined twice`, start.at);
    this.endOfStatement();
    this.containers.set(id, { id, label, parent: this.open.at(-1), at: start.at });
    this.open.push(id);
    this.statements({ id, at: start.at });
    this.open.pop();
  }

  private chain(): void {
    let sources = this.group();
    while (this.token.type === 'link') {
      const link = this.take('link');
      let label = link.text ?? '';
      if (this.peek().type === 'pipe') label = this.take('pipe').text;
      if (this.peek().type !== 'word') this.fail(`expected a node id after the edge, found ${describeToken(this.token)}`);
      const targets = this.group();
      for (const source of sources) {
        for (const target of targets) this.edges.push({ source, target, label: labelText(label), stroke: link.stroke, heads: link.heads, at: link.at });
      }
      sources = targets;
    }
    this.endOfStatement();
  }

  private group(): string[] {
    const ids = [this.node()];
    while (this.token.type === 'amp') {
      this.advance();
      if (this.peek().type !== 'word') this.fail(`expected a node id after "&", found ${describeToken(this.token)}`);
      ids.push(this.node());
    }
    return ids;
  }

  private node(): string {
    const token = this.advance();
    if (token.type !== 'word') this.fail(`expected a node id, found ${describeToken(token)}`, token.at);
    const node = this.mention(token.text, token.at);
    if (this.token.type === 'shape') {
      const shape = this.take('shape');
      node.shape = shape.shape;
      node.label = labelText(shape.text);
    }
    if (this.token.type === 'data') this.shapeData(node, this.take('data'));
    if (this.token.type === 'class') (node.classes ??= []).push(this.take('class').name);
    return node.id;
  }

  private mention(id: string, at: Place): MermaidNode {
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, label: labelText(id), shape: null, at };
      this.nodes.set(id, node);
    }
    if (node.parent === undefined && this.open.length > 0 && this.open.at(-1) !== id) node.parent = this.open.at(-1);
    return node;
  }

  /** `@{ shape: cyl, label: "Orders" }`: comma-separated `key: value` pairs. */
  private shapeData(node: MermaidNode, token: Extract<Token, { type: 'data' }>): void {
    const text = token.text;
    let at = 0;
    const blanks = () => {
      while (at < text.length && /\s/.test(text[at]!)) at++;
    };
    while (at < text.length) {
      blanks();
      const keyStart = at;
      while (at < text.length && /[\w-]/.test(text[at]!)) at++;
      const key = text.slice(keyStart, at);
      blanks();
      if (key === '' || text[at] !== ':') {
        if (at >= text.length && key === '') break;
        this.fail('expected "key: value" pairs in "@{...}"', token.at);
      }
      at++;
      blanks();
      let value: string;
      if (text[at] === '"') {
        const close = text.indexOf('"', at + 1);
        value = text.slice(at + 1, close);
        at = close + 1;
      } else {
        const valueStart = at;
        while (at < text.length && text[at] !== ',' && text[at] !== '\n') at++;
        value = text.slice(valueStart, at).trim();
      }
      if (key === 'shape') node.shapeName = value;
      else if (key === 'label') node.label = labelText(value);
      else if (key === 'icon' && node.shapeName === undefined) node.shapeName = value;
      blanks();
      if (text[at] === ',') at++;
    }
  }
}
