/**
 * Per-run memo of rule-data lookups (per RuleSet, per namespace and key): a check calls the same
 * lookup (an add-on's primaries, a PTP pair, a code's price) for the same code and date on thousands
 * of encounters. Bounded: a namespace that grows past `limit` keys starts again.
 */
import type { RuleSet } from '../rules/index.js';

const memos = new WeakMap<RuleSet, Map<string, Map<string, unknown>>>();

export function memo<T>(rules: RuleSet, ns: string, key: string, compute: () => T, limit = 100_000): T {
  let byNs = memos.get(rules);
  if (!byNs) memos.set(rules, (byNs = new Map()));
  let m = byNs.get(ns);
  if (!m) byNs.set(ns, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  if (m.size >= limit) m.clear();
  m.set(key, v);
  return v;
}
