import type { FlowIndex } from './flow-index.ts';

// What a loss takes down, by propagating "which entries still reach me" as bit sets.
// Only components downstream of the lost ones can change, so the work is bounded by
// that part of the graph, not by the whole document. Entries come in chunks of 32,
// one 32-bit word per component per chunk; designs rarely have more than one chunk.

/** For each chunk of 32 entries, one word per component: bit `k % 32` of
 *  `chunks[k >> 5][v]` says whether entry `index.entries[k]` reaches component `v`. */
export interface EntryReach {
  readonly chunks: readonly Uint32Array[];
}

export function emptyEntryReach(index: FlowIndex): EntryReach {
  const count = Math.max(1, Math.ceil(index.entries.length / 32));
  return { chunks: Array.from({ length: count }, () => new Uint32Array(index.n)) };
}

/** Marks entry `k` as reaching each of `reached`. */
export function addEntryReach(reach: EntryReach, k: number, reached: Iterable<number>): void {
  const chunk = reach.chunks[k >>> 5]!;
  const bit = 1 << (k & 31);
  for (const v of reached) chunk[v]! |= bit;
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

/** Reusable scratch space: one per analysis, so that many losses allocate little. */
export class LossWorkspace {
  private generation = 0;
  private readonly lostMark: Int32Array;
  private readonly downMark: Int32Array;
  private readonly queuedMark: Int32Array;
  private readonly cutMark: Int32Array;
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
    this.cutMark = new Int32Array(n);
    this.entryOf = new Int32Array(n).fill(-1);
    index.entries.forEach((v, k) => (this.entryOf[v] = k));
    this.after = new Uint32Array(n);
    this.list = new Int32Array(n);
    this.work = new Int32Array(n);
  }

  /** What losing all of `lost` at once does to the entries that survive it. */
  lossOf(lost: readonly number[]): Loss {
    const { index, lostMark, cutMark, list } = this;
    const g = ++this.generation;
    for (const v of lost) lostMark[v] = g;
    const size = this.markDownstream(lost, g);

    const entriesAffected = new Set<number>();
    this.reach.chunks.forEach((before, chunk) => {
      const active = this.activeEntries(chunk, g);
      if (active === 0) return;
      this.propagate(before, active, size, chunk, g);
      let affected = 0;
      for (let i = 0; i < size; i++) {
        const v = list[i]!;
        const gone = before[v]! & active & ~(lostMark[v] === g ? 0 : this.after[v]!);
        if (gone === 0) continue;
        cutMark[v] = g;
        if (index.isSink[v]) affected |= gone;
      }
      for (let bit = 0; bit < 32; bit++) if (affected & (1 << bit)) entriesAffected.add(chunk * 32 + bit);
    });

    const cutOff: number[] = [];
    const terminalsCutOff: number[] = [];
    for (let i = 0; i < size; i++) {
      const v = list[i]!;
      if (cutMark[v] !== g) continue;
      cutOff.push(v);
      if (index.isSink[v]) terminalsCutOff.push(v);
    }
    const entries = [...entriesAffected].sort((a, b) => a - b).map((k) => index.entries[k]!);
    return { cutOff, terminalsCutOff, entriesAffected: entries };
  }

  /** Fills `list` with everything downstream of the loss, the lost components first. */
  private markDownstream(lost: readonly number[], g: number): number {
    const { index, downMark, list } = this;
    let size = 0;
    for (const v of lost) {
      if (downMark[v] === g) continue;
      downMark[v] = g;
      list[size++] = v;
    }
    for (let head = 0; head < size; head++) {
      const v = list[head]!;
      for (let i = index.succStart[v]!; i < index.succStart[v + 1]!; i++) {
        const w = index.succ[i]!;
        if (downMark[w] === g) continue;
        downMark[w] = g;
        list[size++] = w;
      }
    }
    return size;
  }

  /** The bits of the chunk's entries that are not themselves lost. */
  private activeEntries(chunk: number, g: number): number {
    const { entries } = this.index;
    let active = 0;
    for (let k = chunk * 32; k < Math.min(entries.length, chunk * 32 + 32); k++) {
      if (this.lostMark[entries[k]!] !== g) active |= 1 << (k & 31);
    }
    return active;
  }

  /** Recomputes, for the downstream components that survive, which of the chunk's
   *  entries still reach them: seeded from upstream components the loss cannot touch,
   *  then pushed along flow edges until nothing changes. */
  private propagate(before: Uint32Array, active: number, size: number, chunk: number, g: number): void {
    const { index, lostMark, downMark, queuedMark, entryOf, after, list, work } = this;
    const { predStart, pred, succStart, succ } = index;
    // A ring buffer: a component is queued at most once at a time, so `n` slots suffice.
    const slots = work.length;
    let tail = 0;
    for (let i = 0; i < size; i++) {
      const v = list[i]!;
      after[v] = 0;
      if (lostMark[v] === g) continue;
      let bits = 0;
      const k = entryOf[v]!;
      if (k >= 0 && k >>> 5 === chunk) bits |= (1 << (k & 31)) & active;
      for (let j = predStart[v]!; j < predStart[v + 1]!; j++) {
        const u = pred[j]!;
        if (downMark[u] !== g) bits |= before[u]! & active;
      }
      after[v] = bits;
      if (bits === 0) continue;
      queuedMark[v] = g;
      work[tail++ % slots] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = work[head % slots]!;
      queuedMark[v] = 0;
      const bits = after[v]!;
      for (let i = succStart[v]!; i < succStart[v + 1]!; i++) {
        const u = succ[i]!;
        if (downMark[u] !== g || lostMark[u] === g) continue;
        const fresh = bits & ~after[u]!;
        if (fresh === 0) continue;
        after[u]! |= fresh;
        if (queuedMark[u] !== g) {
          queuedMark[u] = g;
          work[tail++ % slots] = u;
        }
      }
    }
  }
}
