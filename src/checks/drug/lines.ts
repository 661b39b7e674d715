/**
 * The shared view of drug claim lines for the `units`, `ndc`, `drug-code` and `waste` checks
 * (shared/domain/drug-billing.md): which lines are drug lines, the MAR administrations and dispense
 * records behind a line, doses in HCPCS billing units (exact decimal arithmetic) and the price of a
 * unit for `amountAtRisk`. Everything here reads rule data (catalog, CMS packs); nothing is hard-coded.
 */
import type { ClaimLine, DispenseRow, MarRow } from '../../model.js';
import type { PayerType, RuleSet } from '../../rules/index.js';
import { aspPaymentLimit, cmsRelease, crosswalkFor, crosswalkForHcpcs, statusIndicator } from '../../rules/cms.js';
import type { NocCodesData } from '../../rules/schemas.js';
import type { Encounter } from '../types.js';
import { catalogFor, type CatalogDrug } from './catalog.js';
import { lastEncounter, memo2, memo3 } from '../memo.js';

// ---------------------------------------------------------------------------------------------
// Which lines are drug lines

const nocSets = new WeakMap<object, Set<string>>();

/** Is `code` a not-otherwise-classified drug code (J3490, J3590, J9999, J7999, C9399) on `date`? */
export function isNocCode(rules: RuleSet, code: string, date: string): boolean {
  const t = rules.get<NocCodesData>('noc-codes', date);
  if (!t) return false;
  let s = nocSets.get(t.data);
  if (!s) {
    s = new Set(t.data.codes.map((c) => c.code));
    nocSets.set(t.data, s);
  }
  return s.has(code.toUpperCase());
}

/**
 * A drug line: its code is in the drug catalog, the ASP crosswalk or the ASP pricing file for the
 * date of service, or is a NOC code; never "starts with J" (drug-billing.md section 1).
 */
export function isDrugLine(rules: RuleSet, line: ClaimLine): boolean {
  return memo2(rules, 'drug-line', line.serviceDate, line.code, () => drugCode(rules, line));
}

const drugLineList = lastEncounter<ClaimLine[]>();

/**
 * The encounter's drug lines in claim order, decided once per encounter: the waste, units, NDC and
 * drug-code checks all start from them, and asking isDrugLine again for every line in each of
 * them was a visible share of the run.
 */
export function drugLinesOf(enc: Encounter, rules: RuleSet): ClaimLine[] {
  return drugLineList(enc, rules, () => enc.claims.filter((c) => isDrugLine(rules, c)));
}

function drugCode(rules: RuleSet, line: ClaimLine): boolean {
  const code = line.code.toUpperCase();
  if (catalogFor(rules, line.serviceDate)?.byHcpcs(code)) return true;
  if (isNocCode(rules, code, line.serviceDate)) return true;
  if (aspPaymentLimit(rules, code, line.serviceDate)) return true;
  return crosswalkForHcpcs(rules, code, line.serviceDate).length > 0;
}

/** The catalog drug of a HCPCS code on a date. */
export function catalogDrug(rules: RuleSet, hcpcs: string, date: string): CatalogDrug | undefined {
  return catalogFor(rules, date)?.byHcpcs(hcpcs.toUpperCase());
}

export const hasModifier = (line: ClaimLine, m: string): boolean => line.modifiers.some((x) => x.toUpperCase() === m);
export const isJW = (line: ClaimLine): boolean => hasModifier(line, 'JW');
export const isJZ = (line: ClaimLine): boolean => hasModifier(line, 'JZ');

// ---------------------------------------------------------------------------------------------
// MAR and dispense rows behind a line

/** The HCPCS codes a MAR row's drug names on its date (the charted code wins when it is a catalog code). */
export function marCodes(rules: RuleSet, row: MarRow): string[] {
  return memo3(rules, 'mar-codes', row.date ?? '', row.code ?? '', row.drug, () => marCodesOf(rules, row));
}

function marCodesOf(rules: RuleSet, row: MarRow): string[] {
  if (row.date === undefined) return row.code ? [row.code.toUpperCase()] : [];
  const catalog = catalogFor(rules, row.date);
  if (!catalog) return row.code ? [row.code.toUpperCase()] : [];
  const m = catalog.resolve(row.drug, { code: row.code });
  if (m.match === 'one') return [m.drug.hcpcs];
  if (m.match === 'several') return m.drugs.map((d) => d.hcpcs);
  return row.code ? [row.code.toUpperCase()] : [];
}

/**
 * The encounter's MAR administrations of the line's drug on the line's date: rows whose drug
 * resolves to the billed code (a name shared by several codes, such as "infliximab", counts for
 * each of them; a charted code decides).
 */
export function marFor(enc: Encounter, line: ClaimLine, rules: RuleSet): readonly MarRow[] {
  const rows = marByCode(enc, rules).get(line.code.toUpperCase());
  if (!rows) return NO_MAR;
  // usually every row is of the line's date: the shared list is returned as it is (read-only)
  const onDate = (r: MarRow) => r.date === undefined || r.date === line.serviceDate;
  return rows.every(onDate) ? rows : rows.filter(onDate);
}

