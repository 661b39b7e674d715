import type { Check } from '../types.js';
import type { AdminHierarchyData } from '../../rules/schemas.js';
import { adminLines } from '../admin/billed.js';
import { adminPrice } from '../admin/price.js';

/** `hierarchy.multiple-initial`: more than one initial administration service billed without a separate-site modifier. */
export const multipleInitial: Check = {
  id: 'hierarchy.multiple-initial',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['admin-hierarchy'],
  docs: {
    summary: 'An encounter bills more than one initial administration service (96360, 96365, 96374, 96409, 96413) and the extra one carries no separate-site modifier (XU, 59, XS).',
    why: 'A hospital reports one initial service per encounter; a second is allowed only for a medically necessary separate access site and must carry modifier XU (or 59). Without it the second initial is overpaid (it should be a sequential or push add-on code) or denied.',
    source: 'NCCI Policy Manual ch. XI section B; Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2; shared/domain/administration-coding.md, One initial service per encounter (a new day of an observation stay or a second lumen is not a reason). Initial codes and modifiers: rules/admin/admin-hierarchy.yaml.',
    fix: 'Recode the extra initial as the subsequent service it is (96367, 96375, 96411, 96417, 96361), or add XU/59 when the MAR documents a separate access site in use at the same time.',
  },
  perEncounter(enc, ctx) {
    const h = ctx.rules.get<AdminHierarchyData>('admin-hierarchy', enc.serviceDate);
    if (!h) return;
    const initials = new Set(h.data.services.map((s) => s.initial));
    const site = new Set(h.data.separateSiteModifiers);
    const lines = adminLines(enc, ctx.rules).filter((c) => initials.has(c.code));
    const total = lines.reduce((n, c) => n + c.units, 0);
    if (total < 2) return;
    // the first unit needs no modifier; every further unit needs one
    const unmarked = lines.filter((c) => !c.modifiers.some((m) => site.has(m.toUpperCase())));
    const unmarkedUnits = unmarked.reduce((n, c) => n + c.units, 0);
    if (unmarkedUnits <= 1) return;
    const target = unmarked.find((c) => c.units > 1) ?? (unmarked[1] as (typeof unmarked)[number]);
    // overpaid: the initial's rate minus the rate of the subsequent code it should have been
    const sequential = h.data.services.find((s) => s.initial === target.code)?.sequential;
    const paid = adminPrice(ctx.rules, target.code, target.serviceDate)?.rate;
    const due = sequential ? (adminPrice(ctx.rules, sequential, target.serviceDate)?.rate ?? 0) : 0;
    const amount = paid !== undefined && paid > due ? Math.round((paid - due) * 100) / 100 : undefined;
    ctx.report({
      message: `${total} initial administration services are billed (${lines.map((c) => `${c.code}${c.units > 1 ? ` x${c.units}` : ''}`).join(', ')}); only one may go without a separate-site modifier (${[...site].join(', ')}).`,
      records: [{ kind: 'claims', record: target, column: 'code' }, ...lines.filter((c) => c !== target).map((c) => ({ kind: 'claims' as const, record: c }))],
      patientId: enc.patientId,
      claimId: target.claimId,
      line: target.line,
      serviceDate: target.serviceDate,
      code: target.code,
      expected: `one initial service; the others as sequential or push add-on codes, or with ${h.data.separateSiteModifiers[0]} when a separate access site is documented`,
      direction: 'over',
      ...(amount !== undefined ? { amountAtRisk: amount } : {}),
    });
  },
};
