import type { ClaimLine } from '../../model.js';
import { cmsRelease, mueFor } from '../../rules/cms.js';
import type { Check } from '../types.js';
import { drugView, lineList, money, type DrugGroup } from '../drug/units-helpers.js';

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Units the line(s) should carry: the MAR range around the billed administered units plus JW up to the documented waste; billed units when no MAR dose is known. */
function expectedUnits(g: DrugGroup, lines: readonly ClaimLine[]): number {
  const billed = lines.reduce((n, l) => n + l.units, 0);
  if (!g.range) return billed;
  if (lines.length === 1 && lines[0] && g.given.length === 1 && lines[0] === g.given[0]) return clamp(billed, g.range.min, g.range.max);
  if (lines.length !== g.lines.length) return billed;
  return clamp(g.billedGiven, g.range.min, g.range.max) + Math.min(g.billedJw, g.wasteUnits);
}

/** `units.mue`: units of a drug code above its outpatient hospital MUE, per line (MAI 1) or per date (MAI 2, 3). */
export const unitsMue: Check = {
  id: 'units.mue',
  category: 'units',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['ncci-mue', 'asp-pricing', 'opps-status'],
  docs: {
    summary: 'A drug code billed with more units than its Medically Unlikely Edit (outpatient hospital MUE) allows: per line (MAI 1) or per date of service with JW lines included (MAI 2, 3).',
    why:
      'Units above the MUE deny the whole line (for MAI 2/3 every line of the code that date), and an ABN cannot shift liability. MAI 1 and 2 cannot be appealed; ' +
      'MAI 3 (clinical) can, with records, so an MAI 3 excess the MAR supports is a warning ("expect a denial; appeal"). A code absent from the MUE file has an unknown MUE (some are unpublished), never an unlimited one: it is not checked. ' +
      'Applied to payers whose policy `mue` is medicare (the Medicare default). Amount at risk: the line as it should be billed, expected units x the ASP payment limit (Medicare SI N: $0).',
    source:
      'shared/domain/drug-billing.md section 3 (drug MUEs; MAI 1 per line, 2 and 3 per date, JW counted) and section 10 (whole-line amount); ' +
      'CMS NCCI MUE outpatient hospital services table of the quarter (rule table ncci-mue; the nearest release loaded is named when none is in force); NGS and Palmetto GBA MUE articles (MAI, no ABN).',
    fix: 'Bill the units the chart supports; when the documented dose truly exceeds an MAI 3 MUE, expect the denial and appeal with the MAR; for MAI 1/2 excess correct the units (or split across dates of service only when the drug really was given on several dates).',
  },
  perEncounter(enc, ctx) {
    for (const g of drugView(enc, ctx.rules).groups) {
      if (g.noc) continue;
      const anyLine = g.lines[0];
      if (!anyLine || ctx.payers.resolve(anyLine.payer).policy.mue !== 'medicare') continue;
      const mue = mueFor(ctx.rules, g.code, g.date);
      if (!mue) continue;
      const sets: ClaimLine[][] = mue.indicator === 1 ? g.lines.map((l) => [l]) : [g.lines];
      for (const set of sets) {
        const units = set.reduce((n, l) => n + l.units, 0);
        if (units <= mue.value) continue;
        const head = set.find((l) => g.given.includes(l)) ?? (set[0] as ClaimLine);
        const supportedUnits = g.range ? g.range.max + g.wasteUnits : undefined;
        const supported = mue.indicator === 3 && supportedUnits !== undefined && units <= supportedUnits;
        const release = cmsRelease(ctx.rules, 'ncci-mue', g.date);
        const rel = `NCCI MUE ${release?.version ?? ''}${release && !release.inForce ? ', the nearest release loaded' : ''}`;
        const exp = expectedUnits(g, set);
        const m = money(ctx.rules, g.code, g.date, ctx.payers.resolve(head.payer).type, exp);
        const scope = mue.indicator === 1 ? 'on one line' : `on ${g.date}${set.length > 1 ? ` over ${set.length} lines (${lineList(set)})` : ''}`;
        const mar = g.range ? `; the MAR supports ${supportedUnits ?? 0}` : '';
        ctx.report({
          message:
            `${g.code} x${units} ${scope} is above its MUE of ${mue.value} (MAI ${mue.indicator}, ${rel})${mar}; ` +
            `${set.length > 1 ? 'the lines deny' : 'the line denies'}${supported ? ': expect a denial and appeal with the MAR' : ''}: ${m.label}.`,
          records: [{ kind: 'claims' as const, record: head, column: 'units' }, ...set.filter((l) => l !== head).map((l) => ({ kind: 'claims' as const, record: l }))],
          patientId: enc.patientId,
          claimId: head.claimId,
          line: head.line,
          serviceDate: g.date,
          code: g.code,
          expected: `${g.code} at most x${mue.value} ${mue.indicator === 1 ? 'per line' : 'per date of service'}${g.range ? `; the MAR supports x${exp}` : ''}`,
          direction: 'denial',
          ...(supported ? { severity: 'warning' as const } : {}),
          ...(m.amount !== undefined ? { amountAtRisk: m.amount } : {}),
          discriminator: `${g.code}|${g.date}|${mue.indicator === 1 ? head.line : ''}`,
        });
      }
    }
  },
};
