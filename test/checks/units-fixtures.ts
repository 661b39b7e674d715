/** Builders for the units and drug-code case tables: drug claim lines, MAR doses, dispenses, encounters. */
import type { ClaimLine, DispenseRow, MarRow } from '../../src/model.js';
import type { Encounter } from '../../src/checks/types.js';
import { claim, dispense, encounter, mar } from './harness.js';

export const MEDICARE = 'Medicare Part B';
export const AETNA = 'Aetna PPO';

let line = 0;
/** A drug claim line (Medicare unless `payer` is given), its line number counting up. */
export function drugLine(code: string, units: number, date: string, p: Partial<ClaimLine> = {}): ClaimLine {
  return claim({ code, units, serviceDate: date, payer: MEDICARE, line: String(++line), modifiers: [], ...p });
}

/** A MAR administration of `drug` with a dose on `date`. */
export function dose(drug: string, amount: number | undefined, unit: string | undefined, date: string, p: Partial<MarRow> = {}): MarRow {
  const r = mar({ drug, route: 'IV', start: `${date}T09:00:00`, startText: `${date} 09:00`, stop: `${date}T09:30:00`, stopText: `${date} 09:30`, date, ...p });
  if (amount !== undefined) r.dose = amount;
  else delete r.dose;
  if (unit !== undefined) r.doseUnit = unit;
  return r;
}

export function disp(ndc: string, quantity: number, date: string, p: Partial<DispenseRow> = {}): DispenseRow {
  return dispense({ ndc, quantity, quantityUnit: 'UN', dispenseDate: date, ...p });
}

/** One encounter of patient P0001 holding the rows. */
export function visit(claims: ClaimLine[], marRows: MarRow[] = [], dispenseRows: DispenseRow[] = []): Encounter[] {
  const date = claims[0]?.serviceDate ?? marRows[0]?.date ?? '2025-10-06';
  return [encounter({ serviceDate: date, claims, mar: marRows, dispense: dispenseRows })];
}
