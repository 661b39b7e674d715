import type { Check } from '../types.js';
import { CMS_SOURCES, JW_REQUIRED_FROM, JZ_REQUIRED_FROM, SOURCE_NOTE, findingOn, wasteGroups } from './common.js';

/** `waste.not-verifiable` (info): JW/JZ could not be judged (container or status indicator unknown). */
export const wasteNotVerifiable: Check = {
  id: 'waste.not-verifiable',
  category: 'waste',
  severity: 'info',
  needs: ['claims'],
  ruleTables: ['drug-catalog', 'ndc-containers', 'opps-status'],
  docs: {
    summary: 'JW/JZ could not be checked on a drug line: no NDC for a code whose packages mix single- and multi-dose, an NDC or code whose container is not known, or (Medicare) no OPPS status indicator for the code.',
    why: 'JW/JZ depend on the container of the package used (FDA labeling) and, for Medicare, on separate payment (SI K, G). J1100 and J2405 mix both container types, so without the NDC (or a row in the ndc-containers table) nobody can say whether JZ or JW was required. Never fails a run.',
    source: `${SOURCE_NOTE}; section 6 (SI unknown: waste checks give info); ${CMS_SOURCES}.`,
    fix: 'Put the NDC of the package used on the line (or the dispense record), or add the NDC\'s container to a client ndc-containers table (merge: append); import the OPPS Addendum B for the date.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope !== 'unverifiable' || g.policy === 'not-required') continue;
      const modifier = g.jw.length > 0 || g.jz.length > 0;
      const wasteMatters = g.date >= JW_REQUIRED_FROM && (g.wasteUnits ?? 0) >= 1;
      const jzMatters = g.policy === 'required' && g.date >= JZ_REQUIRED_FROM;
      if (!modifier && !wasteMatters && !jzMatters) continue;
      ctx.report(
        findingOn(enc, g, g.first, 'modifiers', {
          message: `${g.code}: JW/JZ not verified: ${g.scopeWhy}.`,
        }),
      );
    }
  },
};
