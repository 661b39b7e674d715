import type { Check } from '../types.js';
import { CMS_SOURCES, JZ_CREATED, SOURCE_NOTE, amount, findingOn, wasteGroups } from './common.js';

/** `waste.jw-not-allowed`: JW on a multi-dose NDC or C9399 (error); JZ before 2023-01-01 or JW on SI N (warning). */
export const wasteJwNotAllowed: Check = {
  id: 'waste.jw-not-allowed',
  category: 'waste',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing', 'noc-codes'],
  docs: {
    summary: 'JW on a drug from a multi-dose container or on C9399 (error); JZ before the modifier existed (2023-01-01) or JW on a packaged (status indicator N) Medicare drug (warning).',
    why: 'Only single-dose containers have billable waste: what is left in a multi-dose vial is not payable, and C9399 is billed as 1 unit with waste in the remarks, so those JW units are an overpayment (JW units x the ASP payment limit). JZ was created on 2023-01-01; on earlier dates it is an invalid modifier. JW/JZ apply to separately paid drugs (SI K, G), not packaged SI N drugs.',
    source: `${SOURCE_NOTE}; section 6 (status indicators) and section 7 (C9399); ${CMS_SOURCES}; Visante on C9399 (https://www.visanteinc.com/pharmacy-newsletter/whats-new-using-hcpcs-code-c9399-july-1-2022-update/); NGS drugs and biologicals (https://ngsmedicare.com/drugs-and-biologicals?selectedArticleId=11025084).`,
    fix: 'Remove the JW line (multi-dose, C9399: bill what was administered; C9399 waste goes in the remarks); remove JZ on dates before 2023-01-01; on SI N drugs no JW/JZ is needed.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope === 'not-required') continue;
      const bt = g.scopeWhy.startsWith('bill type');
      if (bt) continue;
      const jwOnly = g.jw.filter((l) => !g.jz.includes(l));
      if (jwOnly.length && (g.c9399 || g.scope === 'multi-dose')) {
        const line = jwOnly[0];
        if (line) {
          const units = jwOnly.reduce((n, l) => n + l.units, 0);
          const why = g.c9399 ? 'C9399 is billed as 1 unit with the waste in the remarks, never with a JW line' : `${g.container.how}: what is left in a multi-dose container is not billable waste`;
          ctx.report(
            findingOn(enc, g, line, 'modifiers', {
              message: `${g.code}-JW x ${units}: ${why}.`,
              expected: g.c9399 ? `${g.code} x 1 (waste in the remarks)` : `${g.code} x ${g.adminUnits}, no JW/JZ`,
              direction: 'over',
              ...amount(g, units),
            }),
          );
        }
      } else if (jwOnly.length && g.scope === 'si-n') {
        const line = jwOnly[0];
        if (line) {
          ctx.report(
            findingOn(enc, g, line, 'modifiers', {
              message: `${g.code}-JW x ${g.jwBilled}: ${g.scopeWhy}; JW/JZ apply to separately paid drugs (SI K, G) only (no separate payment: $0 at risk).`,
              expected: `${g.code} x ${g.adminUnits}, no JW/JZ`,
              direction: 'over',
              severity: 'warning',
            }),
          );
        }
      }
      if (g.date < JZ_CREATED && g.scope !== 'out') {
        for (const line of g.jz.filter((l) => !g.jw.includes(l))) {
          ctx.report(
            findingOn(enc, g, line, 'modifiers', {
              message: `${g.code} carries JZ on ${g.date}, before the modifier was created (2023-01-01); the line may be rejected for an invalid modifier.`,
              expected: `${g.code} x ${line.units} without JZ`,
              direction: 'denial',
              severity: 'warning',
              ...amount(g, line.units),
            }),
          );
        }
      }
    }
  },
};
