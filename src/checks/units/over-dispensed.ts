import type { ClaimLine, DispenseRow } from '../../model.js';
import { crosswalkFor } from '../../rules/cms.js';
import type { Check } from '../types.js';
import { dispenseFor, doseInDrugUnit, normaliseDoseUnit } from '../drug/lines.js';
import { drugView, money, ndc11, plural, showNdc, type DrugGroup, type DrugUnit } from '../drug/units-helpers.js';

const SCALE = 1_000_000;
/** Quantity units that count items (vials, syringes, packages of one). */
const ITEM_UNITS = new Set(['', 'un', 'ea', 'each', 'item', 'items', 'vial', 'vials', 'syringe', 'syringes', 'unit of use']);

/**
 * Billing units (scaled x1e6) a dispense row holds for `code`: items x crosswalk BILLUNITS, or
 * a mass/volume/activity quantity in the code's unit; undefined when it cannot be valued. `billUnits`
 * is the crosswalk's, for counted items. No text here: the check values every dispense row of every
 * encounter and reports on few, so heldText is built only for a finding.
 */
export function heldScaled(d: DispenseRow, code: string, unit: DrugUnit, rules: Parameters<typeof crosswalkFor>[0]): { scaled: number; billUnits?: number } | undefined {
  const u = (d.quantityUnit ?? '').trim().toLowerCase();
  if (ITEM_UNITS.has(u)) {
    const n = ndc11(d.ndc);
    if (!n) return undefined;
    const e = crosswalkFor(rules, n, d.dispenseDate).find((x) => x.hcpcs === code);
    if (!e?.billUnits) return undefined;
    return { scaled: Math.round(d.quantity * SCALE) * e.billUnits, billUnits: e.billUnits };
  }
  if (normaliseDoseUnit(u) === undefined) return undefined;
  const s = doseInDrugUnit(d.quantity, u, unit);
  if (s === undefined) return undefined;
  return { scaled: Math.round((s / Math.round(unit.unitSize * SCALE)) * SCALE) };
}

/** How a dispense row's units were counted, for the message (`billUnits`: as heldScaled found them). */
function heldText(d: DispenseRow, unit: DrugUnit, billUnits: number | undefined): string {
  if (billUnits !== undefined) return `${d.quantity} x ${showNdc(ndc11(d.ndc) as string)} (${billUnits} units each)`;
  return `${d.quantity} ${d.quantityUnit ?? ''} of ${unit.text} units`.replace('  ', ' ');
}

/**
 * The lines of each drug code (every date), in group order, with the unit of the code's first group
 * and the first administered line: one pass, no per-code array copies (the check runs on every encounter).
 */
function linesByCode(groups: readonly DrugGroup[]): Map<string, { unit: DrugUnit; lines: ClaimLine[]; firstGiven: ClaimLine | undefined }> {
  const byCode = new Map<string, { unit: DrugUnit; lines: ClaimLine[]; firstGiven: ClaimLine | undefined }>();
  for (const g of groups) {
    if (g.noc || !g.unit) continue;
    let c = byCode.get(g.code);
    if (!c) byCode.set(g.code, (c = { unit: g.unit, lines: [], firstGiven: undefined }));
    for (const l of g.lines) c.lines.push(l);
    c.firstGiven ??= g.given[0];
  }
  return byCode;
}

/** `units.over-dispensed`: billed units of a drug (JW included) above what the linked dispense records hold. */
export const unitsOverDispensed: Check = {
  id: 'units.over-dispensed',
  category: 'units',
  severity: 'error',
  needs: ['claims', 'dispense'],
  ruleTables: ['asp-crosswalk', 'drug-catalog', 'asp-pricing'],
  docs: {
    summary: 'Billed units of a drug on an encounter, JW waste lines included, above what the pharmacy dispensed for it: items x the crosswalk BILLUNITS of the NDC, or a mass/volume quantity divided by the HCPCS unit size.',
    why:
      'Administered plus discarded units can never exceed the containers opened: billing more is billing drug that never left the pharmacy, an overpayment (CMS RAC topic 0074). ' +
      'Amount at risk: the excess units x the ASP payment limit (Medicare SI N: $0; other payers: an estimate).',
    source:
      'shared/domain/drug-billing.md section 2 (units.over-dispensed) and section 5 (BILLUNITS per item, trusted as published); ' +
      'CMS ASP NDC-HCPCS crosswalk of the date\'s quarter (rule table asp-crosswalk); section 10 for the amount (CMS ASP pricing file).',
    fix: 'Bill no more than the dispensed containers hold (dose on the administered line, the rest of the opened containers on the JW line); if more was dispensed, add the missing dispense record.',
  },
  perEncounter(enc, ctx) {
    if (enc.dispense.length === 0) return;
    for (const [code, { unit, lines, firstGiven }] of linesByCode(drugView(enc, ctx.rules).groups)) {
      const first = firstGiven ?? lines[0];
      if (!first) continue;
      const rows = dispenseFor(enc, first, ctx.rules);
      if (rows.length === 0) continue;
      let held = 0;
      const billUnits: (number | undefined)[] = [];
      let ok = true;
      for (const d of rows) {
        const h = heldScaled(d, code, unit, ctx.rules);
        if (!h) {
          ok = false;
          break;
        }
        held += h.scaled;
        billUnits.push(h.billUnits);
      }
      if (!ok) continue;
      const heldWhole = Math.ceil(held / SCALE - 1e-9);
      const billed = lines.reduce((n, l) => n + l.units, 0);
      if (billed <= heldWhole) continue;
      const diff = billed - heldWhole;
      const m = money(ctx.rules, code, first.serviceDate, ctx.payers.resolve(first.payer).type, diff);
      ctx.report({
        message: `${code} x${billed} billed${lines.length > 1 ? ` on ${lines.length} lines (JW included)` : ''}, but the dispense records hold ${plural(heldWhole, 'unit')} (${rows.map((d, i) => heldText(d, unit, billUnits[i])).join(' + ')}); ${plural(diff, 'unit')} more than dispensed: ${m.label}.`,
        records: [
          { kind: 'claims' as const, record: first, column: 'units' },
          ...lines.filter((l) => l !== first).map((l) => ({ kind: 'claims' as const, record: l })),
          ...rows.map((d) => ({ kind: 'dispense' as const, record: d })),
        ],
        patientId: enc.patientId,
        claimId: first.claimId,
        line: first.line,
        serviceDate: first.serviceDate,
        code,
        expected: `${code} at most x${heldWhole} in all (administered + JW), what the dispensed containers hold`,
        direction: 'over',
        ...(m.amount !== undefined ? { amountAtRisk: m.amount } : {}),
        discriminator: code,
      });
    }
  },
};
