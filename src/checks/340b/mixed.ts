import type { Check } from '../types.js';
import { acquisitions } from './acquisition.js';
import { SOURCE_NOTE, entityOn, lineFinding, policyOf, usesModifiers } from './common.js';

/** `340b.mixed`: one administered drug line backed by both 340B and non-340B dispenses. */
export const mixed340b: Check = {
  id: '340b.mixed',
  category: '340b',
  severity: 'warning',
  needs: ['claims', 'dispense'],
  docs: {
    summary: 'One drug line is backed by dispense records of both 340B and non-340B stock (WAC, GPO or a bagged dose), so no single modifier choice is right for the whole line.',
    why: 'JG/TB belong only on the units bought through 340B. A line that mixes inventories either marks non-340B units as 340B or leaves 340B units unmarked; the modifier checks cannot judge it.',
    source: `${SOURCE_NOTE} (section 5, 340b.mixed; worked example 6).`,
    fix: 'Split the line by inventory: the 340B units (with their NDC) with JG/TB, the other units without.',
  },
  perEncounter(enc, ctx) {
    if (!usesModifiers(enc, ctx)) return;
    for (const a of acquisitions(enc, ctx.rules)) {
      if (a.status !== 'mixed' || a.line.modifiers.includes('JW')) continue;
      const policy = policyOf(ctx, a.line.payer);
      if (policy === 'none' || entityOn(ctx, a) === 'none') continue;
      const l = a.line;
      const ids = (inv: boolean) => a.rows.filter((r) => (r.billingModel === 'buy_and_bill' && r.inventory === '340b') === inv).map((r) => r.dispenseId).join(', ');
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: the dose was dispensed from 340B stock (${ids(true)}) and from other stock (${ids(false)}); one line cannot carry the right 340B modifier for both.`,
          expected: `${l.code} split into a 340B line (with its JG/TB) and a non-340B line`,
        }),
      );
    }
  },
};
