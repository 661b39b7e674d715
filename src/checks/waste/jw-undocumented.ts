import type { Check } from '../types.js';
import { CMS_SOURCES, SOURCE_NOTE, amount, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.jw-undocumented`: a JW line with no discarded amount documented. */
export const wasteJwUndocumented: Check = {
  id: 'waste.jw-undocumented',
  category: 'waste',
  severity: 'warning',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A JW (discarded amount) line is billed but neither the MAR nor the dispense record documents any discarded amount.',
    why: 'JW bills discarded drug, and the discarded amount must be documented in the medical record; an auditor who finds no documentation recovers the JW units (JW units x the ASP payment limit).',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; Noridian JW/JZ FAQ (https://med.noridianmedicare.com/web/jea/fees-news/faqs/claim-submission); MSHO (https://www.msho.org/aws/MSHO/pt/sd/news_article/619236/_PARENT/layout_details/false).`,
    fix: 'Document the discarded amount (and the container) in the MAR, or remove the JW line if nothing was discarded.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' && g.scope !== 'not-required' && g.scope !== 'unverifiable') continue;
      if (g.jw.length === 0 || g.waste || g.jw.some((l) => g.jz.includes(l))) continue;
      const line = g.jw[0];
      if (!line) continue;
      ctx.report(
        findingOn(enc, g, line, 'modifiers', {
          message: `${g.code}-JW x ${g.jwBilled} is billed but no discarded amount is documented (MAR or dispense)${priceNote(g)}.`,
          expected: `${g.code} x ${g.adminUnits} with the discarded amount documented for ${g.code}-JW x ${g.jwBilled}, or no JW line`,
          direction: 'over',
          ...amount(g, g.jwBilled),
        }),
      );
    }
  },
};
