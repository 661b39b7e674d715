import type { Check } from '../types.js';
import { acquisitions, describeStatus } from './acquisition.js';
import { SOURCE_NOTE, TABLE, capped, cutAmount, entityOn, lineFinding, policyOf, usesModifiers } from './common.js';

/** `340b.not-340b`: JG/TB on a drug not bought through 340B, on a bagged dose, or where the facility is no covered entity. */
export const not340b: Check = {
  id: '340b.not-340b',
  category: '340b',
  severity: 'error',
  needs: ['claims'],
  ruleTables: [TABLE, 'asp-pricing'],
  docs: {
    summary: 'A drug line carries JG or TB although the dose was not bought through 340B: the dispense record shows WAC or GPO stock, a white- or brown-bagged dose, or the facility is not a 340B covered entity on the date (entity_340b: none).',
    why: 'JG and TB both mean "340B-acquired" (TB does not mean "not 340B"); on Medicare claims a drug bought at other prices carries neither. The false modifier misstates the acquisition to the payer and the Part B inflation rebate program, and before 2022-09-28 a false JG cut the payment to ASP-22.5% (underpaid).',
    source: `${SOURCE_NOTE}, section 8 (bagged doses are never hospital stock); rules/340b/340b-modifiers.yaml sources (K&L Gates, CHA, Visante); payer policy modifiers340b (rules/README.md section 6).`,
    fix: 'Remove JG/TB from the line (or correct the dispense inventory if the dose really came from 340B stock); check facility.yaml entity_340b.',
  },
  perEncounter(enc, ctx) {
    if (!usesModifiers(enc, ctx)) return;
    for (const a of acquisitions(enc, ctx.rules)) {
      if (a.modifier === undefined) continue;
      const entity = entityOn(ctx, a);
      const notCovered = entity === 'none';
      if (!notCovered && a.status !== 'non-340b' && a.status !== 'bag') continue;
      const policy = policyOf(ctx, a.line.payer);
      if (policy === 'none') continue;
      const table = a.modifier === 'JG' ? ctx.rules.get<{ paymentCut: boolean }>(TABLE, a.line.serviceDate) : undefined;
      const amount = table?.data.paymentCut ? cutAmount(ctx.rules, a) : undefined;
      const l = a.line;
      const billed = a.both ? 'JG and TB' : a.modifier;
      const why = notCovered ? `the facility is not a 340B covered entity on ${l.serviceDate} (facility.yaml entity_340b)` : describeStatus(a);
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: ${billed} says 340B-acquired, but ${why}.`,
          expected: `${l.code} without JG or TB`,
          severity: capped('error', policy),
          ...(amount !== undefined ? { amountAtRisk: amount, direction: 'under' as const } : {}),
        }),
      );
    }
  },
};
