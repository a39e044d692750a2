import type { DependencyModel } from './dependencies.ts';
import { needGraph, partsInOrder } from './need-graph.ts';

// Which single failure units stop each entry, for every unit at once.
//
// Write K(c) for the units whose loss alone stops component c. A component stops when
// it is lost itself (it fails alone, or a group around it fails) or when one of its
// need sets loses every member, so
//
//     K(c) = own(c) ∪ ⋃ over need sets S of c of ⋂ over working members t of S of K(t)
//
// and K is the least solution: a unit stops c only through a finite chain of losses,
// which is exactly what taking away from the all-up state follows. Sets that a client
// serves never fail and are skipped. Members that do not work with everything up are
// already gone and cannot help, so they are left out of the intersection.
//
// K is kept as a bit set over the units. Components are visited one strongly
// connected part of the need graph at a time, members before the components that need
// them; inside a cycle the equations are iterated until nothing grows. A bit set
// nobody reads any more goes back to a pool, and a component that needs exactly one
// thing takes over that thing's bit set when it is its only reader, so a long chain
// costs one bit set, not one per link.

export interface KillerInput {
  readonly model: DependencyModel;
  /** The all-up state: 1 for each working component. */
  readonly working: Uint8Array;
  /** 32-bit words per bit set: one bit per unit. */
  readonly words: number;
  /** The units whose loss takes component `v` down directly (itself, its groups). */
  own(v: number): readonly number[];
}

/** For each entry that works with everything up, the bit set of the units that stop it. */
export function killersOfEntries(input: KillerInput): Map<number, Uint32Array> {
  const { model, working, words } = input;
  const { n, setStart, memberStart, members, alwaysMet, isEntry } = model;
  const need = needGraph(model, working);

  // How many components still have to read each one's killers.
  const readers = new Int32Array(n);
  for (const t of need.to) readers[t]!++;

  const killers: (Uint32Array | undefined)[] = new Array(n);
  const pool: Uint32Array[] = [];
  const fresh = () => {
    const set = pool.pop();
    if (set) {
      set.fill(0);
      return set;
    }
    return new Uint32Array(words);
  };
  const scratch = new Uint32Array(words);
  const setBit = (set: Uint32Array, u: number) => {
    set[u >>> 5]! |= 1 << (u & 31);
  };

  /** Adds `from` into `into`; true when `into` grew. */
  const unite = (into: Uint32Array, from: Uint32Array): boolean => {
    let grew = false;
    for (let w = 0; w < words; w++) {
      const before = into[w]!;
      const after = (before | from[w]!) >>> 0;
      if (after !== before) {
        into[w] = after;
        grew = true;
      }
    }
    return grew;
  };

  /** Recomputes K(c) into `into` (which already holds own(c)); true when it grew. */
  const evaluate = (c: number, into: Uint32Array): boolean => {
    let grew = false;
    for (let s = setStart[c]!; s < setStart[c + 1]!; s++) {
      if (alwaysMet[s]) continue;
      // Most sets have one working member: its killers are the set's, with no copy.
      let only: Uint32Array | undefined;
      let alive = 0;
      for (let i = memberStart[s]!; i < memberStart[s + 1]!; i++) {
        const t = members[i]!;
        if (!working[t]) continue;
        const kt = killers[t];
        // A member of the same cycle not visited yet has no killers so far.
        if (!kt) {
          alive = -1;
          break;
        }
        if (alive === 0) only = kt;
        else if (alive === 1) scratch.set(only!);
        if (alive >= 1) for (let w = 0; w < words; w++) scratch[w]! &= kt[w]!;
        alive++;
      }
      if (alive === 1) grew = unite(into, only!) || grew;
      else if (alive > 1) grew = unite(into, scratch) || grew;
    }
    return grew;
  };

  /** c is done: a bit set nobody reads any more goes back to the pool. */
  const release = (c: number) => {
    for (let i = need.start[c]!; i < need.start[c + 1]!; i++) {
      const t = need.to[i]!;
      if (--readers[t]! === 0 && !isEntry[t] && killers[t]) {
        pool.push(killers[t]!);
        killers[t] = undefined;
      }
    }
  };

  /** The one thing c needs, when there is exactly one and c is its only reader. */
  const soleNeed = (c: number): number => {
    if (need.start[c + 1]! - need.start[c]! !== 1) return -1;
    const only = need.to[need.start[c]!]!;
    return readers[only] === 1 && !isEntry[only] ? only : -1;
  };

  const seed = (c: number): Uint32Array => {
    const set = fresh();
    for (const u of input.own(c)) setBit(set, u);
    return set;
  };

  for (const part of partsInOrder(need, n, working)) {
    if (part.length === 1) {
      const c = part[0]!;
      const sole = soleNeed(c);
      if (sole >= 0 && killers[sole]) {
        const set = killers[sole]!;
        killers[sole] = undefined;
        readers[sole] = 0;
        for (const u of input.own(c)) setBit(set, u);
        killers[c] = set;
      } else {
        const set = seed(c);
        killers[c] = set;
        evaluate(c, set);
        release(c);
      }
      continue;
    }
    for (const c of part) killers[c] = seed(c);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of part) if (evaluate(c, killers[c]!)) grew = true;
    }
    for (const c of part) release(c);
  }

  const result = new Map<number, Uint32Array>();
  for (let c = 0; c < n; c++) if (isEntry[c] && working[c] && killers[c]) result.set(c, killers[c]!);
  return result;
}
