import type { Check } from '../types.js';
import { nocLines, nocScope, showNdc } from './noc-helpers.js';

/** `drug-code.noc-unsupported`: a NOC line without the NDC (C9399: or quantity) that identifies the drug. */
export const nocUnsupported: Check = {
  id: 'drug-code.noc-unsupported',
  category: 'drug-code',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['noc-codes'],
  docs: {
    summary: 'A not-otherwise-classified drug line without an NDC on the line: an error when the payer\'s policy.ndc is required, expected or noc-only, a warning otherwise (Medicare J3490/J3590/J9999); C9399 without NDC or NDC quantity is always an error.',
    why:
      'A NOC code says nothing about the drug: the payer prices it from the NDC, quantity, name, strength and dose (sometimes an invoice). ' +
      'C9399 needs the NDC, the quantity in the NDC unit and the approval date, or the MAC cannot price it. Without them the line is denied or returned.',
    source:
      'shared/domain/drug-billing.md section 7 (drug-code.noc-unsupported) and section 4 (policy.ndc); IOM 100-04 ch. 17 section 90.3 (C9399 needs NDC, quantity and date); ' +
      'Palmetto GBA and Priority Health NOC billing requirements; rule table noc-codes.',
    fix: 'Put the NDC (N4 qualifier, 11 digits), the quantity and unit on the line, and the drug name, strength and dose in the remarks; for C9399 also the date of FDA approval.',
  },
  perEncounter(enc, ctx) {
    for (const n of nocLines(enc, ctx.rules)) {
      const c9399 = nocScope(ctx.rules, n.code, n.date) === 'medicare-opps-asc';
      const qtyMissing = n.line.ndcQuantity === undefined || n.line.ndcQuantity <= 0;
      if (n.lineNdc && !(c9399 && qtyMissing)) continue;
      const policy = ctx.payers.resolve(n.line.payer).policy.ndc;
      const severity = c9399 || policy !== 'not-required' ? 'error' : 'warning';
      const what = !n.lineNdc ? (n.line.ndc ? `an NDC that is not 11 digits ("${n.line.ndc}")` : 'no NDC') : 'no NDC quantity';
      const known = n.ndc && n.ndcFrom !== 'line' ? ` (the ${n.ndcFrom} shows ${showNdc(n.ndc)})` : '';
      ctx.report({
        message: `${n.code} x${n.line.units} on ${n.date} has ${what}${known}: a ${c9399 ? 'C9399 line needs the NDC, its quantity and unit' : 'NOC line needs the NDC'} to identify and price the drug${c9399 ? '' : ` (payer NDC policy: ${policy})`}.`,
        records: [{ kind: 'claims', record: n.line, column: n.lineNdc ? 'ndc_quantity' : 'ndc' }],
        patientId: enc.patientId,
        claimId: n.line.claimId,
        line: n.line.line,
        serviceDate: n.date,
        code: n.code,
        expected: `${n.code} with NDC ${n.ndc ? `N4 ${n.ndc}` : '(11 digits, N4)'}, NDC quantity and unit${c9399 ? ', approval date in the remarks' : '; drug name, strength and dose in the remarks'}`,
        direction: 'denial',
        ...(severity === 'warning' ? { severity: 'warning' as const } : {}),
        discriminator: `${n.code}|${n.date}|${n.line.line}`,
      });
    }
  },
};
