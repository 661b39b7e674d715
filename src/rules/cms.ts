/**
 * Typed lookups in the imported CMS tables (`rules import`): MUE, PTP pairs, add-on primaries,
 * NDC crosswalk, ASP payment limits, OPPS status indicators, each for a date of service.
 *
 * Quarterly tables are chosen with `RuleSet.nearest` (the release in force, else the nearest
 * loaded one) unless `{ exact: true }`; `cmsRelease` tells a check which release answered and
 * whether it was in force on the date, for the evidence and the report's counts. Indexes (Maps)
 * are built once per table version, on first use, and kept with the table's data.
 */
import './cms-schemas.js';
import type { AspCrosswalkRow, AspPricingRow, NcciAocRow, NcciMueRow, NcciPtpRow, OppsStatusRow } from './cms-schemas.js';
import type { RuleSet } from './ruleset.js';
import type { RuleTable } from './types.js';

export type { AspCrosswalkRow, AspPricingRow, NcciAocRow, NcciMueRow, NcciPtpRow, OppsStatusRow } from './cms-schemas.js';

export interface CmsLookupOptions {
  /** only the release in force on the date (RuleSet.get); default: the nearest loaded release */
  exact?: boolean;
}

/** Which release of a table answers for a date. */
export interface CmsRelease {
  id: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** false when the release is the nearest loaded one, not the one in force on the date */
  inForce: boolean;
}

function table<T>(rules: RuleSet, id: string, date: string, opts: CmsLookupOptions | undefined): RuleTable<T[]> | undefined {
  return opts?.exact ? rules.get<T[]>(id, date) : rules.nearest<T[]>(id, date);
}

/** The release of `id` a lookup on `date` uses, or undefined when none is loaded. */
export function cmsRelease(rules: RuleSet, id: string, date: string, opts?: CmsLookupOptions): CmsRelease | undefined {
  const t = table<unknown>(rules, id, date, opts);
  if (!t) return undefined;
  const inForce = date >= t.effectiveFrom && (t.effectiveTo === null || date <= t.effectiveTo);
  return { id: t.id, version: t.version, effectiveFrom: t.effectiveFrom, effectiveTo: t.effectiveTo, inForce };
}

// One index per (data array, index kind): a table version's data is loaded once and kept.
const indexes = new WeakMap<object, Map<string, unknown>>();

function indexOf<R, V>(rows: R[], kind: string, build: (rows: R[]) => V): V {
  let m = indexes.get(rows);
  if (!m) {
    m = new Map();
    indexes.set(rows, m);
  }
  // one Map lookup on a hit (every CMS lookup of the audit comes through here); indexes are never undefined
  let v = m.get(kind) as V | undefined;
  if (v === undefined) m.set(kind, (v = build(rows)));
  return v;
}

function groupBy<R>(rows: R[], key: (r: R) => string): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const l = out.get(k);
    if (l) l.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function mapValues<K, A, B>(m: Map<K, A>, f: (a: A) => B): Map<K, B> {
  const out = new Map<K, B>();
  for (const [k, v] of m) out.set(k, f(v));
  return out;
}

// module constants: a regex literal in a function body is a new RegExp object on every call
const NDC_SEPARATORS = /[-\s]/g;
const ELEVEN_DIGITS = /^\d{11}$/;

/** The empty answer of the crosswalk lookups (shared: callers must not modify returned arrays). */
const NONE: CrosswalkEntry[] = [];

function uniqueBy<R>(rows: R[], key: (r: R) => string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) if (!out.has(key(r))) out.set(key(r), r);
  return out;
}

const code = (c: string) => c.trim().toUpperCase();

