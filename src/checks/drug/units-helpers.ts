/**
 * Helpers of the `units` and `drug-code` checks (drug-billing.md sections 2, 3, 7, 8, 10), built on
 * the shared foundation in lines.ts (which other branches also build on and this file never changes):
 * - the unit of a drug code (catalog, else the CMS `HCPCS dosage` text of the pricing file/crosswalk),
 * - the encounter's drug lines grouped by date and HCPCS with the MAR rows behind them, computed
 *   once per encounter and shared by every check of the run (memoised on the encounter object),
 * - NDC text to 11 digits, money labels.
 */
import type { ClaimLine, MarRow } from '../../model.js';
import { lastEncounter, memoByText } from '../memo.js';
import type { PayerType, RuleSet } from '../../rules/index.js';
import { aspPaymentLimit, crosswalkFor, crosswalkForHcpcs } from '../../rules/cms.js';
import type { Encounter } from '../types.js';
import { catalogDrug, drugAmount, drugLinesOf, drugPrice, isJW, isNocCode, marFor, unitRange, type DrugPrice, type UnitRange } from './lines.js';
import type { CatalogDrug } from './catalog.js';

// ---------------------------------------------------------------------------------------------
// The unit of a code

export type DrugUnit = Pick<CatalogDrug, 'unit' | 'unitSize'> & { upTo: boolean; text: string };

const UNIT_TEXT: Record<string, CatalogDrug['unit']> = {
  mg: 'mg', gm: 'g', g: 'g', gram: 'g', grams: 'g', mcg: 'mcg', ug: 'mcg',
  unit: 'units', units: 'units', iu: 'units', u: 'units', ml: 'mL', cc: 'mL', meq: 'mEq',
};
const DOSAGE = /^\s*(up\s+to\s+)?(\d*\.?\d+)\s*([a-z]+)\s*$/i;

/**
 * Parse a descriptor dosage ("10 MG", "UP TO 50 MG", "1000 UNITS", "0.5 MG"); undefined for
 * anything else (per dose, per vial, combined strengths, cell counts: section 1).
 */
export function parseDosage(text: string): DrugUnit | undefined {
  const m = DOSAGE.exec(text.replace(/,/g, ''));
  if (!m) return undefined;
  const unit = UNIT_TEXT[(m[3] ?? '').toLowerCase()];
  const size = Number(m[2]);
  if (!unit || !(size > 0)) return undefined;
  return { unit, unitSize: size, upTo: m[1] !== undefined, text: `${m[1] ? 'up to ' : ''}${size} ${unit}` };
}

const unitMemo = new WeakMap<object, Map<string, DrugUnit | null>>();