const NO_MAR: readonly MarRow[] = [];
const NO_DISPENSE: readonly DispenseRow[] = [];

const marIndex = lastEncounter<Map<string, MarRow[]>>();

/**
 * The encounter's MAR rows under each HCPCS code they name, in MAR order. The waste, units, NDC and
 * drug-code checks ask marFor for every drug line of an encounter: resolving each row's codes once
 * per encounter replaces a scan of all rows (and a memo lookup per row) for every line.
 */
function marByCode(enc: Encounter, rules: RuleSet): Map<string, MarRow[]> {
  return marIndex(enc, rules, () => indexByCode(enc.mar, (r) => marCodes(rules, r)));
}

/** Rows under each code `codesOf` names for them, in row order; a row once per code even when a code repeats. */
function indexByCode<R>(rows: readonly R[], codesOf: (row: R) => readonly string[]): Map<string, R[]> {
  const byCode = new Map<string, R[]>();
  for (const row of rows) {
    const codes = codesOf(row);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as string;
      if (codes.indexOf(c) !== i) continue;
      const list = byCode.get(c);
      if (list) list.push(row);
      else byCode.set(c, [row]);
    }
  }
  return byCode;
}

/** The HCPCS codes a dispense row's NDC is crosswalked to on its date (empty when unknown). */
export function dispenseCodes(rules: RuleSet, row: DispenseRow): string[] {
  return memo2(rules, 'dispense-codes', row.dispenseDate, row.ndc, () => crosswalkFor(rules, row.ndc, row.dispenseDate).map((e) => e.hcpcs));
}

/** The encounter's dispense records of the line's drug (through the crosswalk, else the drug text via the catalog). */
export function dispenseFor(enc: Encounter, line: ClaimLine, rules: RuleSet): readonly DispenseRow[] {
  return dispenseForCode(enc, line.code, rules);
}

/** The encounter's dispense records for a HCPCS code (see dispenseFor). */
export function dispenseForCode(enc: Encounter, code: string, rules: RuleSet): readonly DispenseRow[] {
  return dispenseByCode(enc, rules).get(code.toUpperCase()) ?? NO_DISPENSE;
}

const dispenseIndex = lastEncounter<Map<string, DispenseRow[]>>();

/** The encounter's dispense records under each HCPCS code they are for, in file order (see marByCode for why). */
function dispenseByCode(enc: Encounter, rules: RuleSet): Map<string, DispenseRow[]> {
  return dispenseIndex(enc, rules, () => indexByCode(enc.dispense, (d) => dispenseRowCodes(rules, d)));
}

/** The codes a dispense record is for: through the crosswalk, else the drug text via the catalog. */
function dispenseRowCodes(rules: RuleSet, d: DispenseRow): readonly string[] {
  const viaNdc = dispenseCodes(rules, d);
  if (viaNdc.length) return viaNdc;
  if (!d.drug) return [];
  const m = catalogFor(rules, d.dispenseDate)?.resolve(d.drug);
  return m?.match === 'one' ? [m.drug.hcpcs] : m?.match === 'several' ? m.drugs.map((x) => x.hcpcs) : [];
}

// ---------------------------------------------------------------------------------------------
// Doses in billing units: exact decimal arithmetic on scaled integers

/** Scale of the fixed-point numbers: 6 decimals (0.1 * 3 / 0.1 is exactly 3, not 3.0000000000000004). */
const SCALE = 1_000_000;
const scaled = (x: number): number => Math.round(x * SCALE);

/** Units a MAR/dispense dose unit text names, in the catalog's unit vocabulary; undefined = not convertible. */
type MassUnit = 'g' | 'mg' | 'mcg';
const UNIT_WORDS: Record<string, MassUnit | 'mL' | 'units' | 'mEq'> = {
  g: 'g', gm: 'g', gram: 'g', grams: 'g', gr: 'g',
  mg: 'mg', milligram: 'mg', milligrams: 'mg', me: 'mg',
  mcg: 'mcg', ug: 'mcg', 'µg': 'mcg', microgram: 'mcg', micrograms: 'mcg',
  ml: 'mL', cc: 'mL', milliliter: 'mL', milliliters: 'mL',
  unit: 'units', units: 'units', u: 'units', iu: 'units', f2: 'units',
  meq: 'mEq',
};

export function normaliseDoseUnit(text: string | undefined): (typeof UNIT_WORDS)[string] | undefined {
  if (!text) return undefined;
  return UNIT_WORDS[text.trim().toLowerCase().replace(/\.$/, '')];
}

const MASS_FACTOR: Record<MassUnit, number> = { g: 1_000_000, mg: 1_000, mcg: 1 };