/** [from, to] holds date; null ends are open. */
function within(date: string, from: string | null, to: string | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

// ---------------------------------------------------------------------------------------------

export interface MueLimit {
  value: number;
  /** 1 per claim line; 2 per date of service (policy); 3 per date of service (clinical, appealable) */
  indicator: 1 | 2 | 3;
  rationale: string;
}

/** The outpatient hospital MUE of a code, or undefined: unknown (not published), never unlimited. */
export function mueFor(rules: RuleSet, hcpcs: string, date: string, opts?: CmsLookupOptions): MueLimit | undefined {
  const t = table<NcciMueRow>(rules, 'ncci-mue', date, opts);
  if (!t) return undefined;
  const r = indexOf(t.data, 'code', (rows) => uniqueBy(rows, (x) => x.code)).get(code(hcpcs));
  return r ? { value: r.value, indicator: r.indicator, rationale: r.rationale } : undefined;
}

export interface PtpEdit {
  col1: string;
  col2: string;
  effective: string | null;
  deletion: string | null;
  /** 0 never together; 1 allowed with an NCCI-associated modifier; 9 not applicable (no edit) */
  modifier: 0 | 1 | 9;
  /** true when an NCCI-associated modifier lets both codes be paid (indicator 1) */
  modifierAllowed: boolean;
  rationale: string;
}

/**
 * The PTP edits of the pair (col1, col2) in force on `date`: effective on or before it, not deleted
 * before it, and not indicator 9 (which means no edit). Usually zero or one edit.
 */
export function ptpPairsFor(rules: RuleSet, col1: string, col2: string, date: string, opts?: CmsLookupOptions): PtpEdit[] {
  const t = table<NcciPtpRow>(rules, 'ncci-ptp', date, opts);
  if (!t) return [];
  const rows = indexOf(t.data, 'pair', (rs) => groupBy(rs, (x) => `${x.col1}|${x.col2}`)).get(`${code(col1)}|${code(col2)}`) ?? [];
  return rows
    .filter((r) => r.modifier !== 9 && within(date, r.effective, r.deletion))
    .map((r) => ({ ...r, modifierAllowed: r.modifier === 1 }));
}

/** Every column-2 code edited against `col1` on `date` (indicator 0 or 1). */
export function ptpColumn2For(rules: RuleSet, col1: string, date: string, opts?: CmsLookupOptions): PtpEdit[] {
  const t = table<NcciPtpRow>(rules, 'ncci-ptp', date, opts);
  if (!t) return [];
  const rows = indexOf(t.data, 'col1', (rs) => groupBy(rs, (x) => x.col1)).get(code(col1)) ?? [];
  return rows
    .filter((r) => r.modifier !== 9 && within(date, r.effective, r.deletion))
    .map((r) => ({ ...r, modifierAllowed: r.modifier === 1 }));
}

export interface AocPrimaries {
  addOn: string;
  /** 1: only the listed primaries; 2: the contractor decides (no list); 3: listed primaries and others the contractor allows */
  type: 1 | 2 | 3;
  /** primary codes of the edits in force on the date (empty for type 2) */
  primaries: string[];
  /** CMS special instructions of those edits, by primary code ('' when none) */
  notes: Map<string, string>;
}

/** The primary codes an add-on code needs on `date`, or undefined when the code is not an add-on in the file. */
export function aocPrimaries(rules: RuleSet, addOn: string, date: string, opts?: CmsLookupOptions): AocPrimaries | undefined {
  const t = table<NcciAocRow>(rules, 'ncci-aoc', date, opts);
  if (!t) return undefined;
  const all = indexOf(t.data, 'addOn', (rs) => groupBy(rs, (x) => x.addOn)).get(code(addOn));
  if (!all) return undefined;
  const live = all.filter((r) => within(date, r.effective, r.deletion));
  if (!live.length) return undefined;
  const type = (live.find((r) => r.type === 1) ?? live.find((r) => r.type === 3) ?? live[0])?.type ?? 2;
  const primaries: string[] = [];
  const notes = new Map<string, string>();
  for (const r of live) {
    if (r.type === 2 || r.primary === 'CCCCC') continue;
    if (r.primaryDeletion !== null && date > r.primaryDeletion) continue;
    if (!notes.has(r.primary)) primaries.push(r.primary);
    notes.set(r.primary, r.notes);
  }
  return { addOn: code(addOn), type, primaries, notes };
}

export interface CrosswalkEntry {
  hcpcs: string;
  ndc: string;
  drug: string;
  labeler: string;
  /** the HCPCS billing unit as CMS writes it ("10 MG") */
  dosage: string;
  pkgSize?: number;
  pkgQty?: number;
  /** HCPCS billing units per item (vial, syringe) */
  billUnits?: number;
  /** HCPCS billing units per package */
  billUnitsPerPackage?: number;
}

function entry(r: AspCrosswalkRow): CrosswalkEntry {
  const e: CrosswalkEntry = { hcpcs: r.hcpcs, ndc: r.ndc, drug: r.drug, labeler: r.labeler, dosage: r.dosage };
  if (r.pkgSize !== undefined) e.pkgSize = r.pkgSize;
  if (r.pkgQty !== undefined) e.pkgQty = r.pkgQty;
  if (r.billUnits !== undefined) e.billUnits = r.billUnits;
  if (r.billUnitsPkg !== undefined) e.billUnitsPerPackage = r.billUnitsPkg;
  return e;
}

/** The HCPCS codes (with units) an NDC is crosswalked to; `ndc` as 11 digits, hyphens allowed. Empty when unknown. */
export function crosswalkFor(rules: RuleSet, ndc: string, date: string, opts?: CmsLookupOptions): CrosswalkEntry[] {
  const t = table<AspCrosswalkRow>(rules, 'asp-crosswalk', date, opts);
  if (!t) return [];
  // usually already 11 digits: no replace (and no new string) then
  let key = ndc;
  if (ndc.length !== 11 || !ELEVEN_DIGITS.test(ndc)) {
    key = ndc.replace(NDC_SEPARATORS, '');
    if (!ELEVEN_DIGITS.test(key)) return [];
  }
  return indexOf(t.data, 'ndc-entries', (rs) => mapValues(groupBy(rs.filter((x) => x.ndc !== ''), (x) => x.ndc), (l) => l.map(entry))).get(key) ?? NONE;
}

/** The crosswalk rows of a HCPCS code (its NDCs). */
export function crosswalkForHcpcs(rules: RuleSet, hcpcs: string, date: string, opts?: CmsLookupOptions): CrosswalkEntry[] {
  const t = table<AspCrosswalkRow>(rules, 'asp-crosswalk', date, opts);
  if (!t) return [];
  return indexOf(t.data, 'hcpcs-entries', (rs) => mapValues(groupBy(rs.filter((x) => x.ndc !== ''), (x) => x.hcpcs), (l) => l.map(entry))).get(code(hcpcs)) ?? NONE;
}

export interface AspLimit {
  hcpcs: string;
  /** payment allowance limit per billing unit, in dollars */
  paymentLimit: number;
  /** the billing unit ("10 MG") */
  dosage: string;
  coinsurancePct?: number;
  notes: string;
}

/** The ASP payment allowance limit of a HCPCS code, or undefined (not in the file, or no limit published). */
export function aspPaymentLimit(rules: RuleSet, hcpcs: string, date: string, opts?: CmsLookupOptions): AspLimit | undefined {
  const t = table<AspPricingRow>(rules, 'asp-pricing', date, opts);
  if (!t) return undefined;
  const r = indexOf(t.data, 'hcpcs', (rs) => uniqueBy(rs, (x) => x.hcpcs)).get(code(hcpcs));
  if (!r || r.paymentLimit === undefined) return undefined;
  const out: AspLimit = { hcpcs: r.hcpcs, paymentLimit: r.paymentLimit, dosage: r.dosage, notes: r.notes };
  if (r.coinsurancePct !== undefined) out.coinsurancePct = r.coinsurancePct;
  return out;
}

export interface OppsStatus {
  hcpcs: string;
  /** OPPS payment status indicator (K, G, N, S, T, Q1 ...) */
  si: string;
  /** '' when none */
  apc: string;
  relativeWeight?: number;
  paymentRate?: number;
}

/** The OPPS Addendum B status of a HCPCS code, or undefined when the code is not in the file. */
export function statusIndicator(rules: RuleSet, hcpcs: string, date: string, opts?: CmsLookupOptions): OppsStatus | undefined {
  const t = table<OppsStatusRow>(rules, 'opps-status', date, opts);
  if (!t) return undefined;
  const r = indexOf(t.data, 'hcpcs', (rs) => uniqueBy(rs, (x) => x.hcpcs)).get(code(hcpcs));
  if (!r) return undefined;
  const out: OppsStatus = { hcpcs: r.hcpcs, si: r.si, apc: r.apc };
  if (r.relativeWeight !== undefined) out.relativeWeight = r.relativeWeight;
  if (r.paymentRate !== undefined) out.paymentRate = r.paymentRate;
  return out;
}
