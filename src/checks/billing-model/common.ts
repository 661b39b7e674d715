/**
 * What the `billing-model` checks share (shared/domain/340b-and-billing-model.md section 8): the
 * source text, the price of a dose (units x P, the ASP payment limit of the date of service), the
 * payer's `bag.drugLine` policy in words, and the cheap tests that keep the bag checks off the
 * common path (an encounter without a white/brown-bagged dispense row).
 */
import type { ClaimLine, DispenseRow, MarRow } from '../../model.js';
import type { PayerPolicy, PayerType, RuleSet } from '../../rules/index.js';
import type { Encounter, FindingInput } from '../types.js';
import { acquisitions, type DrugAcquisition } from '../340b/acquisition.js';
import { dispenseForCode, drugAmount, drugPrice, isNocCode, marCodes } from '../drug/lines.js';
import { ndc11 } from '../drug/units-helpers.js';

export const SOURCE_NOTE =
  'shared/domain/340b-and-billing-model.md section 8 (white bag: APhA, UHC oncology sourcing 2021/2022; brown bag: Rxference; BridgeSpan $0.01 drug line; Oklahoma HealthChoice named drug line; NGS Medicare patient-supplied drugs at $0.01); payer policy bag (rules/README.md, facility.yaml)';

/** The most a drug line of a bagged dose may charge: $0.01 (section 8: drug line charge > $0.01 is `bag-charged`). */
export const PENNY = 0.01;

/** A nominal drug line: charged $0.00 or $0.01, or with no charge at all (never `bag-charged`). */
export const isNominal = (l: ClaimLine): boolean => l.charge === undefined || l.charge <= PENNY;

/** The encounter holds a white- or brown-bagged dispense row: the bag checks' early exit (a loop, nothing allocated). */
export function hasBaggedRow(enc: Encounter): boolean {
  const rows = enc.dispense;
  for (let i = 0; i < rows.length; i++) if ((rows[i] as DispenseRow).billingModel !== 'buy_and_bill') return true;
  return false;
}

const NO_LINES: readonly DrugAcquisition[] = [];

/**
 * The drug lines of the encounter whose dispense rows are all white/brown bag (acquisition status
 * `bag`); nothing, and nothing built, when the encounter has no bagged dispense row.
 */
export function baggedLines(enc: Encounter, rules: RuleSet): readonly DrugAcquisition[] {
  return hasBaggedRow(enc) ? acquisitions(enc, rules).filter((a) => a.status === 'bag') : NO_LINES;
}

/** A finding on a bagged drug line: on the line's `column`, with the dispense rows behind it. */
export function lineFinding(enc: Encounter, a: DrugAcquisition, column: string, message: string, expected: string): FindingInput {
  const l = a.line;
  return {
    message,
    records: [{ kind: 'claims', record: l, column }, ...a.rows.map((r) => ({ kind: 'dispense' as const, record: r, column: 'billing_model' }))],
    patientId: enc.patientId,
    claimId: l.claimId,
    line: l.line,
    serviceDate: l.serviceDate,
    code: l.code,
    expected,
  };
}

/** The price of `units` of a code on a date (units x P), with the ASP release; undefined when no price is known. */
export function doseAmount(rules: RuleSet, code: string, date: string, payerType: PayerType, units: number): { amount: number; release: string; estimate: boolean } | undefined {
  const p = drugPrice(rules, code, date, payerType);
  const amount = drugAmount(p, units);
  return p && amount !== undefined ? { amount, release: p.release, estimate: p.estimate } : undefined;
}

/** What correct billing of a bagged dose looks like for the payer's `bag.drugLine` policy. */
export function expectedFor(policy: PayerPolicy['bag'], code: string): string {
  const mod = policy.modifier ? ` with modifier ${policy.modifier}` : '';
  switch (policy.drugLine) {
    case 'none':
      return `no ${code} drug line: bill the administration only`;
    case 'penny':
      return `${code} at $0.01${mod}`;
    case 'named':
      return `${code} at $0.00 or $0.01 with the NDC${mod}`;
    default:
      return `${code} at $0.00 or $0.01${mod}, or no drug line`;
  }
}

