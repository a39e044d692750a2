// Small pieces of English for finding messages.

/** 12345 -> "12,345" (by hand: toLocaleString is slow enough to show in a 100,000-finding run). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". `total` counts items not in `names`. */
export function listOf(names: readonly string[], max = 3, total = names.length): string {
  const shown = names.slice(0, Math.min(max, names.length));
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest)} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "1 component", "3 components", "10,000 components". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

// Words that end in "s" and still name one thing, as labels use them.
const SINGULAR_IN_S = new Set(['redis', 'postgres', 'kubernetes', 'analytics', 'news', 'status', 'kinesis', 'elasticsearch', 'opensearch', 'bus']);

/** Whether a label names several things: "API servers", "Mobile users"; not "Redis", "DNS". */
export function looksPlural(label: string): boolean {
  const last = label.trim().split(/\s+/).pop() ?? '';
  if (last.length < 3 || last === last.toUpperCase()) return false;
  const word = last.toLowerCase();
  return word.endsWith('s') && !/(ss|us|is|os)$/.test(word) && !SINGULAR_IN_S.has(word);
}

/** The verb for a subject made of `labels` (`total` of them in all): "Web server depends",
 *  "API servers depend", "A and B depend". */
export function verbFor(labels: readonly string[], total: number, singular: string, plural: string): string {
  return total === 1 && labels.length === 1 && !looksPlural(labels[0]!) ? singular : plural;
}

/** A group as a sentence names it: "zone us-east-1a", but "AWS region", not "region AWS region". */
export function groupName(label: string, kind: 'region' | 'zone'): string {
  const words = kind === 'zone' ? /\b(zone|az|availability zone)\b/i : /\bregion\b/i;
  return words.test(label) ? label : `${kind} ${label}`;
}

/** "API servers call", "Web calls": a label as the subject of a verb in the present tense. */
export function subject(label: string, singular: string, plural: string): string {
  return `${label} ${looksPlural(label) ? plural : singular}`;
}
