import type { Check } from '../types.js';
import { SOURCE_NOTE, fmtNdc11, findingOn, smallestPackage, wasteGroups } from './common.js';

/** `waste.vial-selection`: JW units at least the units of the labeler's smallest package of the code. */
export const wasteVialSelection: Check = {
  id: 'waste.vial-selection',
  category: 'waste',
  severity: 'warning',
  needs: ['claims'],
  ruleTables: ['asp-crosswalk', 'drug-catalog', 'ndc-containers', 'opps-status'],
  docs: {
    summary: 'The discarded (JW) units are at least as many as the smallest package of the same HCPCS code from the same labeler holds: a smaller vial would have avoided the waste.',
    why: 'Medicare contractors expect the most efficient combination of vial sizes; discarding a whole smaller vial\'s worth invites a review of the JW units.',
    source: `${SOURCE_NOTE}; CGS on drug units and waste (https://cgsmedicare.com/partb/pubs/news/2023/06/cope140894.html); CMS ASP NDC-HCPCS crosswalk BILLUNITS per item for the package sizes (rules/cms/<quarter>/asp-crosswalk).`,
    fix: 'Check the vial selection with pharmacy; prepare doses from the smallest combination of packages, and document why a larger vial was used if none fitted.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'in' || g.jw.length === 0 || g.jwBilled <= 0) continue;
      const small = smallestPackage(ctx.rules, g);
      if (!small || g.jwBilled < small.units) continue;
      const line = g.jw[0];
      if (!line) continue;
      ctx.report(
        findingOn(enc, g, line, 'units', {
          message: `${g.code}-JW x ${g.jwBilled}: the discarded units are at least the ${small.units} units of the labeler's smallest package (${fmtNdc11(small.ndc)}); a smaller vial would have avoided the waste.`,
          expected: `${g.code}-JW below ${small.units} units (smallest package ${fmtNdc11(small.ndc)})`,
        }),
      );
    }
  },
};
