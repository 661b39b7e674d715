import type { Check } from '../types.js';
import { compareAdmin, reasonsOf } from '../admin/billed.js';
import { adminAmount } from '../admin/price.js';
import { byText, sortSmall } from '../../util/sort.js';

/** `documentation.time-units`: "each additional hour" units billed above or below what the charted time supports. */
export const timeUnits: Check = {
  id: 'documentation.time-units',
  category: 'documentation',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['admin-timing', 'admin-hierarchy'],
  docs: {
    summary: 'Units of an "each additional hour" code (96361, 96366, 96415, ...) differ from what the charted start and stop times support.',
    why: 'Add-on hours are paid per unit and each needs more than 30 minutes past the last full hour (90 minutes = no add-on, 91 = one, 151 = two); secondary hydration needs 31 minutes for its first unit. Units above the charted time are an overpayment; units below it are revenue missed.',
    source: 'Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2; shared/domain/administration-coding.md, Time rules (units = initial + max(0, floor((T - 31) / 60)); holds subtracted; overlaps counted once). Thresholds: rules/admin/admin-timing.yaml.',
    fix: 'Bill the units `expected` shows, or correct the charted times if they are wrong; `infusion-audit code --mar FILE` shows the minutes behind each unit.',
  },
  perEncounter(enc, ctx) {
    const cmp = compareAdmin(enc, ctx);
    if (!cmp) return;
    for (const code of sortSmall([...cmp.timed], byText)) {
      const billed = cmp.billedByCode.get(code);
      const want = cmp.expectedByCode.get(code);
      if (!billed || !want || billed.units === want.units) continue;
      const over = billed.units > want.units;
      const line = billed.claims[0] as (typeof billed.claims)[number];
      ctx.report({
        message: `${code} is billed x${billed.units} but the charted time supports x${want.units}: ${reasonsOf(want.derived)}.`,
        records: [{ kind: 'claims', record: line, column: 'units' }, ...want.derived.flatMap((l) => l.refs).slice(0, 4).map((i) => ({ kind: 'mar' as const, record: enc.mar[i] as (typeof enc.mar)[number] }))],
        patientId: enc.patientId,
        claimId: line.claimId,
        line: line.line,
        serviceDate: line.serviceDate,
        code,
        expected: `${code} x${want.units}`,
        direction: over ? 'over' : 'under',
        ...(() => {
          const a = adminAmount(ctx.rules, code, Math.abs(billed.units - want.units), line.serviceDate);
          return a === undefined ? {} : { amountAtRisk: a };
        })(),
        ...(over ? {} : { severity: 'warning' as const }),
        discriminator: code,
      });
    }
  },
};
