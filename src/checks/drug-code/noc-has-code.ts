import type { Check } from '../types.js';
import { money } from '../drug/units-helpers.js';
import { nocLines, showNdc, unitsFor } from './noc-helpers.js';

/** `drug-code.noc-has-code`: a NOC/C9399 line whose NDC maps to a specific HCPCS code. */
export const nocHasCode: Check = {
  id: 'drug-code.noc-has-code',
  category: 'drug-code',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['noc-codes', 'asp-crosswalk', 'drug-catalog', 'asp-pricing'],
  docs: {
    summary: 'A not-otherwise-classified line (J3490, J3590, J9999, J7999, C9399) whose NDC (on the line, else the MAR or dispense record it stands for) maps to a specific HCPCS code in the ASP crosswalk of the date.',
    why:
      'A NOC code may be used only when no specific code exists; Medicare packages J3490/J3590 (SI N), so a drug with its own code billed as NOC loses its payment, and other payers deny or price it by invoice. ' +
      'Amount at risk: the line as it should be billed, the specific code\'s units x its ASP payment limit (other payers: an estimate).',
    source:
      'shared/domain/drug-billing.md section 7 (NOC codes and new drugs; drug-code.noc-has-code) and section 10; IOM 100-04 ch. 17 section 90.3 (C9399; J3490/J3590 lose payment under OPPS); ' +
      'First Coast (NOC only when no specific code exists); CMS ASP NDC-HCPCS crosswalk of the quarter (rule table asp-crosswalk); rule table noc-codes.',
    fix: 'Rebill the line with the specific code and its descriptor units (the expected value); keep the NDC on the line.',
  },
  perEncounter(enc, ctx) {
    for (const n of nocLines(enc, ctx.rules)) {
      if (!n.ndc || n.codes.length === 0) continue;
      const code = n.codes[0] as string;
      const units = unitsFor(n, code, enc, ctx.rules);
      const m = n.codes.length === 1 ? money(ctx.rules, code, n.date, ctx.payers.resolve(n.line.payer).type, units) : undefined;
      const where = n.ndcFrom === 'line' ? 'its NDC' : `the ${n.ndcFrom} NDC`;
      const exp = n.codes.length === 1 ? `${code} x${units}` : `one of ${n.codes.join(', ')} (the NDC maps to several codes)`;
      ctx.report({
        message: `${n.code} x${n.line.units} on ${n.date}: ${where} ${showNdc(n.ndc)} maps to ${n.codes.join(', ')} in the ASP crosswalk, so a specific code exists; bill ${exp}${m ? `: ${m.label}` : ''}.`,
        records: [{ kind: 'claims', record: n.line, column: n.ndcFrom === 'line' ? 'ndc' : 'code' }, ...n.mar.map((r) => ({ kind: 'mar' as const, record: r }))],
        patientId: enc.patientId,
        claimId: n.line.claimId,
        line: n.line.line,
        serviceDate: n.date,
        code: n.code,
        expected: exp,
        direction: 'denial',
        ...(m?.amount !== undefined ? { amountAtRisk: m.amount } : {}),
        discriminator: `${n.code}|${n.date}|${n.line.line}`,
      });
    }
  },
};
