import type { Check } from '../types.js';
import { CMS_SOURCES, JZ_REQUIRED_FROM, SOURCE_NOTE, amount, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.undocumented`: a single-dose drug line with neither JW nor JZ and no waste documented. */
export const wasteUndocumented: Check = {
  id: 'waste.undocumented',
  category: 'waste',
  severity: 'warning',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A single-dose drug is billed with neither JZ nor a JW line, and neither the MAR nor the dispense record documents whether anything was discarded.',
    why: 'From 2023-07-01 every separately paid single-dose drug line needs JZ (nothing discarded) or a JW line (the discarded amount); without the discarded amount on record nobody can say which, and the line may be returned (whole line at risk: expected units x the ASP payment limit).',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; MSHO on documenting dose, discarded amount and container (https://www.msho.org/aws/MSHO/pt/sd/news_article/619236/_PARENT/layout_details/false).`,
    fix: 'Document the discarded amount (0 when nothing was discarded) in the MAR, then add JZ or a JW line accordingly.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' || g.policy !== 'required' || g.date < JZ_REQUIRED_FROM) continue;
      if (g.jw.length > 0 || g.jz.length > 0 || g.waste) continue;
      ctx.report(
        findingOn(enc, g, g.first, 'modifiers', {
          message: `${g.code}: single-dose drug billed without JZ or a JW line, and no discarded amount is documented (MAR or dispense)${priceNote(g)}.`,
          expected: `${g.code}-JZ x ${g.adminUnits} if nothing was discarded, else ${g.code} x ${g.adminUnits} + ${g.code}-JW x the discarded units (documented)`,
          direction: 'denial',
          ...amount(g, g.adminUnits),
        }),
      );
    }
  },
};
