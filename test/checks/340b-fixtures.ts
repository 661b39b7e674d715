/**
 * Builders for the `340b` case tables: one drug dose (a claim line, optionally its JW line) and the
 * dispense rows behind it, for a facility of a given 340B designation. Status indicators from the
 * shipped Addendum B (2026Q1, the nearest release for every date): J9271 K, J3380 K, J9173 K,
 * J0129 K, J2350 K, J0177 G (pass-through), J2405 N.
 */
import type { ClaimLine, DispenseRow } from '../../src/model.js';
import type { Encounter } from '../../src/checks/types.js';
import type { Entity340b, Entity340bPeriod, Facility } from '../../src/rules/index.js';
import { claim, dispense, encounter, payer, typedFacility } from './harness.js';

export const MEDICARE = 'Medicare Part B';
export const MA = 'Aetna Medicare Advantage';
export const MA_STRICT = 'Humana Medicare Advantage';
export const COMMERCIAL = 'Aetna PPO';
export const MEDICAID = 'Illinois Medicaid';

/** A facility of one designation (or a dated list) with Medicare, two MA plans (one `modifiers340b: medicare`), commercial and Medicaid. */
export function fac(entity: Entity340b | Entity340bPeriod[]): Facility {
  return typedFacility({
    entity340b: typeof entity === 'string' ? [{ type: entity }] : entity,
    payers: [
      payer('Humana Medicare Advantage', 'medicare_advantage', 0, { modifiers340b: 'medicare' }),
      payer('Medicare Advantage', 'medicare_advantage', 1),
      payer('Medicare', 'medicare', 2),
      payer('Aetna', 'commercial', 3),
      payer('Medicaid', 'medicaid', 4),
    ],
  });
}

/** Drugs: [code, units, line NDC, dispense NDC]. */
export const DRUGS = {
  keytruda: ['J9271', 200, '00006-3026-02', '00006302602'],
  entyvio: ['J3380', 300, '64764-0300-20', '64764030020'],
  imfinzi: ['J9173', 150, '00310-4611-50', '00310461150'],
  orencia: ['J0129', 75, '00003-2187-13', '00003218713'],
  ocrevus: ['J2350', 600, '50242-0150-01', '50242015001'],
  eyleaHd: ['J0177', 8, '61755-0050-01', '61755005001'],
  ondansetron: ['J2405', 8, '00409-4755-03', '00409475503'],
} as const satisfies Record<string, readonly [string, number, string, string]>;

export type Stock = '340b' | 'wac' | 'gpo' | 'blank' | 'white_bag' | 'brown_bag';

export interface DoseSpec {
  date: string;
  drug?: keyof typeof DRUGS;
  payer?: string;
  mods?: string[];
  /** dispense rows behind the dose (none: no dispense evidence) */
  stock?: Stock[];
  /** false: the claim line carries no NDC (the dispense links through the crosswalk) */
  lineNdc?: boolean;
  /** a JW line with these modifiers and 2 units */
  jw?: string[];
  claim?: Partial<ClaimLine>;
}

/** One visit: the drug line (line 1), its JW line (line 2) when asked, and the dispense rows. */
export function dose(s: DoseSpec): Encounter[] {
  const [code, units, ndc, dNdc] = DRUGS[s.drug ?? 'keytruda'];
  const base = { serviceDate: s.date, payer: s.payer ?? MEDICARE, code, ...(s.lineNdc === false ? {} : { ndc }), ...s.claim };
  const claims = [claim({ ...base, line: '1', units, modifiers: s.mods ?? [] })];
  if (s.jw) claims.push(claim({ ...base, line: '2', units: 2, modifiers: ['JW', ...s.jw] }));
  const rows: DispenseRow[] = (s.stock ?? []).map((st, i) =>
    dispense({
      dispenseId: `D${i + 1}`,
      dispenseDate: s.date,
      ndc: dNdc,
      ...(st === '340b' || st === 'wac' || st === 'gpo' ? { inventory: st } : {}),
      billingModel: st === 'white_bag' || st === 'brown_bag' ? st : 'buy_and_bill',
    }),
  );
  return [encounter({ serviceDate: s.date, claims, dispense: rows })];
}
