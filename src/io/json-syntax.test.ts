import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, locateJsonError } from './json-syntax.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 5, 'expected a value, found "}"'],
    ['{"a":1,}', 7, 'expected a property name in double quotes, found "}"'],
    ['[1,]', 3, 'expected a value, found "]"'],
    ['{a:1}', 1, 'expected a property name in double quotes, found "a"'],
    ['{"a" 1}', 5, 'expected ":" after the property name, found "1"'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{"a":1 "b":2}', 7, 'expected "," or "}", found "\\""'],
    ['[01]', 2, 'expected "," or "]", found "1"'],
    ['[-]', 2, 'expected a digit, found "]"'],
    ['[1.]', 3, 'expected a digit, found "]"'],
    ['[1e]', 3, 'expected a digit, found "]"'],
    ['"\\x"', 2, '"x" cannot follow a backslash in a string'],
    ['"\\u12G4"', 1, '\\u must be followed by four hex digits'],
    ['"a\nb"', 2, 'a string cannot contain a raw line break or control character; escape it'],
    ['{"a":1}}', 7, 'unexpected "}" after the end of the JSON value'],
    ['tru', 0, 'expected a value, found "t"'],
    ['', 0, 'expected a value, found the end of the text'],
    ['   ', 3, 'expected a value, found the end of the text'],
    ['[1,2', 4, 'expected "," or "]", found the end of the text'],
    ['{"a":"bc', 8, 'the text ends inside a string that starts at line 1, column 6'],
    ['\uFEFF{}', 0, 'expected a value, found "\uFEFF"'],
    ['[NaN]', 1, 'expected a value, found "N"'],
  ])('%j fails at %i', (text, position, message) => {
    expect(parses(text)).toBe(false);
    expect(locateJsonError(text)).toMatchObject({ position, message });
  });

  it('counts lines and columns, whatever the line endings', () => {
    expect(locateJsonError('{\n  "a": 1,\r\n  "b": ?\n}')).toMatchObject({ line: 3, column: 8 });
    expect(lineColumn('a\rb\r\nc\nd', 7)).toEqual({ line: 4, column: 1 });
  });

  it('accepts deeply nested JSON without overflowing the stack', () => {
    const depth = 200_000;
    expect(locateJsonError('['.repeat(depth) + ']'.repeat(depth))).toBeNull();
    expect(locateJsonError('['.repeat(depth) + ']'.repeat(depth - 1))).toMatchObject({ position: 2 * depth - 1 });
  });

  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom('', ' ', '\n', '\t', '\r\n'), (json, pad) => {
        expect(locateJsonError(pad + json + pad)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([json, cut, at, insert]) => {
        const truncated = json.slice(0, cut % (json.length + 1));
        const spot = at % (truncated.length + 1);
        return truncated.slice(0, spot) + insert + truncated.slice(spot);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(locateJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
