import type { Check } from '../types.js';
import type { AdminHierarchyData } from '../../rules/schemas.js';
import { adminLines } from '../admin/billed.js';

/** `hierarchy.concurrent-once`: the concurrent infusion code (96368) billed more than once on a date. */
export const concurrentOnce: Check = {
  id: 'hierarchy.concurrent-once',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['admin-hierarchy'],
  docs: {
    summary: 'The concurrent infusion code 96368 is billed more than once for one date of service.',
    why: '96368 is reported once per encounter per date however many drugs run concurrently; extra units are overpaid.',
    source: 'CPT guidance as summarised in shared/domain/administration-coding.md, Sequential, concurrent, hydration ("96368: one unit per encounter per date"; Our decisions: a multi-day observation stay may have one per date); the concurrent code comes from rules/admin/admin-hierarchy.yaml.',
    fix: 'Bill 96368 once per date of service.',
  },
  perEncounter(enc, ctx) {
    const h = ctx.rules.get<AdminHierarchyData>('admin-hierarchy', enc.serviceDate);
    if (!h) return;
    const codes = new Set(h.data.services.map((s) => s.concurrent).filter((c): c is string => c !== undefined));
    const byDate = new Map<string, typeof enc.claims>();
    for (const c of adminLines(enc, ctx.rules)) {
      if (!codes.has(c.code)) continue;
      const k = `${c.code}|${c.serviceDate}`;
      byDate.set(k, [...(byDate.get(k) ?? []), c]);
    }
    for (const [k, lines] of byDate) {
      const units = lines.reduce((n, c) => n + c.units, 0);
      if (units <= 1) continue;
      const [code, date] = k.split('|') as [string, string];
      const target = lines.find((c) => c.units > 1) ?? (lines[1] as (typeof lines)[number]);
      ctx.report({
        message: `${code} is billed x${units} on ${date}; it is reported once per date however many drugs run concurrently.`,
        records: [{ kind: 'claims', record: target, column: 'units' }, ...lines.filter((c) => c !== target).map((c) => ({ kind: 'claims' as const, record: c }))],
        patientId: enc.patientId,
        claimId: target.claimId,
        line: target.line,
        serviceDate: date,
        code,
        expected: `${code} x1 on ${date}`,
        direction: 'over',
      });
    }
  },
};
