import type { FlowIndex } from './flow-index.ts';

// What a loss takes down, by propagating "which entries still reach me" as bit sets.
// Only components downstream of the lost ones can change, so the work is bounded by
// that part of the graph, not by the whole document.

/** For each component, the entries that reach it: bit `k % 32` of word `v * words + k / 32`
 *  stands for the entry `index.entries[k]`. */
export interface EntryReach {
  readonly words: number;
  readonly bits: Uint32Array;
}

export function emptyEntryReach(index: FlowIndex): EntryReach {
  const words = Math.max(1, Math.ceil(index.entries.length / 32));
  return { words, bits: new Uint32Array(index.n * words) };
}

/** Marks entry `k` as reaching each of `reached`. */
export function addEntryReach(reach: EntryReach, k: number, reached: Iterable<number>): void {
  const word = k >>> 5;
  const bit = 1 << (k & 31);
  for (const v of reached) reach.bits[v * reach.words + word]! |= bit;
}

/** Entry reach by breadth-first search from each entry. */
export function entryReachBySearch(index: FlowIndex): EntryReach {
  const reach = emptyEntryReach(index);
  const seen = new Int32Array(index.n).fill(-1);
  const queue = new Int32Array(index.n);
  index.entries.forEach((entry, k) => {
    let tail = 0;
    queue[tail++] = entry;
    seen[entry] = k;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let i = index.succStart[v]!; i < index.succStart[v + 1]!; i++) {
        const w = index.succ[i]!;
        if (seen[w] !== k) {
          seen[w] = k;
          queue[tail++] = w;
        }
      }
    }
    addEntryReach(reach, k, queue.subarray(0, tail));
  });
  return reach;
}

export interface Loss {
  /** Components that some surviving entry reached before and no longer does (the
   *  lost components themselves included when they were reached), nearest first. */
  readonly cutOff: number[];
  /** The terminals among them. */
  readonly terminalsCutOff: number[];
  /** Surviving entries that can no longer reach a terminal they reached before. */
  readonly entriesAffected: number[];
}

/** Reusable scratch space: one per analysis, so that many losses allocate nothing. */
export class LossWorkspace {
  private generation = 0;
  private readonly lostMark: Int32Array;
  private readonly downMark: Int32Array;
  private readonly queuedMark: Int32Array;
  private readonly entryOf: Int32Array;
  private readonly after: Uint32Array;
  private readonly list: Int32Array;
  private readonly work: Int32Array;

  constructor(
    private readonly index: FlowIndex,
    private readonly reach: EntryReach,
  ) {
    const { n } = index;
    this.lostMark = new Int32Array(n);
    this.downMark = new Int32Array(n);
    this.queuedMark = new Int32Array(n);
    this.entryOf = new Int32Array(n).fill(-1);
    index.entries.forEach((v, k) => (this.entryOf[v] = k));
    this.after = new Uint32Array(n * reach.words);
    this.list = new Int32Array(n);
    this.work = new Int32Array(n);
  }

  /** What losing all of `lost` at once does to the entries that survive it. */
  lossOf(lost: readonly number[]): Loss {
    const { index, reach, lostMark, downMark, after, list } = this;
    const { words, bits: before } = reach;
    const g = ++this.generation;
    for (const v of lost) lostMark[v] = g;

    const active = new Uint32Array(words);
    index.entries.forEach((v, k) => {
      if (lostMark[v] !== g) active[k >>> 5]! |= 1 << (k & 31);
    });

    // Everything downstream of the loss, the lost components first.
    let size = 0;
    for (const v of lost) {
      if (downMark[v] !== g) {
        downMark[v] = g;
        list[size++] = v;
      }
    }
    for (let head = 0; head < size; head++) {
      const v = list[head]!;
      for (let i = index.succStart[v]!; i < index.succStart[v + 1]!; i++) {
        const w = index.succ[i]!;
        if (downMark[w] !== g) {
          downMark[w] = g;
          list[size++] = w;
        }
      }
    }
    this.propagate(size, active, g);

    const cutOff: number[] = [];
    const terminalsCutOff: number[] = [];
    const affected = new Uint32Array(words);
    for (let i = 0; i < size; i++) {
      const v = list[i]!;
      let any = 0;
      for (let w = 0; w < words; w++) {
        const gone = before[v * words + w]! & active[w]! & ~(lostMark[v] === g ? 0 : after[v * words + w]!);
        any |= gone;
        if (index.isSink[v]) affected[w]! |= gone;
      }
      if (any === 0) continue;
      cutOff.push(v);
      if (index.isSink[v]) terminalsCutOff.push(v);
    }
    const entriesAffected: number[] = [];
    index.entries.forEach((v, k) => {
      if (affected[k >>> 5]! & (1 << (k & 31))) entriesAffected.push(v);
    });
    return { cutOff, terminalsCutOff, entriesAffected };
  }

  /** Recomputes the entry bits of the surviving downstream components: seeded from
   *  upstream components the loss cannot touch, then pushed along flow edges. */
  private propagate(size: number, active: Uint32Array, g: number): void {
    const { index, reach, lostMark, downMark, queuedMark, entryOf, after, list, work } = this;
    const { words, bits: before } = reach;
    let tail = 0;
    for (let i = 0; i < size; i++) {
      const v = list[i]!;
      for (let w = 0; w < words; w++) after[v * words + w] = 0;
      if (lostMark[v] === g) continue;
      const k = entryOf[v]!;
      if (k >= 0) after[v * words + (k >>> 5)]! |= 1 << (k & 31);
      for (let i2 = index.predStart[v]!; i2 < index.predStart[v + 1]!; i2++) {
        const u = index.pred[i2]!;
        if (downMark[u] === g) continue;
        for (let w = 0; w < words; w++) after[v * words + w]! |= before[u * words + w]! & active[w]!;
      }
      queuedMark[v] = g;
      work[tail++ % work.length] = v;
    }
    // A ring buffer: a component is queued at most once at a time, so `n` slots suffice.
    for (let head = 0; head < tail; head++) {
      const v = work[head % work.length]!;
      queuedMark[v] = 0;
      for (let i = index.succStart[v]!; i < index.succStart[v + 1]!; i++) {
        const u = index.succ[i]!;
        if (downMark[u] !== g || lostMark[u] === g) continue;
        let grew = 0;
        for (let w = 0; w < words; w++) {
          const fresh = after[v * words + w]! & ~after[u * words + w]!;
          if (fresh !== 0) {
            after[u * words + w]! |= fresh;
            grew = 1;
          }
        }
        if (grew && queuedMark[u] !== g) {
          queuedMark[u] = g;
          work[tail++ % work.length] = u;
        }
      }
    }
  }
}
