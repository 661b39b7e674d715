import type { Check } from '../types.js';
import { compareAdmin, describeSet, reasonsOf } from '../admin/billed.js';
import { adminAmount } from '../admin/price.js';

/** `documentation.uncovered-administration`: the MAR supports administration codes, but the encounter's claim bills none. */
export const uncoveredAdministration: Check = {
  id: 'documentation.uncovered-administration',
  category: 'documentation',
  severity: 'warning',
  needs: ['claims', 'mar'],
  ruleTables: ['admin-codes', 'admin-hierarchy', 'admin-timing', 'admin-terms'],
  docs: {
    summary: 'The MAR documents administrations that support facility administration codes, but the claim bills no administration code for the encounter.',
    why: 'Drug lines without their administration are revenue missed: the hospital is paid separately for the infusion, push or injection it documented (a white- or brown-bagged drug included).',
    source: 'Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2; shared/domain/administration-coding.md (the codes an administration supports); shared/domain/charge-capture.md (administered but not billed).',
    fix: 'Add the administration lines `expected` lists (see `infusion-audit code --mar FILE` for the reasons) and rebill.',
  },
  perEncounter(enc, ctx) {
    const cmp = compareAdmin(enc, ctx);
    if (!cmp || cmp.billed.length > 0 || cmp.derivation.lines.length === 0) return;
    const line = enc.claims[0];
    if (!line) return;
    let amount = 0;
    for (const l of cmp.derivation.lines) amount += adminAmount(ctx.rules, l.code, l.units, l.serviceDate) ?? 0;
    ctx.report({
      message: `The MAR supports ${describeSet(cmp.expectedByCode)} but the claim bills no administration code: ${reasonsOf(cmp.derivation.lines)}.`,
      records: [{ kind: 'claims', record: line }, ...cmp.derivation.lines.flatMap((l) => l.refs).slice(0, 4).map((i) => ({ kind: 'mar' as const, record: enc.mar[i] as (typeof enc.mar)[number] }))],
      patientId: enc.patientId,
      claimId: line.claimId,
      serviceDate: enc.serviceDate,
      expected: describeSet(cmp.expectedByCode),
      direction: 'under',
      ...(amount > 0 ? { amountAtRisk: Math.round(amount * 100) / 100 } : {}),
    });
  },
};
