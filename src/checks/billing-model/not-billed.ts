import type { ClaimLine, DispenseRow, MarRow } from '../../model.js';
import type { Check } from '../types.js';
import { catalogDrug, dispenseFor, isNocCode, marCodes, unitRange } from '../drug/lines.js';
import { ndc11 } from '../drug/units-helpers.js';
import { SOURCE_NOTE, doseAmount } from './common.js';

/** dispenseFor reads only the line's code. */
const byCode = (code: string): ClaimLine => ({ code }) as ClaimLine;

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
    const seen = new Set<string>();
    for (const row of enc.mar) {
      if (row.dose !== undefined && row.dose <= 0) continue;
      const codes = marCodes(ctx.rules, row);
      if (codes.length === 0) continue;
      const date = row.date ?? enc.serviceDate;
      const key = `${codes.join('/')}|${date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // dispense rows of the drug: at least one buy-and-bill row, none bagged
      const rows: DispenseRow[] = [];
      let bagged = false;
      for (const c of codes) {
        for (const d of dispenseFor(enc, byCode(c), ctx.rules)) {
          if (rows.includes(d)) continue;
          if (d.billingModel !== 'buy_and_bill') bagged = true;
          rows.push(d);
        }
      }
      if (rows.length === 0 || bagged) continue;
      if (billed(enc.claims, codes, date, rows, row, ctx.rules)) continue;
      const given = enc.mar.filter((m) => (m.date ?? enc.serviceDate) === date && (m.dose === undefined || m.dose > 0) && sameCodes(marCodes(ctx.rules, m), codes));
      const code = codes[0] as string;
      const drug = codes.length === 1 ? catalogDrug(ctx.rules, code, date) : undefined;
      const range = drug ? unitRange(given, drug) : undefined;
      const payer = enc.claims[0]?.payer ?? '';
      const m = range ? doseAmount(ctx.rules, code, date, ctx.payers.resolve(payer).type, range.min) : undefined;
      const what = codes.length === 1 ? code : codes.join(' or ');
      ctx.report({
        message: `${row.drug}${row.dose !== undefined ? ` ${row.dose}${row.doseUnit ? ` ${row.doseUnit}` : ''}` : ''} given (${given.map((g) => g.administrationId ?? `MAR row ${g.row}`).join(', ')}) and dispensed buy-and-bill (${rows.map((d) => d.dispenseId).join(', ')}); no ${what} line on the claim for ${date}${m ? `; ${range?.min} units x P = $${m.amount.toFixed(2)} (${m.release}${m.estimate ? ', an estimate for this payer' : ''})` : ''}.`,
        records: [
          ...given.map((g) => ({ kind: 'mar' as const, record: g, column: 'drug' })),
          ...rows.map((d) => ({ kind: 'dispense' as const, record: d, column: 'billing_model' })),
        ],
        patientId: enc.patientId,
        serviceDate: date,
        code,
        expected: range ? `${what} x ${range.min}${range.max !== range.min ? `-${range.max}` : ''} on ${date}` : `a ${what} drug line on ${date}`,
        ...(m ? { amountAtRisk: m.amount, direction: 'under' as const } : { direction: 'under' as const }),
      });
    }
  },
};

const sameCodes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** A claim line of the date bills the drug: its code, the dispensed/charted NDC, or a NOC code. */
function billed(claims: readonly ClaimLine[], codes: readonly string[], date: string, rows: readonly DispenseRow[], mar: MarRow, rules: Parameters<typeof isNocCode>[0]): boolean {
  let ndcs: Set<string> | undefined;
  for (const l of claims) {
    if (l.serviceDate !== date) continue;
    const c = l.code.toUpperCase();
    if (codes.includes(c)) return true;
    if (isNocCode(rules, c, date)) return true;
    if (l.ndc) {
      ndcs ??= new Set([...rows.map((d) => ndc11(d.ndc)), ndc11(mar.ndc)].filter((x): x is string => x !== undefined));
      const n = ndc11(l.ndc);
      if (n !== undefined && ndcs.has(n)) return true;
    }
  }
  return false;
}
