/**
 * Builders for the `billing-model` case tables (340b-and-billing-model.md section 8): one visit with
 * an administration line, optionally the drug line, the MAR administration and the dispense row,
 * for payers of each `bag.drugLine` policy.
 */
import type { ClaimLine, DispenseRow } from '../../src/model.js';
import type { Encounter } from '../../src/checks/types.js';
import type { Facility } from '../../src/rules/index.js';
import { claim, dispense, encounter, mar, payer, typedFacility } from './harness.js';

export const MEDICARE = 'Medicare Part B';
export const COMMERCIAL = 'Aetna PPO';
export const NONE = 'UnitedHealthcare Choice Plus';
export const PENNY = 'BridgeSpan PPO';
export const NAMED = 'HealthChoice Oklahoma';
export const PENNY_MOD = 'Acme Health';
export const NAMED_MOD = 'Sooner Health';
export const ANY_MOD = 'Zenith Health';
export const NONE_MOD = 'Tally Health';

/**
 * Payers of every bag policy: UHC none, BridgeSpan penny, HealthChoice named, Acme penny with a
 * modifier, Sooner named with a modifier, Zenith any with a modifier, Tally none with a modifier
 * (synthetic contracts), Aetna and Medicare default (any).
 */
export function fac(): Facility {
  return typedFacility({
    entity340b: [{ type: 'dsh' }],
    payers: [
      payer('UnitedHealthcare', 'commercial', 0, { bag: { drugLine: 'none' } }),
      payer('BridgeSpan', 'commercial', 1, { bag: { drugLine: 'penny' } }),
      payer('HealthChoice', 'commercial', 2, { bag: { drugLine: 'named' } }),
      payer('Acme', 'commercial', 3, { bag: { drugLine: 'penny', modifier: 'U1' } }),
      payer('Medicare', 'medicare', 4),
      payer('Aetna', 'commercial', 5),
      payer('Sooner', 'commercial', 6, { bag: { drugLine: 'named', modifier: 'U2' } }),
      payer('Zenith', 'commercial', 7, { bag: { drugLine: 'any', modifier: 'U3' } }),
      payer('Tally', 'commercial', 8, { bag: { drugLine: 'none', modifier: 'U1' } }),
    ],
  });
}

/** Drugs: [code, dose mg, MAR drug text, NDC, admin code]. */
export const DRUGS = {
  keytruda: ['J9271', 200, 'pembrolizumab (Keytruda)', '00006302602', '96413'],
  entyvio: ['J3380', 300, 'vedolizumab (Entyvio)', '64764030020', '96413'],
  xgeva: ['J0897', 120, 'denosumab (Xgeva)', '55513073001', '96372'],
} as const satisfies Record<string, readonly [string, number, string, string, string]>;

export type Model = DispenseRow['billingModel'];

export interface VisitSpec {
  date?: string;
  drug?: keyof typeof DRUGS;
  payer?: string;
  /** dispense rows' billing models (none: no dispense row) */
  models?: Model[];
  /** the drug line's charge; undefined: no drug line */
  charge?: number;
  /** MAR administration charted (default true) */
  given?: boolean;
  /** the administration line 1 billed (default true) */
  admin?: boolean;
  /** written over the drug line */
  line?: Partial<ClaimLine>;
  /** written over the visit */
  enc?: Partial<Encounter>;
}

/** One visit: administration line 1, drug line 2 when `charge` is set, the MAR row and the dispense rows. */
export function visit(s: VisitSpec): Encounter[] {
  const date = s.date ?? '2026-02-10';
  const [code, mg, text, ndc, admin] = DRUGS[s.drug ?? 'entyvio'];
  const base = { serviceDate: date, payer: s.payer ?? COMMERCIAL };
  const claims = s.admin === false ? [] : [claim({ ...base, line: '1', code: admin, units: 1, charge: 984 })];
  if (s.charge !== undefined) claims.push(claim({ ...base, line: '2', code, units: mg, charge: s.charge, ndc, ...s.line }));
  const rows = (s.models ?? []).map((m, i) => dispense({ dispenseId: `D${i + 1}`, dispenseDate: date, ndc, drug: text, quantity: 1, billingModel: m }));
  const given = s.given === false ? [] : [mar({ administrationId: 'M1', drug: text, code, ndc, dose: mg, doseUnit: 'mg', date, start: `${date}T09:00:00`, startText: `${date} 09:00`, stop: `${date}T09:30:00`, stopText: `${date} 09:30` })];
  return [encounter({ serviceDate: date, claims, mar: given, dispense: rows, ...s.enc })];
}
