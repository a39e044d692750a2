// Recognises "storage is full" however a browser says it:
//   - DOMException named QuotaExceededError (the standard; Chrome, Firefox, Safari,
//     and Chrome's newer QuotaExceededError class keeps the name),
//   - legacy code 22 (QUOTA_EXCEEDED_ERR; old Safari, including private mode: "DOM
//     Exception 22"),
//   - Firefox's NS_ERROR_DOM_QUOTA_REACHED (by name, or legacy code 1014),
//   - Safari's IndexedDB "UnknownError" whose message speaks of the quota,
// and the same errors when wrapped: an IDB request or transaction event
// (`event.target.error`) or an object carrying them as `error` or `cause`.
//
//   isQuotaError(e: unknown): boolean

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_CODES = new Set([22, 1014]);
const QUOTA_MESSAGE = /quota/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function looksLikeQuota(error: ErrorLike): boolean {
  if (typeof error.name === 'string' && QUOTA_NAMES.has(error.name)) return true;
  // Codes are only meaningful on DOMExceptions, which always carry a name.
  if (typeof error.name === 'string' && typeof error.code === 'number' && QUOTA_CODES.has(error.code)) return true;
  return error.name === 'UnknownError' && typeof error.message === 'string' && QUOTA_MESSAGE.test(error.message);
}

export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Follow wrappers a few levels at most: event.target.error, { error }, { cause }.
  for (let depth = 0; depth < 4 && isObject(current) && !seen.has(current); depth++) {
    seen.add(current);
    if (looksLikeQuota(current)) return true;
    const target = current.target;
    current = isObject(target) && 'error' in target ? target.error : (current.error ?? current.cause);
  }
  return false;
}
