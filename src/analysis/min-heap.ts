/** A binary min-heap of numbers ordered by a key, for picking the lowest-ranked item often. */
export class MinHeap {
  private readonly items: number[] = [];

  constructor(private readonly keyOf: (item: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: number): void {
    const { items, keyOf } = this;
    items.push(item);
    let i = items.length - 1;
    const key = keyOf(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keyOf(items[parent]!) <= key) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }

  /** The item with the lowest key, removed; undefined when empty. */
  pop(): number | undefined {
    const { items, keyOf } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    const key = keyOf(last);
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && keyOf(items[right]!) < keyOf(items[left]!) ? right : left;
      if (keyOf(items[child]!) >= key) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
