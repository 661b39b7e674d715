import type { Check } from '../types.js';
import type { ClaimLine } from '../../model.js';
import { cmsRelease, mueFor } from '../../rules/cms.js';
import { adminLines, compareAdmin } from '../admin/billed.js';
import { adminAmount } from '../admin/price.js';
import { memo2 } from '../memo.js';

/** `hierarchy.mue`: units of an administration code above its NCCI MUE (outpatient hospital) for the line or the date. */
export const adminMue: Check = {
  id: 'hierarchy.mue',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['ncci-mue', 'admin-codes'],
  docs: {
    summary: 'An administration code is billed with more units than its Medically Unlikely Edit (MUE) allows: per line (MAI 1) or per date of service (MAI 2, 3).',
    why: 'Units above the MUE deny the whole line. MAI 1 and 2 cannot be appealed; MAI 3 (clinical) can, with records, so it is a warning when the MAR supports the units. A code absent from the public MUE file is unknown (some values are confidential), never unlimited: it is not checked.',
    source: 'CMS NCCI MUE, outpatient hospital services table (imported by `rules import` into rules/cms/<quarter>/ncci-mue; the nearest release loaded is used and named when none is in force on the date); MUE adjudication indicators per CMS MUE FAQ; applied to payers whose policy `mue` is medicare (the Medicare default) as shared/domain/drug-billing.md section 3 decides for drugs; shared/domain/administration-coding.md, Edits that come from CMS data files.',
    fix: 'Bill the units the MUE allows and the chart supports; for an MAI 3 excess that the chart supports, expect a denial and appeal with the records.',
  },
  perEncounter(enc, ctx) {
    const lines = adminLines(enc, ctx.rules);
    const first = enc.claims[0];
    if (!first || lines.length === 0) return;
    if (ctx.payers.resolve(first.payer).policy.mue !== 'medicare') return;
    const groups = new Map<string, ClaimLine[]>();
    const mue = (code: string, date: string) => memo2(ctx.rules, 'admin-mue', date, code, () => mueFor(ctx.rules, code, date));
    for (const c of lines) {
      const m = mue(c.code, c.serviceDate);
      if (!m) continue;
      const key = m.indicator === 1 ? `line|${c.row}` : `date|${c.code}|${c.serviceDate}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
      const c = group[0] as ClaimLine;
      const m = mue(c.code, c.serviceDate);
      if (!m) continue;
      const units = group.reduce((n, x) => n + x.units, 0);
      if (units <= m.value) continue;
      const release = cmsRelease(ctx.rules, 'ncci-mue', c.serviceDate);
      const rel = `NCCI MUE ${release?.version ?? ''}${release && !release.inForce ? ', the nearest release loaded' : ''}`;
      const supported = m.indicator === 3 ? (compareAdmin(enc, ctx)?.expectedByCode.get(c.code)?.units ?? 0) >= units : false;
      const amount = adminAmount(ctx.rules, c.code, units, c.serviceDate);
      ctx.report({
        message: `${c.code} x${units} ${m.indicator === 1 ? 'on one line' : `on ${c.serviceDate}`} is above its MUE of ${m.value} (MAI ${m.indicator}, ${rel}); the ${group.length > 1 ? 'lines deny' : 'line denies'}${supported ? ' unless an appeal with the MAR succeeds' : ''}.`,
        records: group.map((x, i) => ({ kind: 'claims' as const, record: x, ...(i === 0 ? { column: 'units' } : {}) })),
        patientId: enc.patientId,
        claimId: c.claimId,
        line: c.line,
        serviceDate: c.serviceDate,
        code: c.code,
        expected: `${c.code} at most x${m.value} ${m.indicator === 1 ? 'per line' : 'per date of service'}`,
        direction: 'denial',
        ...(supported ? { severity: 'warning' as const } : {}),
        ...(amount !== undefined ? { amountAtRisk: amount } : {}),
        discriminator: `${c.code}|${c.serviceDate}|${m.indicator === 1 ? c.line : ''}`,
      });
    }
  },
};
