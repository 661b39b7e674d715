/**
 * Builders for the JW/JZ (`waste`) case tables: one visit = claim lines of one claim and date plus
 * the MAR administrations behind them. Prices and status indicators come from the shipped CMS pack
 * (ASP 2025Q4, Addendum B 2026Q1): J9042 SI K $258.640; J1459 SI K $50.737; Q5116 SI K $27.991;
 * J9271 SI K $60.291; J0897 SI K (catalog container unknown); J9041, J2405, J1100, J9045 SI N.
 */
import type { ClaimLine, MarRow } from '../../src/model.js';
import type { Encounter } from '../../src/checks/types.js';
import { defaultPolicy } from '../../src/rules/index.js';
import { claim, encounter, mar, typedFacility } from './harness.js';

/** [code, units, modifiers, ndc?] */
export type LineSpec = [string, number, string[], string?];
/** [code, dose, unit, wasted?] (wasted undefined = blank) */
export type GivenSpec = [string, number, string, number?];

export function visit(spec: { date?: string; payer?: string; lines: LineSpec[]; mar?: GivenSpec[]; billType?: string; claim?: Partial<ClaimLine>; marRow?: Partial<MarRow> }): Encounter[] {
  const date = spec.date ?? '2025-11-18';
  const claims = spec.lines.map(([code, units, modifiers, ndc], i) =>
    claim({
      code,
      units,
      modifiers,
      line: String(i + 1),
      serviceDate: date,
      payer: spec.payer ?? 'Medicare Part B',
      ...(ndc ? { ndc } : {}),
      ...(spec.billType ? { billType: spec.billType } : {}),
      ...spec.claim,
    }),
  );
  const rows = (spec.mar ?? []).map(([code, dose, unit, wasted], i) =>
    mar({
      drug: code,
      code,
      dose,
      doseUnit: unit,
      date,
      start: `${date}T${String(9 + i).padStart(2, '0')}:00:00`,
      startText: `${date} ${9 + i}:00`,
      stop: `${date}T${String(9 + i).padStart(2, '0')}:30:00`,
      stopText: `${date} ${9 + i}:30`,
      ...(wasted !== undefined ? { wasted } : {}),
      ...spec.marRow,
    }),
  );
  return [encounter({ serviceDate: date, claims, mar: rows })];
}

/** Medicare (jwjz required by default) and Aetna commercial (not-required by default). */
export const facility = typedFacility();

/** The same, with Aetna's policy `jwjz: required`. */
export const aetnaRequired = typedFacility({
  payers: [
    { match: 'Medicare', type: 'medicare', policy: defaultPolicy('medicare'), policyInput: {}, index: 0 },
    { match: 'Aetna', type: 'commercial', policy: { ...defaultPolicy('commercial'), jwjz: 'required' }, policyInput: { jwjz: 'required' }, index: 1 },
  ],
});

/** The same, with Aetna's policy `jwjz: jw-only`. */
export const aetnaJwOnly = typedFacility({
  payers: [
    { match: 'Medicare', type: 'medicare', policy: defaultPolicy('medicare'), policyInput: {}, index: 0 },
    { match: 'Aetna', type: 'commercial', policy: { ...defaultPolicy('commercial'), jwjz: 'jw-only' }, policyInput: { jwjz: 'jw-only' }, index: 1 },
  ],
});

export const AETNA = 'Aetna PPO';
