/**
 * Shared facts for the NDC checks (shared/domain/drug-billing.md sections 4, 5 and 10): the NDC a
 * claim line carries (11 digits, or undefined when absent or malformed, which `ndc.malformed`
 * reports), the payer's NDC requirement for a drug line, the NDCs dispensed for a drug, and the
 * price of a line denied whole. Reads rule data only; verdicts are memoised per table version.
 */
import type { ClaimLine, DispenseRow, Severity } from '../../model.js';
import type { PayerType, RuleSet } from '../../rules/index.js';
import type { NdcFormatData } from '../../rules/schemas.js';
import { cmsRelease } from '../../rules/cms.js';
import type { CheckContext, Encounter } from '../types.js';
import { drugAmount, drugPrice, drugLinesOf, isJW, isNocCode, marFor, unitRange, catalogDrug } from '../drug/lines.js';
import { judgeCached } from './malformed.js';

/** The `ndc-format` table data for a date. */
export function ndcFormat(rules: RuleSet, date: string): NdcFormatData | undefined {
  return rules.get<NdcFormatData>('ndc-format', date)?.data;
}

/** True when the cell holds something (an NDC, even a malformed one). */
export const hasNdc = (line: ClaimLine): boolean => line.ndc !== undefined && line.ndc.trim() !== '';

/** The digits of a well-formed NDC text for a date (claim form), else undefined. */
export function ndcDigits(rules: RuleSet, text: string | undefined, date: string): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const fmt = ndcFormat(rules, date);
  if (!fmt) return undefined;
  const v = judgeCached(text, fmt);
  if (v.ok) return v.digits;
  // a hyphenated package-label NDC pads with certainty (dispense and MAR exports); bare 10 digits never
  return v.reason === 'short-hyphenated' && v.expected !== undefined ? v.expected.replace(/-/g, '') : undefined;
}

/** The claim line's NDC as 11 (or, from 2033-03-07, 12) digits; undefined when absent or malformed. */
export function lineNdc(rules: RuleSet, line: ClaimLine): string | undefined {
  if (!hasNdc(line)) return undefined;
  const fmt = ndcFormat(rules, line.serviceDate);
  if (!fmt) return undefined;
  const v = judgeCached(line.ndc as string, fmt);
  return v.ok ? v.digits : undefined;
}

/** 5-4-2 display form of 11 digits (other lengths unchanged). */
export function showNdc(digits: string): string {
  return digits.length === 11 ? `${digits.slice(0, 5)}-${digits.slice(5, 9)}-${digits.slice(9)}` : digits;
}

/** A drug line that is C9399 or another NOC code. */
export function isNocLine(rules: RuleSet, line: ClaimLine): boolean {
  return isNocCode(rules, line.code, line.serviceDate);
}

export const isC9399 = (line: ClaimLine): boolean => line.code.toUpperCase() === 'C9399';

export interface NdcRequirement {
  /** severity of a missing NDC; undefined = the payer does not need one on this line */
  severity: Severity | undefined;
  /** why: the policy or the code that decides */
  reason: string;
  payerType: PayerType;
  /** the payer denies the line without a valid NDC (policy required, or C9399) */
  denies: boolean;
}

/**
 * What the line's payer needs (drug-billing.md section 4 table, `payers[].policy.ndc` over the
 * payer type's default): required -> error, expected -> warning, not-required -> none, noc-only ->
 * error on NOC lines only. C9399 always needs the NDC (IOM 100-04 ch. 17 section 90.3).
 */
