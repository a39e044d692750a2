import { describe, expect, it } from 'vitest';
import { markdownText } from './markdown-text.ts';

describe('markdownText', () => {
  it.each([
    ['URL database', 'URL database'],
    ['99.9% of *reads*', '99.9% of \\*reads\\*'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['a | b', 'a \\| b'],
    ['# Heading', '\\# Heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['two\nlines', 'two lines'],
    ['see https://example.com', 'see https\\://example.com'],
    ['www.example.com', 'www\\.example.com'],
    ['&amp; stays text', '&amp;amp; stays text'],
    ['`code` and _em_ and ~strike~ and back\\slash', '\\`code\\` and \\_em\\_ and \\~strike\\~ and back\\\\slash'],
  ])('%j becomes %j', (text, markdown) => {
    expect(markdownText(text)).toBe(markdown);
  });
});