/** The billing unit of a drug code on a date: the catalog row, else the CMS dosage text (pricing, then crosswalk). */
export function drugUnit(rules: RuleSet, hcpcs: string, date: string): DrugUnit | undefined {
  const d = catalogDrug(rules, hcpcs, date);
  if (d) return { unit: d.unit, unitSize: d.unitSize, upTo: d.upTo, text: `${d.upTo ? 'up to ' : ''}${d.unitSize} ${d.unit}` };
  const key = rules as object;
  let m = unitMemo.get(key);
  if (!m) {
    m = new Map();
    unitMemo.set(key, m);
  }
  const k = `${hcpcs}|${date.slice(0, 7)}`;
  let u = m.get(k);
  if (u === undefined) {
    const text = aspPaymentLimit(rules, hcpcs, date)?.dosage ?? crosswalkForHcpcs(rules, hcpcs, date)[0]?.dosage;
    u = (text !== undefined ? parseDosage(text) : undefined) ?? null;
    m.set(k, u);
  }
  return u ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// NDCs

/** An NDC as 11 digits: `N4` prefix, hyphens and spaces removed; hyphenated 4-4-2, 5-3-2, 5-4-1 padded. Undefined otherwise. */
export function ndc11(text: string | undefined): string | undefined {
  return text ? ndc11Memo(text) : undefined;
}

const ndc11Memo = memoByText(parseNdc11);

function parseNdc11(text: string): string | undefined {
  let t = text.trim().toUpperCase();
  if (t.startsWith('N4')) t = t.slice(2).trim();
  const compact = t.replace(/[-\s]/g, '');
  if (!/^\d+$/.test(compact)) return undefined;
  if (compact.length === 11) return compact;
  if (compact.length !== 10 || !t.includes('-')) return undefined;
  const segs = t.split('-').map((s) => s.trim());
  if (segs.length !== 3) return undefined;
  const [a = '', b = '', c = ''] = segs;
  const layout = `${a.length}-${b.length}-${c.length}`;
  if (layout !== '4-4-2' && layout !== '5-3-2' && layout !== '5-4-1') return undefined;
  return a.padStart(5, '0') + b.padStart(4, '0') + c.padStart(2, '0');
}

export const showNdc = (n: string): string => `${n.slice(0, 5)}-${n.slice(5, 9)}-${n.slice(9)}`;

/** The specific HCPCS codes an NDC is crosswalked to on a date. */
export function ndcCodes(rules: RuleSet, ndc: string | undefined, date: string): string[] {
  const n = ndc11(ndc);
  return n ? [...new Set(crosswalkFor(rules, n, date).map((e) => e.hcpcs))] : [];
}

// ---------------------------------------------------------------------------------------------
// Drug lines of an encounter, grouped per date and HCPCS

export interface DrugGroup {
  date: string;
  code: string;
  /** every line of the code on the date, claim order */
  lines: ClaimLine[];
  /** the administered (non-JW) lines */
  given: ClaimLine[];
  jw: ClaimLine[];
  billedGiven: number;
  billedJw: number;
  unit?: DrugUnit;
  /** MAR administrations of the code on the date */
  mar: readonly MarRow[];
  /** accepted non-JW units from the MAR doses (undefined: no MAR row, a dose missing or not convertible) */
  range?: UnitRange;
  /** documented waste (MAR `wasted`) in whole billing units, rounded down; 0 when none */
  wasteUnits: number;
  noc: boolean;
}

export interface DrugView {
  groups: DrugGroup[];
  /** codes billed on each date (any drug line) */
  billedByDate: Map<string, Set<string>>;
}

const views = lastEncounter<DrugView>();
const NO_MAR: readonly MarRow[] = [];

/** The encounter's drug lines by date and code, built once per encounter (shared by the drug checks). */
export function drugView(enc: Encounter, rules: RuleSet): DrugView {
  return views(enc, rules, () => buildView(enc, rules));
}

function buildView(enc: Encounter, rules: RuleSet): DrugView {
  // groups in order of first appearance; an encounter has a handful, so a list searched by date and
  // code (no key string per line)
  const groups: DrugGroup[] = [];
  const billedByDate = new Map<string, Set<string>>();
  for (const c of drugLinesOf(enc, rules)) {
    const code = c.code.trim().toUpperCase();
    let g: DrugGroup | undefined;
    for (let i = 0; i < groups.length; i++) {
      const x = groups[i] as DrugGroup;
      if (x.code === code && x.date === c.serviceDate) {
        g = x;
        break;
      }
    }
    if (!g) {
      g = { date: c.serviceDate, code, lines: [], given: [], jw: [], billedGiven: 0, billedJw: 0, mar: NO_MAR, wasteUnits: 0, noc: isNocCode(rules, code, c.serviceDate) };
      groups.push(g);
    }
    g.lines.push(c);
    if (isJW(c)) {
      g.jw.push(c);
      g.billedJw += c.units;
    } else {
      g.given.push(c);
      g.billedGiven += c.units;
    }
    let s = billedByDate.get(c.serviceDate);
    if (!s) billedByDate.set(c.serviceDate, (s = new Set()));
    s.add(code);
  }
  for (const g of groups) {
    if (g.noc) continue;
    const unit = drugUnit(rules, g.code, g.date);
    if (unit) g.unit = unit;
    const first = g.lines[0] as ClaimLine;
    g.mar = enc.mar.length ? marFor(enc, first, rules) : NO_MAR;
    if (unit && g.mar.length) {
      const r = unitRange(g.mar, unit);
      if (r) g.range = r;
      const waste = unitRange(g.mar.filter((m) => m.wasted !== undefined && m.wasted > 0).map((m) => ({ dose: m.wasted, doseUnit: m.doseUnit })), unit);
      // floor(total waste / size): unitRange rounds up, so recompute from the exact total
      if (waste) g.wasteUnits = Math.floor(Math.round(waste.total * 1e6) / Math.round(unit.unitSize * 1e6));
    }
  }
  return { groups, billedByDate };
}

// ---------------------------------------------------------------------------------------------
// Money

export interface Money {
  amount?: number;
  /** text for the message: "$536.06", "$18.12 (estimate: commercial payer)", "$0: packaged (SI N)" */
  label: string;
}

/** units x P of `hcpcs` (drug-billing.md section 10) with the message label. */
export function money(rules: RuleSet, hcpcs: string, date: string, payerType: PayerType, units: number): Money {
  const price: DrugPrice | undefined = drugPrice(rules, hcpcs, date, payerType);
  if (!price) return { label: 'no ASP price for the code' };
  if (price.perUnit === 0) return { label: `$0 for Medicare: ${hcpcs} is packaged (SI N)` };
  const amount = drugAmount(price, units);
  if (amount === undefined) return { label: '$0' };
  const usd = `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return { amount, label: price.estimate ? `${usd} (estimate: ${payerType} payer, at the Medicare ASP payment limit)` : usd };
}

export const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** "J2506 x12" list of lines for evidence text. */
export const lineList = (lines: readonly ClaimLine[]): string => lines.map((l) => `line ${l.line} ${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''} x${l.units}`).join(', ');
