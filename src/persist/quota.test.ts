import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota.ts';

describe('isQuotaError', () => {
  it.each([
    ['the standard DOMException', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['Firefox by name', new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED')],
    ['Firefox by legacy code 1014', { name: 'NS_ERROR_FAILURE', code: 1014, message: '' }],
    ['legacy code 22 (old Safari, private mode)', { name: 'Error', code: 22, message: 'QuotaExceededError: DOM Exception 22' }],
    ['Safari IndexedDB', { name: 'UnknownError', message: 'Quota exceeded for this origin' }],
    ['an IDB event', { type: 'abort', target: { error: new DOMException('full', 'QuotaExceededError') } }],
    ['a wrapped cause', new Error('save failed', { cause: new DOMException('full', 'QuotaExceededError') })],
    ['a plain object with the name', { name: 'QuotaExceededError' }],
  ])('recognises %s', (_name, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each([
    ['another DOMException', new DOMException('nope', 'InvalidStateError')],
    ['an AbortError', new DOMException('aborted', 'AbortError')],
    ['a plain error', new Error('quota')],
    ['an unknown IDB error', { name: 'UnknownError', message: 'An internal error was encountered' }],
    ['a number', 22],
    ['an object with code 22 but no name', { code: 22 }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'QuotaExceededError'],
    ['an IDB event without an error', { type: 'abort', target: { error: null } }],
  ])('ignores %s', (_name, error) => {
    expect(isQuotaError(error)).toBe(false);
  });

  it('copes with wrappers that point at themselves', () => {
    const loop: Record<string, unknown> = { name: 'Error' };
    loop.cause = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});
