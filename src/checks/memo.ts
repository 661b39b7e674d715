/**
 * Caches of the check hot path. Lookups of rule data repeat for the same code and date on thousands
 * of encounters, so they are remembered per RuleSet in nested maps (no key strings are built: an
 * audit makes millions of lookups and string keys were a visible share of its garbage). Values that
 * belong to one encounter are kept for the last encounter only: checks run encounter by encounter.
 */
import type { RuleSet } from '../rules/index.js';

type Nested = Map<string, unknown>;
const memos = new WeakMap<RuleSet, Map<string, Nested>>();

// An audit uses one RuleSet: remembering the last one spares a WeakMap lookup on every memo call.
let lastRules: RuleSet | undefined;
let lastByNs: Map<string, Nested> | undefined;

function root(rules: RuleSet, ns: string): Nested {
  let byNs = rules === lastRules ? lastByNs : memos.get(rules);
  if (!byNs) memos.set(rules, (byNs = new Map()));
  lastRules = rules;
  lastByNs = byNs;
  let m = byNs.get(ns);
  if (!m) byNs.set(ns, (m = new Map()));
  return m;
}

function level(m: Nested, k: string): Nested {
  let n = m.get(k) as Nested | undefined;
  if (!n) m.set(k, (n = new Map()));
  return n;
}

function leaf<T>(m: Nested, k: string, compute: () => T): T {
  // one lookup on a hit; `has` only tells a remembered undefined from a miss
  const hit = m.get(k);
  if (hit !== undefined || m.has(k)) return hit as T;
  const v = compute();
  m.set(k, v);
  return v;
}

/** A lookup remembered per (rules, ns, a, b): e.g. (code, date). */
export function memo2<T>(rules: RuleSet, ns: string, a: string, b: string, compute: () => T): T {
  return leaf(level(root(rules, ns), a), b, compute);
}

/** A lookup remembered per (rules, ns, a, b, c): e.g. (date, column-1 code, column-2 code). */
export function memo3<T>(rules: RuleSet, ns: string, a: string, b: string, c: string, compute: () => T): T {
  return leaf(level(level(root(rules, ns), a), b), c, compute);
}

/**
 * A value computed once for the encounter being checked (and its context), shared by the checks and
 * the summary that follow; only the last encounter is kept.
 */
export function lastEncounter<T>(): (enc: object, ctx: object, compute: () => T) => T {
  let key: object | undefined;
  let keyCtx: object | undefined;
  let value: T;
  return (enc, ctx, compute) => {
    if (enc !== key || ctx !== keyCtx) {
      value = compute();
      key = enc;
      keyCtx = ctx;
    }
    return value;
  };
}

/**
 * `fn` remembered per text, for pure parses of cell text that repeat across the file (NDCs): a
 * handful of distinct texts are parsed hundreds of thousands of times. Cleared past `limit` texts
 * so that a file of all-distinct texts cannot grow it without bound.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const v = fn(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, v);
    return v;
  };
}
