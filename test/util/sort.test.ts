import { describe, expect, it } from 'vitest';
import { byText, minBy, sortSmall } from '../../src/util/sort.js';

describe('sortSmall', () => {
  it('gives the order of Array.prototype.sort, ties kept in place, for every length up to and past the insertion-sort limit', () => {
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let n = 0; n <= 40; n++) {
      for (let round = 0; round < 30; round++) {
        const items = Array.from({ length: n }, (_, i) => ({ key: rnd(5), i }));
        const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const want = [...items].sort(cmp).map((x) => x.i);
        const got = sortSmall([...items], cmp).map((x) => x.i);
        expect(got).toEqual(want);
      }
    }
  });

  it('sorts in place and returns the same array', () => {
    const a = ['96415', '96413', 'J9035'];
    expect(sortSmall(a, byText)).toBe(a);
    expect(a).toEqual(['96413', '96415', 'J9035']);
  });

  it('byText is the default sort order (UTF-16 code units, upper case before lower)', () => {
    const words = ['b', 'B', 'a', 'A', '10', '9', 'XU', 'JW'];
    expect(sortSmall([...words], byText)).toEqual([...words].sort());
  });
});

describe('minBy', () => {
  it('returns the first of equals, undefined for an empty list', () => {
    const items = [{ k: 2, i: 0 }, { k: 1, i: 1 }, { k: 1, i: 2 }];
    expect(minBy(items, (a, b) => a.k - b.k)?.i).toBe(1);
    expect(minBy([], (a: number, b: number) => a - b)).toBeUndefined();
  });
});
