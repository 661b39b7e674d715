/**
 * What the Medicaid `340b` checks share (shared/domain/340b-and-billing-model.md section 6): the
 * drug lines billed to a Medicaid payer with their acquisition and the payer's `medicaid340b`
 * policy (undefined: not configured), and the finding on such a line. Encounters without a
 * Medicaid claim line return before any acquisition is computed (the audit's hot path).
 * Unknown acquisition (no dispense row, blank inventory) and bagged doses never give a finding.
 */
import type { PayerPolicy } from '../../rules/index.js';
import type { CheckContext, Encounter } from '../types.js';
import { lastEncounter } from '../memo.js';
import { acquisitions, type DrugAcquisition } from './acquisition.js';

export type Medicaid340b = NonNullable<PayerPolicy['medicaid340b']>;

export const MEDICAID_SOURCE =
  'shared/domain/340b-and-billing-model.md section 6 (HRSA Medicaid Exclusion File; CMS CIB 2020-01-08; state identifiers: Illinois HFS UD first, MassHealth UD, Texas VDP U8, MaineCare JG/UC); payer policy medicaid340b (rules/README.md, facility.yaml)';

const medicaidUse = lastEncounter<boolean>();

/** Does any claim line of the encounter go to a Medicaid payer? (once per encounter, no acquisitions built) */
export function hasMedicaid(enc: Encounter, ctx: CheckContext): boolean {
  return medicaidUse(enc, ctx.payers, () => {
    let last: string | undefined;
    for (const c of enc.claims) {
      if (c.payer === last) continue;
      last = c.payer;
      if (ctx.payers.resolve(c.payer).type === 'medicaid') return true;
    }
    return false;
  });
}

/**
 * Calls `fn` for each drug line billed to a Medicaid payer, with the payer's `medicaid340b` policy
 * (undefined when not configured). Lines of unknown acquisition are skipped here.
 */
export function forEachMedicaidLine(enc: Encounter, ctx: CheckContext, fn: (a: DrugAcquisition, policy: Medicaid340b | undefined) => void): void {
  if (!hasMedicaid(enc, ctx)) return;
  for (const a of acquisitions(enc, ctx.rules)) {
    if (a.status === 'unknown') continue;
    const p = ctx.payers.resolve(a.line.payer);
    if (p.type !== 'medicaid') continue;
    fn(a, p.policy.medicaid340b);
  }
}

/** The line's acquisition holds a 340B dose (all or part of it from 340B stock). */
export const has340bDose = (a: DrugAcquisition): boolean => a.status === '340b' || a.status === 'mixed';

/** Index of a modifier on the line, -1 when absent (no strings built). */
export function modifierIndex(a: DrugAcquisition, m: string): number {
  const mods = a.line.modifiers;
  for (let i = 0; i < mods.length; i++) if (mods[i] === m) return i;
  return -1;
}

/** Where the carve decision comes from: the MEF for fee-for-service, the state or plan for managed care. */
export const carveWords = (p: Medicaid340b): string =>
  p.managedCare ? `the managed care plan carves ${p.carve} (state or plan rule; the MEF does not apply)` : `the site carves ${p.carve} for fee-for-service Medicaid (HRSA Medicaid Exclusion File)`;

export const dispenseIds = (a: DrugAcquisition): string => a.rows.map((r) => r.dispenseId).join(', ');
