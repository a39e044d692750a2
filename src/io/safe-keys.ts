import type { Problem } from './errors.ts';
import { formatPath, type PathSegment } from './paths.ts';

// Keys that could reach an object's prototype if some later code copied them with
// plain assignment. JSON.parse turns `"__proto__"` into an ordinary own property, so
// parsing alone is harmless; the danger is downstream. We refuse these keys anywhere in
// a document (the whole import fails and names the path) rather than strip them, so a
// file never opens differently from what it says.

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_REPORTED = 20;

interface Frame {
  value: object;
  key: PathSegment | null;
  parent: Frame | null;
}

function pathOf(frame: Frame, last: PathSegment): PathSegment[] {
  const path: PathSegment[] = [last];
  for (let at: Frame | null = frame; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** Every forbidden key in `value` (own keys of nested objects and arrays, at any
 *  depth, cycles allowed), up to a handful. Iterative: depth cannot overflow the stack. */
export function findForbiddenKeys(value: unknown): Problem[] {
  const problems: Problem[] = [];
  if (typeof value !== 'object' || value === null) return problems;
  const seen = new WeakSet<object>();
  const stack: Frame[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const frame = stack.pop()!;
    if (seen.has(frame.value)) continue;
    seen.add(frame.value);
    const isArray = Array.isArray(frame.value);
    for (const key of Object.keys(frame.value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: formatPath(pathOf(frame, key)), message: `the key ${JSON.stringify(key)} is not allowed anywhere in a document` });
        continue;
      }
      const child: unknown = (frame.value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, key: isArray ? Number(key) : key, parent: frame });
      }
    }
  }
  return problems;
}
