import type { Check } from '../types.js';
import { CMS_SOURCES, JZ_REQUIRED_FROM, JZ_RETURNED_FROM, SOURCE_NOTE, amount, expectedText, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.jz-missing`: nothing (less than one unit) discarded from a single-dose container, and no JZ. */
export const wasteJzMissing: Check = {
  id: 'waste.jz-missing',
  category: 'waste',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A single-dose drug whose records document no discarded amount of a whole billing unit is billed without modifier JZ.',
    why: 'Medicare requires JZ when nothing is discarded from a single-dose container from 2023-07-01 (a warning until 2023-09-30), and from 2023-10-01 claims without it may be returned unprocessed: the whole line is at risk (expected units x the ASP payment limit).',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; CGS (https://www.cgsmedicare.com/jc/pubs/news/2023/02/cope134488.html).`,
    fix: 'Add modifier JZ to the drug line (keep any 340B modifier), or, if an amount was discarded, document it and bill it on a JW line.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' || g.policy !== 'required' || g.date < JZ_REQUIRED_FROM) continue;
      if (g.jw.length > 0 || g.jz.length > 0 || !g.waste || (g.wasteUnits ?? 0) >= 1) continue;
      const returned = g.date >= JZ_RETURNED_FROM;
      ctx.report(
        findingOn(enc, g, g.first, 'modifiers', {
          message: `${g.code}: the ${g.waste.source} documents ${g.waste.text} discarded (less than one billing unit) from a single-dose container, but the line has no JZ${returned ? '; the claim may be returned unprocessed' : ' (required since 2023-07-01; claims are returned from 2023-10-01)'}${priceNote(g)}.`,
          expected: expectedText(g, 0),
          direction: 'denial',
          ...(returned ? {} : { severity: 'warning' as const }),
          ...amount(g, g.adminUnits),
        }),
      );
    }
  },
};
