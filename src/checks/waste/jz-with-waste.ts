import type { Check } from '../types.js';
import { CMS_SOURCES, JZ_CREATED, SOURCE_NOTE, amount, expectedText, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.jz-with-waste`: JZ (nothing discarded) on a line whose records document a discarded unit or more. */
export const wasteJzWithWaste: Check = {
  id: 'waste.jz-with-waste',
  category: 'waste',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A drug line carries JZ (attesting nothing was discarded) while the MAR or dispense record documents a discarded amount of at least one billing unit.',
    why: 'JZ attests that no amount was discarded; a documented discard of one unit or more contradicts it, and the discarded units (floor(waste / unit size)) should have been billed on a JW line: JW units x the ASP payment limit are missed. For payers that do not require JW/JZ it is a warning.',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; Noridian JZ (https://med.noridianmedicare.com/web/jddme/topics/modifiers/jz).`,
    fix: 'Remove JZ from the line and add a JW line with the discarded units, or correct the MAR if nothing was discarded.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' && !(g.scope === 'not-required' && g.container.container !== 'multi-dose')) continue;
      if (g.date < JZ_CREATED || g.jz.length === 0 || !g.waste || (g.wasteUnits ?? 0) < 1) continue;
      const line = g.jz.find((l) => !g.jw.includes(l));
      if (!line) continue; // JW and JZ on one line: waste.both
      const jw = g.wasteUnits ?? 0;
      ctx.report(
        findingOn(enc, g, line, 'modifiers', {
          message: `${g.code} is billed with JZ (nothing discarded) but the ${g.waste.source} documents ${g.waste.text} discarded (${jw} billing unit${jw === 1 ? '' : 's'}); no JW line${priceNote(g)}.`,
          expected: expectedText(g, jw),
          direction: 'under',
          ...(g.scope === 'not-required' ? { severity: 'warning' as const } : {}),
          ...amount(g, jw),
        }),
      );
    }
  },
};
