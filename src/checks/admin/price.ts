/**
 * What an administration code is worth, for `amountAtRisk`: the OPPS national payment rate of its
 * APC (Addendum B) when its status indicator pays it separately (S, T, V). Packaged (N), conditionally
 * packaged (Q1, Q2) or unknown codes carry no amount: their money is in the primary service.
 * An estimate for every payer type (commercial contracts differ); the release used is named.
 */
import type { RuleSet } from '../../rules/index.js';
import { cmsRelease, statusIndicator } from '../../rules/cms.js';
import { memo2 } from '../memo.js';

const SEPARATELY_PAID = new Set(['S', 'T', 'V']);

export interface AdminPrice {
  /** payment per unit */
  rate: number;
  si: string;
  /** e.g. "OPPS Addendum B 2026Q1" (+ ", the nearest release loaded" when not in force on the date) */
  release: string;
}

export function adminPrice(rules: RuleSet, code: string, date: string): AdminPrice | undefined {
  return memo2(rules, 'admin-price', date, code, () => lookup(rules, code, date));
}

function lookup(rules: RuleSet, code: string, date: string): AdminPrice | undefined {
  const s = statusIndicator(rules, code, date);
  if (!s || !SEPARATELY_PAID.has(s.si) || s.paymentRate === undefined || s.paymentRate <= 0) return undefined;
  const r = cmsRelease(rules, 'opps-status', date);
  return { rate: s.paymentRate, si: s.si, release: `OPPS Addendum B ${r?.version ?? ''}${r && !r.inForce ? ', the nearest release loaded' : ''}`.trim() };
}

/** The amount of `units` of a code, or undefined when it is not separately paid. */
export function adminAmount(rules: RuleSet, code: string, units: number, date: string): number | undefined {
  const p = adminPrice(rules, code, date);
  return p && units > 0 ? Math.round(p.rate * units * 100) / 100 : undefined;
}
