/**
 * Sorting the handful of items of one encounter. `Array.prototype.sort` allocates a work array on
 * every call, and the checks sort small lists millions of times in an audit; an insertion sort in
 * place allocates nothing and is as fast for a few items. Both are stable, so for a consistent
 * comparator the order is the same as `Array.prototype.sort`'s.
 */

const SMALL = 16;

/** Sort `items` in place (stable) and return it. */
export function sortSmall<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > SMALL) return items.sort(cmp);
  for (let i = 1; i < n; i++) {
    const v = items[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(items[j] as T, v) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = v;
  }
  return items;
}

/** The order of `Array.prototype.sort()` without a comparator, for strings (UTF-16 code units). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first item in `cmp` order (the first of equals), or undefined for an empty list; nothing is copied. */
export function minBy<T>(items: readonly T[], cmp: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const x of items) if (best === undefined || cmp(x, best) < 0) best = x;
  return best;
}
