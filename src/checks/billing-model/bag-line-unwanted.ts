import type { Check } from '../types.js';
import { describeStatus } from '../340b/acquisition.js';
import { SOURCE_NOTE, baggedLines, expectedFor, isNominal, lineFinding } from './common.js';

/**
 * `billing-model.bag-line-unwanted`: the payer's bag policy is `drugLine: none` (administration
 * only, UHC-style specialty sourcing) and a nominal drug line ($0.00, $0.01 or no charge) is billed
 * for a dose whose dispense rows are all white/brown bag (acquisition status `bag`). A line charged
 * more than $0.01 is `bag-charged`'s, never both. The administration lines are never flagged.
 * Early exit: no bagged dispense row in the encounter.
 */
export const bagLineUnwanted: Check = {
  id: 'billing-model.bag-line-unwanted',
  category: 'billing-model',
  severity: 'warning',
  needs: ['claims', 'dispense'],
  ruleTables: ['asp-crosswalk', 'drug-catalog'],
  docs: {
    summary: 'The payer wants no drug line for a white- or brown-bagged drug (bag policy drugLine: none), but the claim carries a $0.00/$0.01 (or uncharged) line for it.',
    why: 'Under specialty-pharmacy sourcing such as UnitedHealthcare\'s (oncology supportive care from 2021-06-07; Oxford and Freedom from 2022-12-01) the pharmacy bills the drug and the hospital bills only the administration; it may not charge the member for the drug. A nominal drug line then bills a drug the payer already paid the pharmacy for: at best it is ignored, at worst it sends the claim to review or is read as a duplicate. This is a per-payer policy, not a general rule: BridgeSpan (penny) and Oklahoma HealthChoice (named) want the line, Medicare Part B (NGS) asks for the drug at $0.01. Our decisions: a drug line with no charge at all counts as nominal (it is still a line the payer did not ask for); a line charged more than $0.01 is billing-model.bag-charged (error), never both; no amountAtRisk (the line asks for nothing); JW lines of the dose are judged like the others.',
    source: `${SOURCE_NOTE}; UHC: https://www.uhcprovider.com/content/provider/en/resource-library/news/2021-network-bulletin-featured-articles/0321-oncology-medication-sourcing.html and https://www.uhcprovider.com/en/resource-library/news/2022/specialty-pharmacy-requirements.html; dispense billing_model linked to the line through src/checks/340b/acquisition.ts.`,
    fix: 'Remove the drug line and bill the administration only; if the payer does want a nominal line (a contract like BridgeSpan\'s or HealthChoice\'s), set its facility.yaml payers[].policy.bag.drugLine to penny or named.',
  },
  perEncounter(enc, ctx) {
    for (const a of baggedLines(enc, ctx.rules)) {
      const l = a.line;
      if (!isNominal(l)) continue;
      const policy = ctx.payers.resolve(l.payer).policy.bag;
      if (policy.drugLine !== 'none') continue;
      const charged = l.charge === undefined ? 'with no charge' : `at $${l.charge.toFixed(2)}`;
      const message = `${l.code} line ${l.line} is billed ${charged} for a dose ${describeStatus(a)}; the payer's bag policy is drugLine: none (administration only), so the claim should carry no drug line for it.`;
      ctx.report(lineFinding(enc, a, 'code', message, expectedFor(policy, l.code)));
    }
  },
};
