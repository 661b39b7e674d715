import type { Check } from '../types.js';
import { denialAmount, drugLines, hasNdc, ndcFormat, ndcRequirement, onLine } from './line-ndc.js';

/** `ndc.incomplete`: an NDC without a valid unit qualifier or a positive quantity. */
export const ndcIncomplete: Check = {
  id: 'ndc.incomplete',
  category: 'ndc',
  severity: 'warning',
  needs: ['claims'],
  ruleTables: ['ndc-format', 'drug-catalog', 'noc-codes'],
  docs: {
    summary: 'A drug line with an NDC but no NDC unit (UN, ML, GR, F2, ME) or no quantity above zero.',
    why:
      'The NDC travels with its quantity and unit (837I loop 2410 CTP04 and CTP05-1); a payer that needs the NDC rejects it ' +
      'without them, so the finding takes the payer\'s ndc.missing severity (at least a warning).',
    source:
      'shared/domain/drug-billing.md section 4 ("Qualifier and quantity": X12 RFI 2151, Anthem GA unit qualifiers); units from ' +
      'rule table `ndc-format` (`unitQualifiers`); section 10 for the whole-line amount where the payer requires the NDC.',
    fix: 'Report the NDC quantity (> 0, decimals allowed) in the unit of the product: UN each, ML, GR, F2 international unit, ME milligram.',
  },
  perEncounter(enc, ctx) {
    for (const c of drugLines(enc, ctx.rules)) {
      if (!hasNdc(c)) continue;
      const fmt = ndcFormat(ctx.rules, c.serviceDate);
      if (!fmt) continue;
      const unit = c.ndcUnit?.trim().toUpperCase() ?? '';
      const unitOk = unit !== '' && Object.hasOwn(fmt.unitQualifiers, unit);
      const qtyOk = c.ndcQuantity !== undefined && c.ndcQuantity > 0;
      if (unitOk && qtyOk) continue;
      const req = ndcRequirement(ctx, c);
      const problems: string[] = [];
      if (!unitOk) problems.push(unit === '' ? 'no NDC unit' : `NDC unit "${c.ndcUnit ?? ''}" is not one of ${Object.keys(fmt.unitQualifiers).join(', ')}`);
      if (!qtyOk) problems.push(c.ndcQuantity === undefined ? 'no NDC quantity' : `NDC quantity ${c.ndcQuantity} is not above zero`);
      const money = req.severity === 'error' && req.denies ? denialAmount(enc, c, ctx.rules, req.payerType) : { note: '' };
      ctx.report({
        message: `${c.code} NDC ${c.ndc ?? ''}: ${problems.join(' and ')}${req.severity === 'error' ? `; ${req.reason}, so the line is denied${money.note}` : ''}.`,
        ...onLine(c, unitOk ? 'ndc_quantity' : 'ndc_unit'),
        expected: `NDC ${c.ndc ?? ''} with a quantity above zero and a unit of ${Object.keys(fmt.unitQualifiers).join(', ')}`,
        severity: req.severity === 'error' ? 'error' : 'warning',
        ...(money.amountAtRisk !== undefined ? { amountAtRisk: money.amountAtRisk, direction: 'denial' as const } : {}),
      });
    }
  },
};
