// Compressed sparse rows: a list of pairs grouped by their first element into flat
// integer arrays, so that "the pairs of v" is one contiguous run. The flow index and
// the dependency model both keep their adjacency this way.

/** Rows by `from`: the row starts, the `to` of each slot, and which edge fills each slot. */
export function compressedRows(n: number, from: Int32Array, to: Int32Array): [Int32Array, Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const v of from) start[v + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(from.length);
  const slot = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const at = fill[from[i]!]!++;
    list[at] = to[i]!;
    slot[at] = i;
  }
  return [start, list, slot];
}