/**
 * A dose in the catalog drug's unit, as a scaled integer (value x 1e6); undefined when the units
 * cannot be converted (mass vs volume vs activity: never guessed).
 */
export function doseInDrugUnit(dose: number, doseUnit: string | undefined, drug: Pick<CatalogDrug, 'unit'>): number | undefined {
  const from = normaliseDoseUnit(doseUnit);
  if (from === undefined) return undefined;
  const to = drug.unit;
  if (from === to) return scaled(dose);
  if (from in MASS_FACTOR && to in MASS_FACTOR) {
    // convert through micrograms without leaving integers: dose[from] * factor[from] / factor[to]
    const mcg = scaled(dose) * MASS_FACTOR[from as MassUnit];
    const f = MASS_FACTOR[to as MassUnit];
    return mcg % f === 0 ? mcg / f : Math.round(mcg / f);
  }
  return undefined;
}

/** ceil(a / b) on non-negative scaled integers. */
const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** Billing units for one administered dose: rounded up to a whole unit, at least 1 for any dose > 0. */
export function unitsForDose(doseScaled: number, drug: Pick<CatalogDrug, 'unitSize'>): number {
  if (doseScaled <= 0) return 0;
  return Math.max(1, ceilDiv(doseScaled, scaled(drug.unitSize)));
}

/** Whole billing units of a discarded amount (JW units): rounded down. */
export function unitsForWaste(wasteScaled: number, drug: Pick<CatalogDrug, 'unitSize'>): number {
  return wasteScaled <= 0 ? 0 : floorDiv(wasteScaled, scaled(drug.unitSize));
}

export interface UnitRange {
  /** ceil(sum(dose) / size) */
  min: number;
  /** sum(ceil(dose_i / size)): a fresh container per administration */
  max: number;
  /** total dose in the drug's unit (plain number) */
  total: number;
}

/**
 * The accepted range of billed (non-JW) units for MAR doses of a drug (drug-billing.md section 2);
 * undefined when a dose is missing or its unit cannot be converted.
 */
export function unitRange(doses: readonly { dose?: number | undefined; doseUnit?: string | undefined }[], drug: Pick<CatalogDrug, 'unit' | 'unitSize'>): UnitRange | undefined {
  if (doses.length === 0) return undefined;
  let sum = 0;
  let max = 0;
  for (const d of doses) {
    if (d.dose === undefined) return undefined;
    const s = doseInDrugUnit(d.dose, d.doseUnit, drug);
    if (s === undefined) return undefined;
    sum += s;
    max += unitsForDose(s, drug);
  }
  return { min: unitsForDose(sum, drug), max, total: sum / SCALE };
}

// ---------------------------------------------------------------------------------------------
// Money

export interface DrugPrice {
  /** payment per billing unit (ASP payment limit); 0 for a packaged drug (Medicare SI N) */
  perUnit: number;
  /** OPPS status indicator, when Addendum B knows the code */
  si?: string;
  /** not Medicare: the same price, labelled an estimate */
  estimate: boolean;
  /** the ASP release used, with a note when it is not the one in force on the date */
  release: string;
}

/**
 * The price of one billing unit of a drug code for `amountAtRisk` (drug-billing.md section 10):
 * the ASP payment limit of the release for the date (else the nearest loaded, named); Medicare SI N
 * pays nothing separately. Undefined when no price is known (never the charge).
 */
export function drugPrice(rules: RuleSet, hcpcs: string, date: string, payerType: PayerType): DrugPrice | undefined {
  return memo3(rules, 'drug-price', date, hcpcs, payerType, () => priceOf(rules, hcpcs, date, payerType));
}

function priceOf(rules: RuleSet, hcpcs: string, date: string, payerType: PayerType): DrugPrice | undefined {
  const asp = aspPaymentLimit(rules, hcpcs, date);
  if (!asp) return undefined;
  const si = statusIndicatorOf(rules, hcpcs, date);
  const r = cmsRelease(rules, 'asp-pricing', date);
  const release = `ASP pricing ${r?.version ?? ''}${r && !r.inForce ? ', the nearest release loaded' : ''}`.trim();
  const packaged = payerType === 'medicare' && si === 'N';
  const p: DrugPrice = { perUnit: packaged ? 0 : asp.paymentLimit, estimate: payerType !== 'medicare', release };
  if (si !== undefined) p.si = si;
  return p;
}

/** The OPPS status indicator of a drug code on a date (remembered: the waste checks ask for every drug line). */
export function statusIndicatorOf(rules: RuleSet, hcpcs: string, date: string): string | undefined {
  return memo2(rules, 'status-indicator', date, hcpcs, () => statusIndicator(rules, hcpcs, date)?.si);
}

/** `units` x price, in cents; undefined when the price is unknown or zero. */
export function drugAmount(price: DrugPrice | undefined, units: number): number | undefined {
  if (!price || price.perUnit <= 0 || units <= 0) return undefined;
  return Math.round(price.perUnit * units * 100) / 100;
}
