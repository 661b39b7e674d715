import type { Check } from '../types.js';
import { compareAdmin, describeSet, reasonsOf } from '../admin/billed.js';
import { adminAmount } from '../admin/price.js';
import { byText, sortSmall } from '../../util/sort.js';

/**
 * `hierarchy.code-set`: the administration codes billed are not the ones the MAR supports (a wrong
 * initial service, push vs infusion, sequential vs concurrent, a missing or extra service). Time
 * units of the "each additional hour" codes are left to documentation.time-units.
 */
const money = (amount: number | undefined) => (amount === undefined ? {} : { amountAtRisk: amount });

export const codeSet: Check = {
  id: 'hierarchy.code-set',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['admin-codes', 'admin-hierarchy', 'admin-timing', 'admin-terms'],
  docs: {
    summary: 'The administration codes billed differ from the codes the MAR supports (facility hierarchy, push vs infusion, sequential vs concurrent, repeat pushes, hydration).',
    why:
      'The administration hierarchy is the most common and most expensive infusion billing error: a hospital claim reports one initial service chosen by hierarchy (chemotherapy > therapeutic > hydration, then infusion > push > injection), not by clock order, and every other service as sequential, concurrent or add-on. A code the MAR does not support is an overpayment to refund; a supported service left off is revenue missed.',
    source:
      'Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2 and ch. 12 section 30.5; NCCI Policy Manual ch. XI section B; shared/domain/administration-coding.md (Time rules, Facility hierarchy, One initial service, Sequential/concurrent/hydration, Our decisions: concurrent = overlap of more than half the combined span, overlap minutes to the higher-ranked or longer infusion, bags of one drug added, push minutes deducted from hydration, a repeat push counted from the last reported push). Decisions of ours: push vs infusion by charted minutes net of holds; bags added per date (a later date\'s dose is a new infusion); an infusion across midnight stays on its start date; an untimed IV supports at most a push; office setting ranks by the same hierarchy as proxy for the main reason and drops the facility-only codes (96376, C8957); a chemotherapy concurrent with another chemotherapy has no code of its own; an add-on whose primaries (admin-codes, from the CMS AOC file) are all absent from the derived set is not expected; only two distinct charted access sites in use at the same time justify a second initial (XU, or the payer\'s separateSiteModifier). amountAtRisk: units x the OPPS Addendum B national payment rate of separately paid codes (SI S, T, V), an estimate for non-Medicare payers; packaged codes carry none. Rule data: rules/admin/*.yaml. Encounters whose MAR has an administration that could not be placed or classified are not compared (documentation.start-stop and the drug class finding say why).',
    fix: 'Recode the encounter from the MAR as `expected` shows (run `infusion-audit code --mar FILE` for the line-by-line reasons); refund codes the chart does not support; rebill supported services within the timely filing limit.',
  },
  perEncounter(enc, ctx) {
    const cmp = compareAdmin(enc, ctx);
    if (!cmp) return;
    let text: string | undefined;
    const expectedText = () => (text ??= describeSet(cmp.expectedByCode));
    const codes = new Set([...cmp.billedByCode.keys(), ...cmp.expectedByCode.keys()]);
    for (const code of sortSmall([...codes], byText)) {
      if (cmp.timed.has(code) && cmp.billedByCode.has(code) && cmp.expectedByCode.has(code)) continue; // units of time: documentation.time-units
      const billed = cmp.billedByCode.get(code);
      const want = cmp.expectedByCode.get(code);
      const b = billed?.units ?? 0;
      const w = want?.units ?? 0;
      if (b === w) continue;
      if (b > w) {
        const line = billed?.claims[0];
        if (!line) continue;
        ctx.report({
          message:
            w === 0
              ? `${code} is billed (x${b}) but the MAR supports no ${code}; it supports ${expectedText()}.`
              : `${code} is billed x${b} but the MAR supports x${w}: ${reasonsOf(want?.derived ?? [])}.`,
          records: [{ kind: 'claims', record: line, column: 'code' }, ...(want?.derived ?? cmp.derivation.lines).flatMap((l) => l.refs).slice(0, 4).map((i) => ({ kind: 'mar' as const, record: enc.mar[i] as (typeof enc.mar)[number] }))],
          patientId: enc.patientId,
          claimId: line.claimId,
          line: line.line,
          serviceDate: line.serviceDate,
          code,
          expected: `${w === 0 ? `no ${code}` : `${code} x${w}`} (the MAR supports ${expectedText()})`,
          direction: 'over',
          ...money(adminAmount(ctx.rules, code, b - w, line.serviceDate)),
          discriminator: `over:${code}`,
        });
      } else {
        if (cmp.billed.length === 0) continue; // nothing billed at all: documentation.uncovered-administration
        const line = cmp.billed[0] as (typeof cmp.billed)[number];
        ctx.report({
          message: `${code}${w > 1 ? ` x${w}` : ''} is supported by the MAR but ${b === 0 ? 'not billed' : `billed x${b}`}: ${reasonsOf(want?.derived ?? [])}.`,
          records: [{ kind: 'claims', record: line }, ...(want?.derived ?? []).flatMap((l) => l.refs).slice(0, 4).map((i) => ({ kind: 'mar' as const, record: enc.mar[i] as (typeof enc.mar)[number] }))],
          patientId: enc.patientId,
          claimId: line.claimId,
          serviceDate: want?.derived[0]?.serviceDate ?? line.serviceDate,
          code,
          expected: `${code} x${w} (the MAR supports ${expectedText()})`,
          direction: 'under',
          ...money(adminAmount(ctx.rules, code, w - b, line.serviceDate)),
          severity: 'warning',
          discriminator: `under:${code}`,
        });
      }
    }
  },
};
