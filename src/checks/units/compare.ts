/**
 * The comparison behind `units.over` and `units.under` (drug-billing.md section 2): per patient,
 * date of service and HCPCS, billed non-JW units against the range the MAR doses allow.
 */
import type { CheckContext, Encounter } from '../types.js';
import { drugView, money, plural, type DrugGroup } from '../drug/units-helpers.js';

export type UnitsDirection = 'over' | 'under';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6))));

function doseText(g: DrugGroup): string {
  const u = g.unit;
  if (!u || !g.range) return '';
  return `${g.mar.length === 1 ? 'the MAR dose' : `${g.mar.length} MAR doses`} (${fmt(g.range.total)} ${u.unit} in all) of a ${u.text} unit ${g.mar.length === 1 ? 'supports' : 'support'}`;
}

/** Report the groups of the encounter whose billed units fall outside the MAR range in `dir`. */
export function reportUnits(enc: Encounter, ctx: CheckContext, dir: UnitsDirection): void {
  for (const g of drugView(enc, ctx.rules).groups) {
    if (g.noc || !g.range || !g.unit || g.given.length === 0) continue;
    const { min, max } = g.range;
    const billed = g.billedGiven;
    const bound = dir === 'over' ? max : min;
    if (dir === 'over' ? billed <= max : billed >= min) continue;
    const first = g.given[0];
    if (!first) continue;
    const payerType = ctx.payers.resolve(first.payer).type;
    const diff = Math.abs(billed - bound);
    const m = money(ctx.rules, g.code, g.date, payerType, diff);
    const range = min === max ? `${min}` : `${min} to ${max}`;
    const lines = g.given.length > 1 ? ` on ${g.given.length} lines` : '';
    ctx.report({
      message:
        `${g.code} x${billed}${lines} on ${g.date}: ${doseText(g)} ${min === max ? plural(min, 'unit') : `${range} units`}; ${plural(diff, 'unit')} ${dir === 'over' ? 'billed over the dose' : 'of the dose not billed (lost revenue)'}: ${m.label}.`,
      records: g.given.map((l, i) => ({ kind: 'claims' as const, record: l, ...(i === 0 ? { column: 'units' } : {}) })),
      patientId: enc.patientId,
      claimId: first.claimId,
      line: first.line,
      serviceDate: g.date,
      code: g.code,
      expected: `${g.code} x${bound}${min === max ? '' : ` (accepted ${range})`}${g.given.length > 1 ? ' over its administered lines' : ''}`,
      direction: dir,
      ...(m.amount !== undefined ? { amountAtRisk: m.amount } : {}),
      discriminator: `${g.code}|${g.date}`,
    });
  }
}
