import type { Check } from '../types.js';
import { CMS_SOURCES, SOURCE_NOTE, amount, findingOn, wasteGroups } from './common.js';

/** `waste.both`: JW and JZ on one line, or a JW line without an administered line. */
export const wasteBoth: Check = {
  id: 'waste.both',
  category: 'waste',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['drug-catalog', 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A drug line carries both JW and JZ, or a JW (discarded) line is billed with no administered line of the same code.',
    why: 'JW (discarded amount) and JZ (nothing discarded) contradict each other and never go on one line; a JW line stands beside the line of the administered amount. Such a line is returned or denied (its units x the ASP payment limit). For payers that do not require JW/JZ it is a warning.',
    source: `${SOURCE_NOTE}; ${CMS_SOURCES}; Noridian JZ (https://med.noridianmedicare.com/web/jddme/topics/modifiers/jz).`,
    fix: 'Bill the administered units on one line (JZ only when nothing was discarded) and the discarded units on a separate JW line.',
  },
  perEncounter(enc, ctx) {
    for (const g of wasteGroups(enc, ctx)) {
      if (g.scope === 'out') continue;
      const limited = g.scope === 'not-required';
      for (const line of g.jw.filter((l) => g.jz.includes(l))) {
        ctx.report(
          findingOn(enc, g, line, 'modifiers', {
            message: `${g.code} x ${line.units} carries both JW and JZ; they exclude each other.`,
            expected: g.admin.length > 0 ? `${g.code} x ${g.adminUnits} + ${g.code}-JW x ${g.wasteUnits ?? line.units}` : `${g.code}-JZ x ${line.units} or ${g.code}-JW x ${line.units} beside the administered line`,
            direction: 'denial',
            ...(limited ? { severity: 'warning' as const } : {}),
            ...amount(g, line.units),
          }),
        );
      }
      if (g.admin.length === 0) {
        const line = g.jw.find((l) => !g.jz.includes(l));
        if (!line) continue;
        ctx.report(
          findingOn(enc, g, line, 'modifiers', {
            message: `${g.code}-JW x ${g.jwBilled} is billed without a line for the administered amount of ${g.code}.`,
            expected: `${g.code} x <administered units> + ${g.code}-JW x ${g.wasteUnits ?? g.jwBilled}`,
            direction: 'denial',
            ...(limited ? { severity: 'warning' as const } : {}),
            ...amount(g, g.jwBilled),
          }),
        );
      }
    }
  },
};
