import type { Check } from '../types.js';
import { describeStatus } from '../340b/acquisition.js';
import { PENNY, SOURCE_NOTE, baggedLines, doseAmount, expectedFor, lineFinding } from './common.js';

/**
 * `billing-model.bag-charged`: a drug line linked to white- or brown-bagged dispense rows only
 * (acquisition status `bag`) charges more than $0.01: the hospital bills a drug it did not buy.
 * The administration lines are never flagged. Early exit: no bagged dispense row in the encounter.
 */
export const bagCharged: Check = {
  id: 'billing-model.bag-charged',
  category: 'billing-model',
  severity: 'error',
  needs: ['claims', 'dispense'],
  ruleTables: ['asp-pricing', 'opps-status'],
  docs: {
    summary: 'A drug line backed only by white-bag (payer specialty pharmacy) or brown-bag (brought by the patient) dispense rows charges more than $0.01.',
    why: 'A bagged drug is not the hospital\'s cost: the specialty pharmacy billed it (white bag) or the patient brought it (brown bag). Charging it on the hospital claim bills the payer twice for the drug (UHC: the hospital bills only the administration and may not charge the member for the drug; Medicare NGS: patient-supplied drugs are not paid, bill the code at $0.01). Depending on the payer, the claim carries no drug line (drugLine: none), a $0.01 line (penny) or a $0.00/$0.01 line naming the drug with its NDC (named); in every case the drug line charges nothing. The administration stays billable and is never flagged. amountAtRisk = units x P (ASP payment limit of the date; an estimate for payers other than Medicare).',
    source: `${SOURCE_NOTE}; dispense billing_model linked to the line through src/checks/340b/acquisition.ts.`,
    fix: 'Remove the drug charge: drop the line, or bill it at $0.00/$0.01 with the NDC as the payer\'s bag policy asks (facility.yaml payers[].policy.bag). If the dose was in fact hospital stock, correct the dispense record\'s billing_model.',
  },
  perEncounter(enc, ctx) {
    // early exit (in baggedLines): the bag status needs a bagged dispense row
    for (const a of baggedLines(enc, ctx.rules)) {
      const l = a.line;
      if (!(l.charge !== undefined && l.charge > PENNY)) continue;
      const payer = ctx.payers.resolve(l.payer);
      const policy = payer.policy.bag;
      const m = doseAmount(ctx.rules, l.code, l.serviceDate, payer.type, l.units);
      const price = m ? `; ${l.units} units x P = $${m.amount.toFixed(2)} (${m.release}${m.estimate ? ', an estimate for this payer' : ''})` : '; no ASP price known for the code';
      ctx.report({
        ...lineFinding(enc, a, 'charge', `${l.code} line ${l.line} charged $${l.charge.toFixed(2)} for a dose ${describeStatus(a)}; the payer's bag policy is drugLine: ${policy.drugLine}${price}.`, expectedFor(policy, l.code)),
        ...(m ? { amountAtRisk: m.amount, direction: 'over' as const } : {}),
      });
    }
  },
};
