import { crosswalkFor, crosswalkForHcpcs } from '../../rules/cms.js';
import type { Check } from '../types.js';
import { crosswalkNote, crosswalkableLines, denialAmount, ndcRequirement, onLine, showNdc } from './line-ndc.js';

/** `ndc.not-linked`: the line's NDC is in the crosswalk, but only under other HCPCS codes. */
export const ndcNotLinked: Check = {
  id: 'ndc.not-linked',
  category: 'ndc',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['asp-crosswalk', 'ndc-format', 'noc-codes'],
  docs: {
    summary: 'A drug line whose NDC the CMS ASP NDC-HCPCS crosswalk lists only under other HCPCS codes (skipped on NOC and C9399 lines).',
    why:
      'The NDC decides the code: one molecule can have several codes (Sandoz cyclophosphamide powder 00781-3233-94 is J9075, ' +
      'the solution 00781-3528-10 is J9074). An NDC that belongs to another code means the code or the NDC is wrong; payers ' +
      'that edit NDC against HCPCS (Medicaid) deny the line.',
    source:
      'shared/domain/drug-billing.md section 5 ("We do: ndc.not-linked"); CMS ASP NDC-HCPCS crosswalk (ASP pricing files page, ' +
      'cms.gov) of the quarter of the date of service, else the nearest loaded release, named in the message; NOC lines are ' +
      'left to drug-code.noc-has-code (section 7).',
    fix: 'Bill the code the NDC belongs to (recomputing units in its billing unit), or correct the NDC to the package actually used.',
  },
  perEncounter(enc, ctx) {
    for (const { c, ndc } of crosswalkableLines(enc, ctx.rules)) {
      const entries = crosswalkFor(ctx.rules, ndc, c.serviceDate);
      if (entries.length === 0) continue;
      const code = c.code.toUpperCase();
      if (entries.some((e) => e.hcpcs === code)) continue;
      const codes = [...new Set(entries.map((e) => e.hcpcs))];
      const described = entries.map((e) => `${e.hcpcs} (${e.drug}, ${e.dosage})`).filter((x, i, a) => a.indexOf(x) === i);
      const own = crosswalkForHcpcs(ctx.rules, code, c.serviceDate).length;
      const req = ndcRequirement(ctx, c);
      const money = req.denies ? denialAmount(enc, c, ctx.rules, req.payerType) : { note: '' };
      ctx.report({
        message:
          `NDC ${showNdc(ndc)} on ${c.code} is crosswalked to ${described.join(', ')}, not to ${c.code}` +
          `${own > 0 ? '' : ` (the crosswalk lists no NDC for ${c.code})`} (${crosswalkNote(ctx.rules, c.serviceDate)})` +
          `${req.denies ? `; ${req.reason}, so the line is denied${money.note}` : ''}.`,
        ...onLine(c, 'ndc'),
        expected: `${codes.join(' or ')} for NDC ${showNdc(ndc)} (units in that code's billing unit), or the NDC of a ${c.code} package`,
        discriminator: ndc,
        ...(money.amountAtRisk !== undefined ? { amountAtRisk: money.amountAtRisk, direction: 'denial' as const } : {}),
      });
    }
  },
};
