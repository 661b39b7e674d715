import type { Check } from '../types.js';
import { CMS_SOURCES, SOURCE_NOTE, amount, expectedText, findingOn, priceNote, wasteGroups } from './common.js';

/** `waste.jw-units`: JW units other than floor(documented waste / unit size). */
export const wasteJwUnits: Check = {
  id: 'waste.jw-units',
  category: 'waste',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'The units on the JW line differ from the documented discarded amount in whole billing units (rounded down): above is an error, below a warning.',
    why: 'JW units bill the discarded part of a single-dose container and must match the documented waste, floor(waste / unit size), so that administered plus discarded units equal the opened containers. JW units above the documented waste are an overpayment (error; for payers that do not require JW/JZ, a warning); below it, revenue is missed (warning).',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; CMS RAC 0074 excessive or insufficient drug units (https://www.cms.gov/Research-Statistics-Data-and-Systems/Monitoring-Programs/Medicare-FFS-Compliance-Programs/Recovery-Audit-Program/Approved-RAC-Topics-Items/0074-Excessive-or-Insufficient-Drugs-and-Biologicals.html).`,
    fix: 'Bill the JW line with floor(discarded amount / unit size) units (no JW line at all, and JZ, when that is 0), or correct the documented waste.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      const limited = g.scope === 'not-required';
      if (g.scope !== 'in' && !(limited && g.container.container !== 'multi-dose')) continue;
      if (g.jw.length === 0 || g.admin.length === 0 || !g.waste || g.jw.some((l) => g.jz.includes(l))) continue;
      const want = g.wasteUnits ?? 0;
      const got = g.jwBilled;
      if (got === want || (limited && got < want)) continue;
      const over = got > want;
      const line = g.jw[0];
      if (!line) continue;
      ctx.report(
        findingOn(enc, g, line, 'units', {
          message: `${g.code}-JW x ${got} ${over ? 'is above' : 'is below'} the documented waste: the ${g.waste.source} documents ${g.waste.text} discarded, ${want} whole billing unit${want === 1 ? '' : 's'}${priceNote(g)}.`,
          expected: expectedText(g, want),
          direction: over ? 'over' : 'under',
          ...(!over || limited ? { severity: 'warning' as const } : {}),
          ...amount(g, Math.abs(got - want)),
        }),
      );
    }
  },
};
