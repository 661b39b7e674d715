import type { Check } from '../types.js';
import { SOURCE_NOTE, TABLE, capped, cutAmount, entityWords, forEachJudged, lineFinding } from './common.js';

/** `340b.missing`: a drug line of 340B stock without JG/TB where the table requires one. */
export const missing340b: Check = {
  id: '340b.missing',
  category: '340b',
  severity: 'error',
  needs: ['claims', 'dispense'],
  ruleTables: [TABLE, 'opps-status', 'asp-pricing'],
  docs: {
    summary: 'A drug line dispensed from 340B stock (SI K or G) carries neither JG nor TB where the payer and the date of service require one.',
    why: 'Medicare requires JG or TB on separately payable drugs acquired through 340B (both mean "340B-acquired"; the hospital\'s OPPS designation and the date say which). Without it the claim misstates the acquisition: before 2022-09-28 a missing JG was paid ASP+6% instead of ASP-22.5% (an overpayment to repay), and since 2024 the modifier feeds the Part B inflation rebate exclusion. Medicare Advantage plans that follow OPPS expect the same (warning at most).',
    source: `rules/340b/340b-modifiers.yaml (CMS OPPS 340B modifier guidance 2018-2025 as cited there: K&L Gates, CHA, NGS, Forvis Mazars, AEH); ${SOURCE_NOTE}; payer policy modifiers340b (rules/README.md section 6).`,
    fix: 'Add the modifier the table names for the facility\'s designation on the date of service (TB for every hospital from 2025), or correct the dispense record if the dose was not 340B stock.',
  },
  perEncounter(enc, ctx) {
    forEachJudged(enc, ctx, false, (a, policy, x) => {
      const m = x.want;
      const amount = m === 'JG' && x.table.data.paymentCut ? cutAmount(ctx.rules, a) : undefined;
      const l = a.line;
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: dispensed from 340B stock (${a.rows.map((r) => r.dispenseId).join(', ')}) but billed without JG or TB; ${entityWords(x.entity)} reports ${m} on SI ${x.si} drugs on ${l.serviceDate} (340b-modifiers ${x.table.version}).`,
          expected: `${l.code} with modifier ${m}`,
          severity: capped('error', policy, x.cell),
          ...(amount !== undefined ? { amountAtRisk: amount, direction: 'over' as const } : {}),
        }),
      );
    });
  },
};
