/**
 * What an encounter billed in administration codes, and what its MAR supports: the shared view of
 * the `hierarchy` and `documentation` checks.
 */
import type { ClaimLine } from '../../model.js';
import type { AdminCodesData, AdminHierarchyData } from '../../rules/schemas.js';
import type { RuleSet } from '../../rules/index.js';
import type { CheckContext, Encounter } from '../types.js';
import { codingFor } from './mar-input.js';
import { lastEncounter } from '../memo.js';
import type { Derivation, DerivedLine } from './derive.js';

const codeSets = new WeakMap<AdminCodesData, Map<string, AdminCodesData['codes'][number]>>();

/** The admin-codes entry of a code on a date (undefined: not an administration code). */
export function adminCodeInfo(rules: RuleSet, code: string, date: string): AdminCodesData['codes'][number] | undefined {
  const t = rules.get<AdminCodesData>('admin-codes', date);
  if (!t) return undefined;
  let m = codeSets.get(t.data);
  if (!m) {
    m = new Map(t.data.codes.map((c) => [c.code, c] as const));
    codeSets.set(t.data, m);
  }
  return m.get(code);
}

const linesOf = lastEncounter<ClaimLine[]>();

/** The encounter's administration claim lines (computed once per encounter). */
export function adminLines(enc: Encounter, rules: RuleSet): ClaimLine[] {
  return linesOf(enc, rules, () => enc.claims.filter((c) => adminCodeInfo(rules, c.code, c.serviceDate) !== undefined));
}

export interface CodeTotals {
  units: number;
  claims: ClaimLine[];
  derived: DerivedLine[];
}

export interface AdminComparison {
  derivation: Derivation;
  billed: ClaimLine[];
  /** per code: billed units and lines */
  billedByCode: Map<string, CodeTotals>;
  /** per code: expected units and the derived lines behind them */
  expectedByCode: Map<string, CodeTotals>;
  /** "each additional hour" codes: their units are time, judged by documentation.time-units */
  timed: ReadonlySet<string>;
}

/**
 * Billed vs expected for an encounter with claims and MAR rows whose derivation is complete;
 * undefined otherwise (no MAR, an administration that could not be classified or placed).
 */
const comparisonOf = lastEncounter<AdminComparison | undefined>();

export function compareAdmin(enc: Encounter, ctx: CheckContext): AdminComparison | undefined {
  return comparisonOf(enc, ctx.facility, () => compare(enc, ctx));
}

const NO_CODES: ReadonlySet<string> = new Set();
const timedSets = new WeakMap<AdminHierarchyData, ReadonlySet<string>>();

/** The "each additional hour" codes of a hierarchy table (built once per table). */
function timedCodes(h: AdminHierarchyData): ReadonlySet<string> {
  let t = timedSets.get(h);
  if (!t) {
    const s = new Set<string>();
    for (const x of h.services) if (x.addOnHour) s.add(x.addOnHour);
    timedSets.set(h, (t = s));
  }
  return t;
}

function compare(enc: Encounter, ctx: CheckContext): AdminComparison | undefined {
  if (enc.mar.length === 0 || enc.claims.length === 0) return undefined;
  const derivation = codingFor(enc, { rules: ctx.rules, facility: ctx.facility, payers: ctx.payers });
  if (!derivation || !derivation.complete) return undefined;
  const hierarchy = ctx.rules.get<AdminHierarchyData>('admin-hierarchy', enc.serviceDate);
  const timed = hierarchy ? timedCodes(hierarchy.data) : NO_CODES;
  const billed = adminLines(enc, ctx.rules);
  const billedByCode = new Map<string, CodeTotals>();
  for (const c of billed) {
    const e = billedByCode.get(c.code) ?? { units: 0, claims: [], derived: [] };
    e.units += c.units;
    e.claims.push(c);
    billedByCode.set(c.code, e);
  }
  const expectedByCode = new Map<string, CodeTotals>();
  for (const l of derivation.lines) {
    const e = expectedByCode.get(l.code) ?? { units: 0, claims: [], derived: [] };
    e.units += l.units;
    e.derived.push(l);
    expectedByCode.set(l.code, e);
  }
  return { derivation, billed, billedByCode, expectedByCode, timed };
}

/** `96413 + 96415 x3 + 96375`: a code set as a coder writes it. */
export function describeSet(byCode: Map<string, CodeTotals>): string {
  const parts = [...byCode.entries()]
    .filter(([, t]) => t.units > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, t]) => (t.units === 1 ? code : `${code} x${t.units}`));
  return parts.length ? parts.join(' + ') : 'no administration code';
}

/** The distinct reasons behind derived lines, at most `max`. */
export function reasonsOf(lines: readonly DerivedLine[], max = 3): string {
  const seen = [...new Set(lines.map((l) => l.reason))];
  const shown = seen.slice(0, max).join('; ');
  return seen.length > max ? `${shown}; ...` : shown;
}
