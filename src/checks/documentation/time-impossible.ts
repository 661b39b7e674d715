import type { Check } from '../types.js';
import type { AdminHierarchyData, AdminTermsData } from '../../rules/schemas.js';
import { adminLines } from '../admin/billed.js';
import { routeOf } from '../admin/mar-input.js';
import { toMinutes, unionMinutes } from '../admin/derive.js';

const bounds = new WeakMap<AdminHierarchyData, { firstHour: Map<string, number>; addOn: Map<string, number> }>();

/** Minutes each timed code needs at least, per hierarchy table version. */
function boundsOf(h: AdminHierarchyData): { firstHour: Map<string, number>; addOn: Map<string, number> } {
  let b = bounds.get(h);
  if (b) return b;
  b = { firstHour: new Map(), addOn: new Map() };
  for (const s of h.services) {
    if (s.method !== 'infusion') continue;
    b.firstHour.set(s.initial, s.category === 'hydration' ? 31 : 16);
    if (s.sequential && s.category !== 'hydration') b.firstHour.set(s.sequential, 16);
    if (s.addOnHour) b.addOn.set(s.addOnHour, s.category === 'hydration' ? 31 : 60);
  }
  bounds.set(h, b);
  return b;
}

/**
 * `documentation.time-impossible`: the billed time-based administration codes need more
 * non-overlapping infusion time than the MAR charts in all (overlapping administrations billed as if
 * they ran one after another). Works from times alone, without drug classes.
 */
export const timeImpossible: Check = {
  id: 'documentation.time-impossible',
  category: 'documentation',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['admin-hierarchy', 'admin-terms'],
  docs: {
    summary: 'The timed administration codes billed need more infusion time than the MAR charts in all: overlapping administrations billed as if they ran one after another.',
    why: 'Each infusion code stands for time the patient was infused: an initial or sequential first hour needs more than 15 minutes (hydration 31), each additional hour 60 more. When the billed codes add up to more minutes than the union of all charted IV administrations, the codes cannot all be true; an auditor denies the excess.',
    source: 'Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2; shared/domain/administration-coding.md, Time rules and Sequential, concurrent, hydration (overlapping time counts once). Lower bound used: 16 minutes per initial or sequential infusion code, 31 per hydration initial and per 96361 unit, 60 per other add-on hour; charted time = the union of every IV administration with a start and stop (pushes and concurrent codes count nothing). Codes from rules/admin/admin-hierarchy.yaml.',
    fix: 'Recode from the MAR (concurrent infusions are 96368, not sequential hours); correct the charted times if an administration is missing from the MAR.',
  },
  perEncounter(enc, ctx) {
    if (enc.mar.length === 0) return;
    const billed = adminLines(enc, ctx.rules);
    if (billed.length === 0) return;
    const h = ctx.rules.get<AdminHierarchyData>('admin-hierarchy', enc.serviceDate)?.data;
    const terms = ctx.rules.get<AdminTermsData>('admin-terms', enc.serviceDate)?.data;
    if (!h || !terms) return;
    const { firstHour, addOn } = boundsOf(h);
    let need = 0;
    for (const c of billed) need += ((firstHour.get(c.code) ?? 0) + (addOn.get(c.code) ?? 0)) * c.units;
    if (need === 0) return;
    // charted IV time: union of timed IV administrations; an untimed one leaves the total unknown
    const intervals: [number, number][] = [];
    for (const row of enc.mar) {
      const route = routeOf(row, terms);
      if (route !== 'iv' && route !== 'ivPush') continue;
      if (row.start === undefined || (route === 'iv' && row.stop === undefined)) return;
      if (row.stop === undefined) continue;
      const s = toMinutes(row.start);
      const e = toMinutes(row.stop);
      if (e < s) return;
      intervals.push([s, e]);
    }
    const charted = unionMinutes(intervals);
    if (need <= charted) return;
    const timed = billed.filter((c) => addOn.has(c.code) || firstHour.has(c.code));
    const target = timed.find((c) => addOn.has(c.code)) ?? (timed[0] as (typeof timed)[number]);
    ctx.report({
      message: `The timed administration codes billed (${timed.map((c) => `${c.code}${c.units > 1 ? ` x${c.units}` : ''}`).join(', ')}) need at least ${need} minutes of infusion one after another, but the MAR charts ${charted} minutes of IV time in all.`,
      records: [{ kind: 'claims', record: target, column: 'units' }, ...timed.filter((c) => c !== target).map((c) => ({ kind: 'claims' as const, record: c }))],
      patientId: enc.patientId,
      claimId: target.claimId,
      line: target.line,
      serviceDate: target.serviceDate,
      code: target.code,
      expected: `timed codes that fit in the ${charted} charted minutes (overlapping infusions are concurrent: 96368)`,
      direction: 'over',
    });
  },
};
