import type { Check } from '../types.js';
import { reportUnits } from './compare.js';

/** `units.over`: billed (non-JW) units of a drug above what the MAR doses support. */
export const unitsOver: Check = {
  id: 'units.over',
  category: 'units',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'asp-pricing', 'opps-status'],
  docs: {
    summary: 'Billed units of a drug (non-JW lines, per patient, date and HCPCS) above the most the MAR doses support: the sum of each dose divided by the HCPCS unit size, rounded up.',
    why:
      'Units are the dose in multiples of the descriptor dosage, rounded up to a whole unit; waste goes on a separate JW line. ' +
      'Units above what was given are an overpayment a RAC review recovers (CMS RAC topic 0074, excessive drugs). ' +
      'The amount at risk is the excess units x the ASP payment limit of the code (Medicare SI N: packaged, $0; other payers: an estimate).',
    source:
      'shared/domain/drug-billing.md section 2 (accepted range min = ceil(sum dose / size) to max = sum ceil(dose / size), exact decimals) and section 10 (amount); ' +
      'CMS RAC approved topic 0074 (excessive or insufficient drugs and biologicals); CGS and MMP on units as multiples of the HCPCS descriptor; ' +
      'unit sizes from rule table drug-catalog (CMS ASP NDC-HCPCS crosswalk HCPCS dosage), prices from the CMS ASP pricing file of the date\'s quarter.',
    fix: 'Bill the units the documented dose supports (the expected value), putting discarded single-dose amounts on a separate JW line; correct the charge in the chargemaster or pharmacy build if the units come from a vial-based default.',
  },
  perEncounter(enc, ctx) {
    reportUnits(enc, ctx, 'over');
  },
};
