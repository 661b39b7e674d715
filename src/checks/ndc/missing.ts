import type { Check } from '../types.js';
import { dispenseFor } from '../drug/lines.js';
import { denialAmount, dispenseNdc, drugLines, hasNdc, ndcRequirement, onLine, showNdc } from './line-ndc.js';

/** `ndc.missing`: a drug line without an NDC where the payer (or C9399) needs one. */
export const ndcMissing: Check = {
  id: 'ndc.missing',
  category: 'ndc',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['drug-catalog', 'noc-codes', 'asp-crosswalk', 'asp-pricing'],
  docs: {
    summary: 'A drug line without an NDC where the payer requires (error) or expects (warning) one; C9399 always needs it.',
    why:
      'Medicaid collects NDCs for rebates under the Deficit Reduction Act of 2005 and denies a drug line without a valid one; ' +
      'many commercial and Medicare Advantage plans require it too. Medicare pays by HCPCS and does not need it, except on ' +
      'C9399, which the MAC prices from the NDC. The whole line is at risk.',
    source:
      'shared/domain/drug-billing.md section 4 (payer table: Medicaid required per the Oregon Health Authority NDC page, ' +
      'Medicare C9399 per IOM 100-04 ch. 17 section 90.3, Anthem and Priority Health payer policies) and section 10 (whole-line ' +
      'amount); facility.yaml `payers[].policy.ndc` (required | expected | not-required | noc-only) overrides the payer type default.',
    fix: 'Add the 11-digit NDC of the package used (837I loop 2410: N4 qualifier, NDC, quantity and unit) to the line; one line per NDC.',
  },
  perEncounter(enc, ctx) {
    for (const c of drugLines(enc, ctx.rules)) {
      if (hasNdc(c)) continue;
      const req = ndcRequirement(ctx, c);
      if (req.severity === undefined) continue;
      const dispensed = [...new Set(dispenseFor(enc, c, ctx.rules).map((d) => dispenseNdc(ctx.rules, d)).filter((n): n is string => n !== undefined))];
      const money = req.denies ? denialAmount(enc, c, ctx.rules, req.payerType) : { note: '' };
      ctx.report({
        message: `${c.code} x${c.units} has no NDC; ${req.reason}${req.denies ? ', so the line is denied' : ''}${money.note}.`,
        ...onLine(c, 'ndc'),
        expected:
          dispensed.length > 0
            ? `${c.code} with NDC ${dispensed.map(showNdc).join(' or ')} (dispensed), quantity and unit`
            : `${c.code} with the 11-digit NDC of the package used, quantity and unit`,
        severity: req.severity,
        ...(money.amountAtRisk !== undefined ? { amountAtRisk: money.amountAtRisk, direction: 'denial' as const } : {}),
      });
    }
  },
};
