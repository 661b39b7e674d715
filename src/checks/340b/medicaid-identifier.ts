import type { Check } from '../types.js';
import { lineFinding } from './common.js';
import { describeStatus } from './acquisition.js';
import { MEDICAID_SOURCE, carveWords, forEachMedicaidLine, modifierIndex } from './medicaid.js';

/**
 * `340b.medicaid-identifier`: on a carve-in Medicaid payer, the state's 340B modifier missing from a
 * 340B line, not first when `position: first`, or present on non-340B stock; the state's non-340B
 * modifier missing from non-340B stock. Mixed lines are left to `340b.mixed` (split the line).
 */
export const medicaidIdentifier340b: Check = {
  id: '340b.medicaid-identifier',
  category: '340b',
  severity: 'error',
  needs: ['claims', 'dispense'],
  docs: {
    summary: 'On a Medicaid payer the site carves in (medicaid340b carve: in), a drug line of 340B stock lacks the state\'s 340B modifier (or it is not first where the state requires it first), a line of non-340B stock carries it, or a line of non-340B stock lacks the state\'s non-340B modifier.',
    why: 'States exclude 340B drugs from Medicaid rebate invoices by a claim-level identifier (Illinois UD first, Massachusetts UD, Texas U8, MaineCare JG with UC on non-340B drugs). A 340B line without it is invoiced for a rebate (duplicate discount); a non-340B line with it loses a rebate the state is owed and misstates the acquisition; Illinois rejects UD that is not the first modifier.',
    source: MEDICAID_SOURCE,
    fix: 'Put the state\'s 340B modifier on lines of 340B stock only (first when the state requires it), and the non-340B modifier on lines of other stock; or correct the dispense record.',
  },
  perEncounter(enc, ctx) {
    forEachMedicaidLine(enc, ctx, (a, p) => {
      if (p?.carve !== 'in') return;
      if (a.status !== '340b' && a.status !== 'non-340b') return;
      const l = a.line;
      const m = p.modifier;
      const at = m === undefined ? -1 : modifierIndex(a, m);
      let problem: string | undefined;
      let expected: string | undefined;
      if (a.status === '340b') {
        if (m === undefined) return;
        if (at < 0) {
          problem = `${describeStatus(a)} but billed without ${m}`;
          expected = p.position === 'first' ? `${l.code} with ${m} as the first modifier` : `${l.code} with modifier ${m}`;
        } else if (at > 0 && p.position === 'first') {
          problem = `${m} is modifier ${at + 1}, but the state requires it first`;
          expected = `${l.code} with ${m} as the first modifier`;
        }
      } else {
        if (at >= 0) {
          problem = `${m} says 340B-acquired, but ${describeStatus(a)}`;
          expected = p.non340bModifier ? `${l.code} with ${p.non340bModifier} instead of ${m}` : `${l.code} without ${m}`;
        } else if (p.non340bModifier && modifierIndex(a, p.non340bModifier) < 0) {
          problem = `${describeStatus(a)} but billed without the state's non-340B modifier ${p.non340bModifier}`;
          expected = `${l.code} with modifier ${p.non340bModifier}`;
        }
      }
      if (problem === undefined || expected === undefined) return;
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: ${l.payer}, where ${carveWords(p)}: ${problem}.`,
          expected,
        }),
      );
    });
  },
};