export function ndcRequirement(ctx: Pick<CheckContext, 'payers' | 'rules'>, line: ClaimLine): NdcRequirement {
  const payer = ctx.payers.resolve(line.payer);
  const policy = payer.policy.ndc;
  const payerType = payer.type;
  if (isC9399(line)) return { severity: 'error', reason: 'C9399 is priced from the NDC (IOM 100-04 ch. 17 section 90.3)', payerType, denies: true };
  switch (policy) {
    case 'required':
      return { severity: 'error', reason: `the payer (${payerType}) requires an NDC on drug lines`, payerType, denies: true };
    case 'expected':
      return { severity: 'warning', reason: `the payer (${payerType}) expects an NDC on drug lines`, payerType, denies: false };
    case 'noc-only':
      return isNocLine(ctx.rules, line)
        ? { severity: 'error', reason: `the payer (${payerType}) requires an NDC on unclassified (NOC) drug lines`, payerType, denies: true }
        : { severity: undefined, reason: 'NDC required on NOC lines only', payerType, denies: false };
    default:
      return { severity: undefined, reason: `the payer (${payerType}) does not require an NDC`, payerType, denies: false };
  }
}

/** Drug lines of an encounter (computed once per encounter and shared with the other drug checks). */
export function drugLines(enc: Encounter, rules: RuleSet): ClaimLine[] {
  return drugLinesOf(enc, rules);
}

/**
 * Units the line should carry for a whole-line amount (drug-billing.md section 10): the billed
 * units, brought into the MAR's accepted range when the line is the only administered line of its
 * code that date (several lines share one range, so their split cannot be judged here).
 */
export function expectedUnits(enc: Encounter, line: ClaimLine, rules: RuleSet): number {
  if (isJW(line)) return line.units;
  const siblings = enc.claims.filter((c) => c.code === line.code && c.serviceDate === line.serviceDate && !isJW(c));
  if (siblings.length !== 1) return line.units;
  const drug = catalogDrug(rules, line.code, line.serviceDate);
  if (!drug) return line.units;
  const range = unitRange(marFor(enc, line, rules), drug);
  if (!range) return line.units;
  return Math.min(Math.max(line.units, range.min), range.max);
}

/** amountAtRisk of a line denied whole: expected units x the ASP limit (an estimate for other payers). */
export function denialAmount(enc: Encounter, line: ClaimLine, rules: RuleSet, payerType: PayerType): { amountAtRisk?: number; note: string } {
  const price = drugPrice(rules, line.code, line.serviceDate, payerType);
  const units = expectedUnits(enc, line, rules);
  const amount = drugAmount(price, units);
  if (amount === undefined) return { note: '' };
  return { amountAtRisk: amount, note: ` (${units} units x $${price?.perUnit ?? 0}${price?.estimate ? ', estimate' : ''}, ${price?.release ?? ''})` };
}

/** " (crosswalk 2025Q4, the nearest release loaded)" when the release is not the DOS quarter's. */
export function crosswalkNote(rules: RuleSet, date: string): string {
  const r = cmsRelease(rules, 'asp-crosswalk', date);
  return r ? `ASP crosswalk ${r.version}${r.inForce ? '' : ', the nearest release loaded'}` : 'ASP crosswalk';
}

/** The digits of a dispense row's NDC (11-digit or hyphenated label form); undefined when ambiguous or malformed. */
export function dispenseNdc(rules: RuleSet, d: DispenseRow): string | undefined {
  return ndcDigits(rules, d.ndc, d.dispenseDate);
}

/** The fields every NDC finding about one claim line carries: the line first, on `column`. */
export function onLine(c: ClaimLine, column: string) {
  return {
    records: [{ kind: 'claims' as const, record: c, column }],
    patientId: c.patientId,
    claimId: c.claimId,
    line: c.line,
    serviceDate: c.serviceDate,
    code: c.code,
  };
}

/** Drug lines the crosswalk can judge: a well-formed NDC, not a NOC/C9399 line, a crosswalk release loaded. */
export function crosswalkableLines(enc: Encounter, rules: RuleSet): { c: ClaimLine; ndc: string }[] {
  const out: { c: ClaimLine; ndc: string }[] = [];
  for (const c of drugLines(enc, rules)) {
    const ndc = lineNdc(rules, c);
    if (ndc === undefined || isNocLine(rules, c)) continue;
    if (!cmsRelease(rules, 'asp-crosswalk', c.serviceDate)) continue;
    out.push({ c, ndc });
  }
  return out;
}
