import type { Check } from '../types.js';
import { nocLines, nocScope, showNdc } from './noc-helpers.js';

/** The NOC codes Medicare OPPS packages where C9399 would be paid (drug-billing.md section 7). */
const PACKAGED_NOC = new Set(['J3490', 'J3590']);

/** `drug-code.c9399`: C9399 billed to a payer other than Medicare or with units other than 1; Medicare J3490/J3590 for a drug the crosswalk does not know (info). */
export const c9399: Check = {
  id: 'drug-code.c9399',
  category: 'drug-code',
  severity: 'warning',
  needs: ['claims'],
  ruleTables: ['noc-codes', 'asp-crosswalk'],
  docs: {
    summary: 'C9399 (unclassified drug, Medicare OPPS/ASC only) billed to another payer or with units other than 1 (warning); Medicare J3490/J3590 whose NDC the ASP crosswalk does not know: if the drug is newly approved, C9399 applies (info).',
    why:
      'C9399 is for Medicare hospital outpatient and ASC claims: an FDA-approved drug without its own code yet, priced by the MAC at 95% of AWP from the NDC quantity, billed as 1 unit with waste in the remarks. ' +
      'Other payers do not recognise it (they take J3490/J3590/J9999), and Medicare OPPS packages J3490/J3590 (SI N), so a newly approved drug billed that way loses its payment.',
    source:
      'shared/domain/drug-billing.md section 7 (drug-code.c9399); IOM 100-04 ch. 17 section 90.3 (C9399, OPPS/ASC only, 95% of AWP); Visante, C9399 July 2022 update (1 unit, waste in remarks); rule table noc-codes (scope medicare-opps-asc).',
    fix: 'For another payer bill its NOC code (J3490/J3590/J9999) or the specific code; bill C9399 as 1 unit with the NDC quantity; for a Medicare J3490/J3590 line of a newly approved drug, bill C9399 with NDC, quantity and approval date.',
  },
  perEncounter(enc, ctx) {
    for (const n of nocLines(enc, ctx.rules)) {
      const payer = ctx.payers.resolve(n.line.payer);
      const base = {
        patientId: enc.patientId,
        claimId: n.line.claimId,
        line: n.line.line,
        serviceDate: n.date,
        code: n.code,
      };
      if (nocScope(ctx.rules, n.code, n.date) === 'medicare-opps-asc') {
        if (payer.type !== 'medicare') {
          ctx.report({
            ...base,
            message: `${n.code} billed to ${n.line.payer} (${payer.type}) on ${n.date}: C9399 is for Medicare hospital outpatient and ASC claims only; this payer expects its NOC code (J3490, J3590, J9999) or the drug's specific code.`,
            records: [{ kind: 'claims', record: n.line, column: 'code' }],
            expected: `J3490, J3590 or J9999 (or the specific code) x${n.line.units} with NDC`,
            direction: 'denial',
            discriminator: `payer|${n.date}|${n.line.line}`,
          });
        }
        if (n.line.units !== 1) {
          ctx.report({
            ...base,
            message: `${n.code} x${n.line.units} on ${n.date}: C9399 is billed as 1 unit, the amount given in the NDC quantity and the waste in the remarks.`,
            records: [{ kind: 'claims', record: n.line, column: 'units' }],
            expected: `${n.code} x1 with NDC quantity`,
            discriminator: `units|${n.date}|${n.line.line}`,
          });
        }
        continue;
      }
      if (payer.type === 'medicare' && PACKAGED_NOC.has(n.code) && n.lineNdc && n.codes.length === 0) {
        ctx.report({
          ...base,
          message: `${n.code} billed to Medicare on ${n.date} with NDC ${showNdc(n.lineNdc)}, which the ASP crosswalk does not know: if the drug is newly approved (no specific code yet), C9399 is paid where ${n.code} is packaged.`,
          records: [{ kind: 'claims', record: n.line, column: 'code' }],
          expected: `C9399 x1 with NDC ${n.lineNdc} and quantity, if the drug is FDA-approved without a specific code`,
          severity: 'info',
          discriminator: `new|${n.date}|${n.line.line}`,
        });
      }
    }
  },
};
