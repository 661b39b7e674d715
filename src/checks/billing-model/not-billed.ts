import type { Check } from '../types.js';
import { catalogDrug, unitRange } from '../drug/lines.js';
import { SOURCE_NOTE, describeGiven, doseAmount, doseBilled, eachDose, givenOf } from './common.js';

/**
 * `billing-model.not-billed`: a drug given per the MAR and dispensed buy-and-bill (hospital stock,
 * no bagged row for it) with no drug line on the claim for its HCPCS on the date of the
 * administration: revenue missed. One finding per drug and date, on its first MAR row. A drug line
 * of the date carrying the dispensed or charted NDC, or a NOC line on the date, counts as billed
 * (never flagged: the drug-code checks judge the code). Without a dispense row the gap is not this
 * check's (charge capture); without any claim line for the encounter nothing is judged (the claim
 * is not in the extract), nor when a claim row of the encounter was unreadable. Early exit: no MAR,
 * dispense or claim rows.
 */
export const notBilled: Check = {
  id: 'billing-model.not-billed',
  category: 'billing-model',
  severity: 'error',
  needs: ['claims', 'mar', 'dispense'],
  ruleTables: ['drug-catalog', 'asp-crosswalk', 'asp-pricing', 'opps-status'],
  docs: {
    summary: 'A buy-and-bill drug was administered (MAR) and dispensed from hospital stock, but the claim has no drug line for its HCPCS on that date.',
    why: 'Under buy-and-bill the hospital buys, stocks and prepares the drug and recovers its cost only through the drug line (MMIT; shared note section 8). An administration charted and dispensed without a drug line is revenue missed: the administration is paid, the drug is not. amountAtRisk = the expected billing units (MAR doses in the catalog unit, rounded up) x P, the ASP payment limit of the date (an estimate for payers other than Medicare); no amount when the dose or price is unknown.',
    source: `${SOURCE_NOTE}; MAR and dispense rows resolved to HCPCS through the drug catalog and the ASP NDC-HCPCS crosswalk (src/checks/drug/lines.ts).`,
    fix: 'Add the drug line (HCPCS, units from the MAR dose, NDC and JW/JZ as the payer requires) on the claim, or correct the MAR/dispense record if the drug was not given or was bagged (billing_model white_bag/brown_bag).',
  },
  perEncounter(enc, ctx) {
    if (enc.mar.length === 0 || enc.dispense.length === 0 || enc.claims.length === 0 || enc.claimsIncomplete) return;
    eachDose(enc, ctx.rules, (d) => {
      // hospital stock only: at least one buy-and-bill row, none bagged
      if (d.bagged > 0 || doseBilled(enc.claims, d, ctx.rules)) return;
      const { codes, date, rows } = d;
      const given = givenOf(enc, ctx.rules, d);
      const code = codes[0] as string;
      const drug = codes.length === 1 ? catalogDrug(ctx.rules, code, date) : undefined;
      const range = drug ? unitRange(given, drug) : undefined;
      const payer = enc.claims[0]?.payer ?? '';
      const m = range ? doseAmount(ctx.rules, code, date, ctx.payers.resolve(payer).type, range.min) : undefined;
      const what = codes.length === 1 ? code : codes.join(' or ');
      ctx.report({
        message: `${describeGiven(d, given)} and dispensed buy-and-bill (${rows.map((r) => r.dispenseId).join(', ')}); no ${what} line on the claim for ${date}${m ? `; ${range?.min} units x P = $${m.amount.toFixed(2)} (${m.release}${m.estimate ? ', an estimate for this payer' : ''})` : ''}.`,
        records: [
          ...given.map((g) => ({ kind: 'mar' as const, record: g, column: 'drug' })),
          ...rows.map((r) => ({ kind: 'dispense' as const, record: r, column: 'billing_model' })),
        ],
        patientId: enc.patientId,
        serviceDate: date,
        code,
        expected: range ? `${what} x ${range.min}${range.max !== range.min ? `-${range.max}` : ''} on ${date}` : `a ${what} drug line on ${date}`,
        ...(m ? { amountAtRisk: m.amount, direction: 'under' as const } : { direction: 'under' as const }),
      });
    });
  },
};
