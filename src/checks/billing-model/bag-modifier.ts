import type { Check } from '../types.js';
import { hasModifier } from '../drug/lines.js';
import { describeStatus } from '../340b/acquisition.js';
import { SOURCE_NOTE, baggedLines, expectedFor, isNominal, lineFinding } from './common.js';

/**
 * `billing-model.bag-modifier`: the payer's bag policy names a modifier (`bag.modifier`) and a
 * nominal drug line of a white/brown-bagged dose lacks it. Not judged where the line is wrong
 * anyway: charged more than $0.01 (`bag-charged`, whose `expected` names the modifier) or unwanted
 * (`drugLine: none`, `bag-line-unwanted`). The administration lines are never flagged. Early
 * exit: no bagged dispense row in the encounter.
 */
export const bagModifier: Check = {
  id: 'billing-model.bag-modifier',
  category: 'billing-model',
  severity: 'warning',
  needs: ['claims', 'dispense'],
  ruleTables: ['asp-crosswalk', 'drug-catalog'],
  docs: {
    summary: 'The payer\'s bag policy names a modifier for the drug line of a white- or brown-bagged drug (bag.modifier) and the $0.00/$0.01 line lacks it.',
    why: 'A contract may ask for a modifier of its own on the nominal drug line of a drug the hospital did not buy. No payer publishing a dedicated white-bag modifier was found (shared note section 8): the field exists for contracts that name one, and the check runs only for payers whose facility.yaml policy sets it. Our decisions: judged only on nominal lines ($0.00, $0.01 or no charge) of payers whose drugLine is penny, named or any; a charged line is billing-model.bag-charged (its expected text names the modifier) and a line the payer does not want is billing-model.bag-line-unwanted, never both; JW lines of the dose are judged like the others; no amountAtRisk (the line asks for nothing).',
    source: `${SOURCE_NOTE}; the modifier itself is the client's contract (facility.yaml payers[].policy.bag.modifier).`,
    fix: 'Add the modifier the payer\'s contract names to the drug line (or correct facility.yaml if the contract does not ask for one).',
  },
  perEncounter(enc, ctx) {
    for (const a of baggedLines(enc, ctx.rules)) {
      const l = a.line;
      if (!isNominal(l)) continue;
      const policy = ctx.payers.resolve(l.payer).policy.bag;
      const mod = policy.modifier;
      if (mod === undefined || policy.drugLine === 'none' || hasModifier(l, mod)) continue;
      const message = `${l.code} line ${l.line}${l.modifiers.length ? ` (modifiers ${l.modifiers.join(', ')})` : ''} bills a dose ${describeStatus(a)} without modifier ${mod}, which the payer's bag policy asks for on such a line.`;
      ctx.report(lineFinding(enc, a, 'modifiers', message, expectedFor(policy, l.code)));
    }
  },
};
