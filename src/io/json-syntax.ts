// Where a JSON text first goes wrong. Engines disagree on JSON.parse's error messages
// (Node 20 and Safari give no position at all), so after JSON.parse has refused a
// text this small scanner finds the offset itself, the same on every engine. It is
// iterative, so a deeply nested text cannot overflow the stack.

export interface JsonSyntaxError {
  /** What is wrong, in plain words. */
  message: string;
  /** 0-based offset in UTF-16 code units, as JSON.parse counts. */
  position: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;

/** 1-based line and column of `position`; \n, \r\n and \r all end a line. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function shown(text: string, at: number): string {
  if (at >= text.length) return 'the end of the text';
  const point = text.codePointAt(at) ?? 0;
  return JSON.stringify(String.fromCodePoint(point));
}

class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  fail(message: string, at = this.at): never {
    throw new SyntaxFailure(message, at);
  }

  skipWhitespace(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text[this.at]!)) this.at++;
  }

  string(): void {
    const start = this.at;
    this.at++; // the opening quote
    for (;;) {
      if (this.at >= this.text.length) {
        const opened = lineColumn(this.text, start);
        this.fail(`the text ends inside a string that starts at line ${opened.line}, column ${opened.column}`);
      }
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at++;
        return;
      }
      if (char === '\\') {
        const next = this.text[this.at + 1];
        if (next === 'u') {
          if (!HEX.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('\\u must be followed by four hex digits');
          this.at += 6;
        } else if (next !== undefined && ESCAPES.has(next)) {
          this.at += 2;
        } else {
          this.fail(`${shown(this.text, this.at + 1)} cannot follow a backslash in a string`, this.at + 1);
        }
        continue;
      }
      if (char.charCodeAt(0) < 0x20) this.fail('a string cannot contain a raw line break or control character; escape it');
      this.at++;
    }
  }

  digits(): void {
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at]! >= '0' && this.text[this.at]! <= '9') this.at++;
    if (this.at === start) this.fail(`expected a digit, found ${shown(this.text, this.at)}`);
  }

  number(): void {
    if (this.text[this.at] === '-') this.at++;
    if (this.text[this.at] === '0') this.at++;
    else this.digits();
    if (this.text[this.at] === '.') {
      this.at++;
      this.digits();
    }
    if (this.text[this.at] === 'e' || this.text[this.at] === 'E') {
      this.at++;
      if (this.text[this.at] === '+' || this.text[this.at] === '-') this.at++;
      this.digits();
    }
  }

  literal(): boolean {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return true;
      }
    }
    return false;
  }
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

type Container = '{' | '[';

function scan(text: string): void {
  const s = new Scanner(text);
  const open: Container[] = [];

  const key = () => {
    s.skipWhitespace();
    if (text[s.at] !== '"') s.fail(`expected a property name in double quotes, found ${shown(text, s.at)}`);
    s.string();
    s.skipWhitespace();
    if (text[s.at] !== ':') s.fail(`expected ":" after the property name, found ${shown(text, s.at)}`);
    s.at++;
  };

  // Each turn reads one value, then closes containers and consumes separators until
  // the next value is due.
  for (;;) {
    s.skipWhitespace();
    const char = text[s.at];
    if (char === '{' || char === '[') {
      open.push(char);
      s.at++;
      s.skipWhitespace();
      const empty = text[s.at] === (char === '{' ? '}' : ']');
      if (!empty) {
        if (char === '{') key();
        continue;
      }
      open.pop();
      s.at++;
    } else if (char === '"') s.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) s.number();
    else if (!s.literal()) s.fail(`expected a value, found ${shown(text, s.at)}`);

    for (;;) {
      s.skipWhitespace();
      const top = open.at(-1);
      if (top === undefined) {
        if (s.at < text.length) s.fail(`unexpected ${shown(text, s.at)} after the end of the JSON value`);
        return;
      }
      const close = top === '{' ? '}' : ']';
      if (text[s.at] === close) {
        open.pop();
        s.at++;
        continue;
      }
      if (text[s.at] !== ',') s.fail(`expected "," or "${close}", found ${shown(text, s.at)}`);
      s.at++;
      if (top === '{') key();
      break;
    }
  }
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (failure) {
    if (!(failure instanceof SyntaxFailure)) throw failure;
    return { message: failure.message, position: failure.position, ...lineColumn(text, failure.position) };
  }
}
