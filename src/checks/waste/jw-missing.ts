import type { Check } from '../types.js';
import { CMS_SOURCES, JW_REQUIRED_FROM, SOURCE_NOTE, amount, expectedText, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.jw-missing`: documented single-dose waste of at least one billing unit, no JW line. */
export const wasteJwMissing: Check = {
  id: 'waste.jw-missing',
  category: 'waste',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing', 'asp-crosswalk'],
  docs: {
    summary: 'A single-dose drug whose MAR (or dispense record) documents a discarded amount of at least one billing unit has no JW line for it.',
    why: 'Since 2017-01-01 Medicare requires the discarded amount of a single-dose container on its own line with modifier JW (units = floor(waste / unit size)); without it the waste is not paid and the claim misstates what was opened. Money at risk: the JW units x the ASP payment limit (revenue missed).',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; Noridian JW/JZ FAQ (https://med.noridianmedicare.com/web/jea/fees-news/faqs/claim-submission).`,
    fix: 'Add a second line of the same HCPCS with modifier JW and the discarded units (rounded down), keep the administered units on the first line without JW/JZ, and keep the discarded amount documented in the MAR.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' || g.policy === 'not-required' || g.date < JW_REQUIRED_FROM) continue;
      if (g.jw.length > 0 || g.jz.length > 0 || !g.waste || (g.wasteUnits ?? 0) < 1) continue;
      const jw = g.wasteUnits ?? 0;
      ctx.report(
        findingOn(enc, g, g.first, 'modifiers', {
          message: `${g.code}: the ${g.waste.source} documents ${g.waste.text} discarded (${jw} billing unit${jw === 1 ? '' : 's'}) from a single-dose container, but no ${g.code}-JW line is billed${priceNote(g)}.`,
          expected: expectedText(g, jw),
          direction: 'under',
          ...amount(g, jw),
        }),
      );
    }
  },
};