/** A drug given per the MAR on a date (its first MAR row), with the dispense rows of its HCPCS codes. */
export interface Dose {
  row: MarRow;
  codes: string[];
  date: string;
  /** dispense rows of the drug (at least one) */
  rows: DispenseRow[];
  /** how many of them are white/brown bag */
  bagged: number;
}

/**
 * Each drug and date of the encounter's MAR (a dose above zero, or blank) that has dispense rows,
 * once, on its first MAR row: what `not-billed` (hospital stock) and `bag-line-missing` (bagged)
 * look for on the claim.
 */
export function eachDose(enc: Encounter, rules: RuleSet, visit: (d: Dose) => void): void {
  // drugs and dates already visited: a handful per encounter, compared without key strings
  const seen: { codes: readonly string[]; date: string }[] = [];
  for (const row of enc.mar) {
    if (row.dose !== undefined && row.dose <= 0) continue;
    const codes = marCodes(rules, row);
    if (codes.length === 0) continue;
    const date = row.date ?? enc.serviceDate;
    if (seen.some((x) => x.date === date && (x.codes === codes || sameCodes(x.codes, codes)))) continue;
    seen.push({ codes, date });
    const rows: DispenseRow[] = [];
    let bagged = 0;
    for (const c of codes) {
      for (const d of dispenseForCode(enc, c, rules)) {
        if (rows.includes(d)) continue;
        if (d.billingModel !== 'buy_and_bill') bagged++;
        rows.push(d);
      }
    }
    if (rows.length > 0) visit({ row, codes, date, rows, bagged });
  }
}

const sameCodes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** The MAR administrations of the dose's drug on its date (a dose above zero, or blank). */
export function givenOf(enc: Encounter, rules: RuleSet, d: Dose): MarRow[] {
  return enc.mar.filter((m) => (m.date ?? enc.serviceDate) === d.date && (m.dose === undefined || m.dose > 0) && sameCodes(marCodes(rules, m), d.codes));
}

/** "vedolizumab 300 mg given (M1, M2)": the dose as a message starts. */
export function describeGiven(d: Dose, given: readonly MarRow[]): string {
  const r = d.row;
  return `${r.drug}${r.dose !== undefined ? ` ${r.dose}${r.doseUnit ? ` ${r.doseUnit}` : ''}` : ''} given (${given.map((g) => g.administrationId ?? `MAR row ${g.row}`).join(', ')})`;
}

/** Some claim line of the dose's date bills the drug (its code, its dispensed/charted NDC, or a NOC code). */
export function doseBilled(claims: readonly ClaimLine[], d: Dose, rules: RuleSet): boolean {
  // the usual case first and cheaply: a line of the date under one of the drug's codes
  for (const l of claims) if (l.serviceDate === d.date && d.codes.includes(l.code.toUpperCase())) return true;
  let ndcs: Set<string> | undefined;
  const ndcsOf = () => (ndcs ??= new Set([...d.rows.map((r) => ndc11(r.ndc)), ndc11(d.row.ndc)].filter((x): x is string => x !== undefined)));
  for (const l of claims) if (doseLineMatch(l, d.codes, d.date, ndcsOf, rules) !== undefined) return true;
  return false;
}

/**
 * How a claim line of `date` bills a dose of a drug with HCPCS `codes`: by one of its codes, by an
 * NDC dispensed or charted for it (`ndcs()`, 11 digits, built on first use), or as a NOC code
 * (could be any drug: counted as billed, never judged); undefined when it does not.
 */
export function doseLineMatch(l: ClaimLine, codes: readonly string[], date: string, ndcs: () => ReadonlySet<string>, rules: RuleSet): 'code' | 'ndc' | 'noc' | undefined {
  if (l.serviceDate !== date) return undefined;
  const c = l.code.toUpperCase();
  if (codes.includes(c)) return 'code';
  if (l.ndc) {
    const n = ndc11(l.ndc);
    if (n !== undefined && ndcs().has(n)) return 'ndc';
  }
  return isNocCode(rules, c, date) ? 'noc' : undefined;
}
