/** Compact MAR and claim builders for the administration check tables (synthetic patient P0001). */
import type { ClaimLine, MarRow } from '../../src/model.js';
import { claim, encounter, mar } from './harness.js';

const D = '2025-10-06';

/** one MAR administration on 2025-10-06: times `HH:MM`, stop optional */
export function adm(drug: string, route: string, start: string, stop: string | undefined, purpose: MarRow['purpose'], extra: Partial<MarRow> = {}): MarRow {
  const row = mar({ drug, route, start: `${D}T${start}:00`, startText: `${D} ${start}`, stopText: stop ? `${D} ${stop}` : '', date: D, ...extra });
  if (stop) row.stop = `${D}T${stop}:00`;
  else delete row.stop;
  if (purpose) row.purpose = purpose;
  return row;
}

let line = 0;
/** an administration claim line (code, units, modifiers) */
export function adminClaim(code: string, units = 1, modifiers: string[] = [], p: Partial<ClaimLine> = {}): ClaimLine {
  return claim({ code, units, modifiers, line: String(++line), ndc: undefined, ...p });
}

/** a drug line, so the encounter has a claim even when no administration code is billed */
export function drugClaim(code = 'J9271', units = 200): ClaimLine {
  return claim({ code, units, line: String(++line) });
}

export function enc(claims: ClaimLine[], marRows: MarRow[] = []) {
  return [encounter({ claims, mar: marRows })];
}

/** a chemo infusion of pembrolizumab 09:00-09:30 (96413) */
export const pembro30 = () => adm('pembrolizumab 200 mg', 'IV', '09:00', '09:30', 'chemo');
/** rituximab 09:00-13:10 = 250 min: 96413 + 96415 x3 */
export const ritux250 = () => adm('rituximab 700 mg', 'IV', '09:00', '13:10', 'chemo');
/** ondansetron push at 08:45 */
export const ondansetronPush = (at = '08:45') => adm('ondansetron 8 mg', 'IV push', at, undefined, 'therapeutic');
