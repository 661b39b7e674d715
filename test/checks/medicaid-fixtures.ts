/**
 * Facilities for the Medicaid `340b` case tables (340b-and-billing-model.md section 6): a DSH
 * hospital whose "Illinois Medicaid" entry sets `medicaid340b` as asked, and a catch-all "Medicaid"
 * entry with no policy (so "Ohio Medicaid" is unconfigured).
 */
import type { Facility, PayerPolicy } from '../../src/rules/index.js';
import { payer, typedFacility } from './harness.js';

export { dose } from './340b-fixtures.js';
export const IL_MEDICAID = 'Illinois Medicaid';
export const OH_MEDICAID = 'Ohio Medicaid';
export const MEDICARE = 'Medicare Part B';

type M = NonNullable<PayerPolicy['medicaid340b']>;

/** The policy with the parser's defaults (position any, no non-340B modifier, fee-for-service). */
export const policy = (p: Partial<M> & Pick<M, 'carve'>): M => ({ position: 'any', non340bModifier: null, managedCare: false, ...p });

export function medicaidFac(p?: Partial<M> & Pick<M, 'carve'>): Facility {
  return typedFacility({
    entity340b: [{ type: 'dsh' }],
    payers: [
      payer('Medicare', 'medicare', 0),
      payer('Aetna', 'commercial', 1),
      payer('Illinois Medicaid', 'medicaid', 2, p ? { medicaid340b: policy(p) } : {}),
      payer('Medicaid', 'medicaid', 3),
    ],
  });
}
