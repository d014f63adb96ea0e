/**
 * Pairs left items with right items that share a key: the k-th left item of a key takes the k-th
 * still-free right item of that key. Both lists must be ascending; a right item may have several
 * keys and is taken at most once.
 */
export function pairInOrder(
  left: readonly number[],
  leftKey: (item: number) => string,
  right: readonly number[],
  rightKeys: (item: number) => readonly string[],
): [number, number][] {
  const queues = new Map<string, { items: number[]; next: number }>();
  for (const item of right) {
    for (const key of rightKeys(item)) {
      const queue = queues.get(key);
      if (queue) queue.items.push(item);
      else queues.set(key, { items: [item], next: 0 });
    }
  }
  const taken = new Set<number>();
  const pairs: [number, number][] = [];
  for (const item of left) {
    const queue = queues.get(leftKey(item));
    if (!queue) continue;
    while (queue.next < queue.items.length && taken.has(queue.items[queue.next]!)) queue.next++;
    if (queue.next === queue.items.length) continue;
    const partner = queue.items[queue.next++]!;
    taken.add(partner);
    pairs.push([item, partner]);
  }
  return pairs;
}
