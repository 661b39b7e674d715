import type { Check } from '../types.js';
import { SOURCE_NOTE, TABLE, capped, cutAmount, entityWords, forEachJudged, lineFinding } from './common.js';

/** `340b.wrong`: JG where the table requires TB, or TB where it requires JG, on a line of 340B stock. */
export const wrong340b: Check = {
  id: '340b.wrong',
  category: '340b',
  severity: 'error',
  needs: ['claims', 'dispense'],
  ruleTables: [TABLE, 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A drug line of 340B stock carries JG where the facility\'s designation and the date of service require TB, or TB where JG is required (or both).',
    why: 'Both modifiers mean 340B-acquired, but which one applies depends on the hospital\'s OPPS designation, the site (PN) and the date (since 2025 TB for every hospital). Until 2022-09-27 JG cut the payment to ASP-22.5%, so the wrong one paid the wrong amount (error); from 2022-09-28 the payment is the same and the finding is a warning.',
    source: `rules/340b/340b-modifiers.yaml (CMS OPPS 340B modifier guidance 2018-2025 as cited there); ${SOURCE_NOTE}; payer policy modifiers340b (rules/README.md section 6).`,
    fix: 'Replace the modifier with the one the table names for the date of service; check the facility.yaml entity_340b (a dated list when the designation changed).',
  },
  perEncounter(enc, ctx) {
    forEachJudged(enc, ctx, true, (a, policy, x) => {
      const want = x.want;
      if (a.modifier === want && !a.both) return;
      const billed = a.both ? 'both JG and TB' : a.modifier;
      const cut = x.table.data.paymentCut;
      // JG billed where TB was due: paid less than due (under); TB where JG was due: paid more (over)
      const amount = cut && !a.both ? cutAmount(ctx.rules, a) : undefined;
      const l = a.line;
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: ${billed} billed on 340B stock, but ${entityWords(x.entity)} reports ${want}${a.pn ? ' on PN lines' : ''} on SI ${x.si} drugs on ${l.serviceDate} (340b-modifiers ${x.table.version}${cut ? ', JG paid ASP-22.5%' : ', same payment'}).`,
          expected: `${l.code} with modifier ${want}${a.both ? ` only` : ` instead of ${a.modifier}`}`,
          severity: capped(cut ? 'error' : 'warning', policy, x.cell),
          ...(amount !== undefined ? { amountAtRisk: amount, direction: a.modifier === 'JG' ? ('under' as const) : ('over' as const) } : {}),
        }),
      );
    });
  },
};
