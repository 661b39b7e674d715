import type { Check } from '../types.js';
import { isBareTenDigit } from '../ndc/ndc.js';

/** `input.ndc-ambiguous`: a 10-digit NDC without hyphens in the MAR or dispense file. */
export const ndcAmbiguous: Check = {
  id: 'input.ndc-ambiguous',
  category: 'input',
  severity: 'warning',
  needs: [],
  docs: {
    summary: 'A MAR or dispense NDC of 10 digits without hyphens: it could be padded to 11 digits three ways, so it is not converted.',
    why:
      'Checks that compare the NDC billed with the NDC given or dispensed need the exact package. Ten bare digits are ambiguous ' +
      '(4306600101 is docetaxel 43066-0001-01 or 43066-0010-01); the tool never guesses, so those comparisons treat the NDC as unknown.',
    source: 'shared/domain/drug-billing.md section 4: "In MAR/dispense files an unhyphenated 10-digit NDC is an input warning, never silently converted".',
    fix: 'Export NDCs in the 11-digit 5-4-2 form, or with the FDA hyphens (4-4-2, 5-3-2, 5-4-1).',
  },
  perEncounter(enc, ctx) {
    for (const m of enc.mar) {
      if (m.ndc !== undefined && isBareTenDigit(m.ndc)) {
        ctx.report({
          message: `MAR NDC "${m.ndc}" has 10 digits without hyphens; it is treated as unknown.`,
          records: [{ kind: 'mar', record: m, column: 'ndc' }],
          patientId: m.patientId,
          ...(m.date !== undefined ? { serviceDate: m.date } : {}),
          expected: 'an 11-digit NDC (5-4-2) or a hyphenated 10-digit NDC',
          discriminator: `mar:${m.administrationId ?? m.row}:${m.ndc}`,
        });
      }
    }
    for (const d of enc.dispense) {
      if (isBareTenDigit(d.ndc)) {
        ctx.report({
          message: `Dispense ${d.dispenseId} NDC "${d.ndc}" has 10 digits without hyphens; it is treated as unknown.`,
          records: [{ kind: 'dispense', record: d, column: 'ndc' }],
          patientId: d.patientId,
          serviceDate: d.dispenseDate,
          expected: 'an 11-digit NDC (5-4-2) or a hyphenated 10-digit NDC',
          discriminator: `dispense:${d.dispenseId}:${d.ndc}`,
        });
      }
    }
  },
};
