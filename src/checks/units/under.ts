import type { Check } from '../types.js';
import { reportUnits } from './compare.js';

/** `units.under`: billed (non-JW) units of a drug below what the MAR doses require (lost revenue). */
export const unitsUnder: Check = {
  id: 'units.under',
  category: 'units',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'asp-pricing', 'opps-status'],
  docs: {
    summary: 'Billed units of a drug (non-JW lines, per patient, date and HCPCS) below the fewest the MAR doses require: the summed dose divided by the HCPCS unit size, rounded up.',
    why:
      'Billing vials or milligrams of another size instead of the HCPCS descriptor units underbills the drug: the missing units are revenue the hospital never collects. ' +
      'The amount at risk is the missing units x the ASP payment limit of the code (Medicare SI N: packaged, $0; other payers: an estimate).',
    source:
      'shared/domain/drug-billing.md section 2 (accepted range, rounding up, a dose under one unit is 1 unit) and section 10 (amount); ' +
      'CMS RAC approved topic 0074 (excessive or insufficient drugs and biologicals); Noridian JZ FAQ (a dose under one unit bills 1); ' +
      'unit sizes from rule table drug-catalog (CMS ASP NDC-HCPCS crosswalk HCPCS dosage), prices from the CMS ASP pricing file of the date\'s quarter.',
    fix: 'Bill the dose in HCPCS descriptor units (dose / unit size, rounded up), not in vials or milligrams of another size; rebill the corrected line.',
  },
  perEncounter(enc, ctx) {
    reportUnits(enc, ctx, 'under');
  },
};
