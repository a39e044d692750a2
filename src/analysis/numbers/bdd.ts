// A reduced ordered binary decision diagram: a boolean function of independent yes/no
// variables ("is this unit up?") kept as a shared graph in which no two nodes mean the
// same thing. It is what makes availability exact without listing every state:
//
// - Series and parallel parts fold as they are built (x ∧ y, x ∨ y), and a part shared
//   by several paths is one node, so the decomposition on shared components that a
//   by-hand calculation does comes for free.
// - Groups take the first variables, so the top of every diagram splits on the state of
//   the zones and regions: the common causes are enumerated, everything under them is
//   conditioned on them.
// - A function is compiled once; its probability under any set of unit figures (the
//   defaults, a unit made perfect, units failed by hand) is one pass over the nodes.
//
// Nodes live in flat arrays. Node 0 is "false" (the entry does not work), node 1 is
// "true". A node's children are always older than the node itself, so walking the ids
// upwards visits every child before its parents.

export const FALSE = 0;
export const TRUE = 1;

const AND = 0;
const OR = 1;

/** Recursion deeper than this gives up instead of overflowing the stack. */
const MAX_DEPTH = 5_000;

export class Bdd {
  /** Variables are numbered by their place in the order, 0 first. */
  readonly variables: number;
  private level: Int32Array;
  private low: Int32Array;
  private high: Int32Array;
  private count = 2;
  private table: Int32Array;
  private cacheA: Int32Array;
  private cacheB: Int32Array;
  private cacheResult: Int32Array;
  private steps = 0;
  private limit = Infinity;
  /** Set once the current build passed its limit; its results then mean nothing. */
  overLimit = false;

  constructor(variables: number) {
    this.variables = variables;
    const capacity = 1 << 10;
    this.level = new Int32Array(capacity);
    this.low = new Int32Array(capacity);
    this.high = new Int32Array(capacity);
    this.level[FALSE] = this.level[TRUE] = variables;
    this.table = new Int32Array(capacity * 2);
    const cache = 1 << 16;
    this.cacheA = new Int32Array(cache).fill(-1);
    this.cacheB = new Int32Array(cache);
    this.cacheResult = new Int32Array(cache);
  }

  /** Nodes made so far, the two terminals included. */
  get size(): number {
    return this.count;
  }

  /** Starts a build that may take at most `steps` more operations (Infinity: no limit). */
  startBuild(steps: number): void {
    this.steps = 0;
    this.limit = steps;
    this.overLimit = false;
  }

  variable(v: number): number {
    return this.node(v, FALSE, TRUE);
  }

  and(a: number, b: number): number {
    return this.apply(AND, a, b, 0);
  }

  or(a: number, b: number): number {
    return this.apply(OR, a, b, 0);
  }

  /** The variable a node splits on, or `variables` for a terminal. */
  levelOf(node: number): number {
    return this.level[node]!;
  }

  /**
   * For every node, the chance that its function is false when variable v is false with
   * chance q[v] and the variables are independent. Unavailability is the figure worked
   * with, not availability, so five nines keep their digits instead of rounding into 1.
   */
  falseChances(q: Float64Array): Float64Array {
    const chance = new Float64Array(this.count);
    chance[FALSE] = 1;
    for (let n = 2; n < this.count; n++) {
      const qv = q[this.level[n]!]!;
      chance[n] = qv * chance[this.low[n]!]! + (1 - qv) * chance[this.high[n]!]!;
    }
    return chance;
  }

  /**
   * How much the chance that `root` is true grows per unit of each variable's chance of
   * being true (Birnbaum's importance), from the false chances `falseChance` computed
   * for the same `q`. Only the nodes under `root` are visited.
   */
  sensitivity(root: number, q: Float64Array, falseChance: Float64Array): Map<number, number> {
    const under = this.nodesUnder(root);
    const reach = new Map<number, number>([[root, 1]]);
    const result = new Map<number, number>();
    for (const n of under) {
      const r = reach.get(n) ?? 0;
      const v = this.level[n]!;
      const lo = this.low[n]!;
      const hi = this.high[n]!;
      result.set(v, (result.get(v) ?? 0) + r * (falseChance[lo]! - falseChance[hi]!));
      const qv = q[v]!;
      if (lo > TRUE) reach.set(lo, (reach.get(lo) ?? 0) + r * qv);
      if (hi > TRUE) reach.set(hi, (reach.get(hi) ?? 0) + r * (1 - qv));
    }
    return result;
  }

  /** The inner nodes under `root`, parents before children. */
  private nodesUnder(root: number): number[] {
    if (root <= TRUE) return [];
    const seen = new Set<number>([root]);
    const stack = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      for (const child of [this.low[n]!, this.high[n]!]) {
        if (child > TRUE && !seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return [...seen].sort((a, b) => b - a);
  }

  private apply(op: number, a: number, b: number, depth: number): number {
    if (op === AND) {
      if (a === FALSE || b === FALSE) return FALSE;
      if (a === TRUE || a === b) return b;
      if (b === TRUE) return a;
    } else {
      if (a === TRUE || b === TRUE) return TRUE;
      if (a === FALSE || a === b) return b;
      if (b === FALSE) return a;
    }
    if (this.overLimit) return FALSE;
    if (a > b) [a, b] = [b, a];
    const slot = ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ op) >>> 0) & (this.cacheA.length - 1);
    const keyA = a * 2 + op;
    if (this.cacheA[slot] === keyA && this.cacheB[slot] === b) return this.cacheResult[slot]!;
    if (++this.steps > this.limit || depth > MAX_DEPTH) {
      this.overLimit = true;
      return FALSE;
    }
    const la = this.level[a]!;
    const lb = this.level[b]!;
    const top = la < lb ? la : lb;
    const a0 = la === top ? this.low[a]! : a;
    const a1 = la === top ? this.high[a]! : a;
    const b0 = lb === top ? this.low[b]! : b;
    const b1 = lb === top ? this.high[b]! : b;
    const lo = this.apply(op, a0, b0, depth + 1);
    const hi = this.apply(op, a1, b1, depth + 1);
    if (this.overLimit) return FALSE;
    const result = this.node(top, lo, hi);
    this.cacheA[slot] = keyA;
    this.cacheB[slot] = b;
    this.cacheResult[slot] = result;
    return result;
  }

  /** The one node for (v, lo, hi): made once, found again by the unique table. */
  private node(v: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    const mask = this.table.length - 1;
    let slot = hash(v, lo, hi) & mask;
    for (;;) {
      const found = this.table[slot]!;
      if (found === 0) break;
      if (this.level[found] === v && this.low[found] === lo && this.high[found] === hi) return found;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.level.length) this.grow();
    const id = this.count++;
    this.level[id] = v;
    this.low[id] = lo;
    this.high[id] = hi;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.table[slot] = id;
    return id;
  }

  private grow(): void {
    const capacity = this.level.length * 2;
    const copy = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.level = copy(this.level);
    this.low = copy(this.low);
    this.high = copy(this.high);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    for (let id = 2; id < this.count; id++) {
      let slot = hash(this.level[id]!, this.low[id]!, this.high[id]!) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}

function hash(v: number, lo: number, hi: number): number {
  return (Math.imul(v, 0x27d4eb2d) ^ Math.imul(lo, 0x165667b1) ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}
