import type { ClaimLine } from '../../model.js';
import { crosswalkFor } from '../../rules/cms.js';
import type { Check } from '../types.js';
import { crosswalkNote, drugLines, lineNdc, showNdc } from './line-ndc.js';

const SCALE = 1_000_000;
const scaled = (x: number): number => Math.round(x * SCALE);

/** `ndc.quantity`: NDC quantity in UN that does not match the HCPCS units billed for that NDC. */
export const ndcQuantity: Check = {
  id: 'ndc.quantity',
  category: 'ndc',
  severity: 'warning',
  needs: ['claims'],
  ruleTables: ['asp-crosswalk', 'ndc-format'],
  docs: {
    summary: 'NDC quantity in UN (items) on a claim, date and NDC that is not ceil(HCPCS units billed / BILLUNITS of the NDC).',
    why:
      'The NDC quantity says how many packages (vials, syringes) were used; payers that edit NDC against HCPCS units reject ' +
      'a quantity that cannot hold the units billed, or question one that is more than was needed. JW lines count: the waste ' +
      'came out of the same packages.',
    source:
      'shared/domain/drug-billing.md section 4 ("We do: ndc.quantity"; worked examples 5 and 10); CMS ASP NDC-HCPCS crosswalk ' +
      'column BILLUNITS (section 5), for the quarter of the date of service (else the nearest loaded release, named).',
    fix: 'Report the number of packages used for the NDC across its lines (administered and JW): units billed / billing units per package, rounded up.',
  },
  perEncounter(enc, ctx) {
    // lines by claim, date and NDC, in order of first appearance (a handful per encounter: a list, no key strings)
    const groups: { claimId: string; date: string; ndc: string; lines: ClaimLine[] }[] = [];
    for (const c of drugLines(enc, ctx.rules)) {
      const ndc = lineNdc(ctx.rules, c);
      if (ndc === undefined) continue;
      const g = groups.find((x) => x.ndc === ndc && x.claimId === c.claimId && x.date === c.serviceDate);
      if (g) g.lines.push(c);
      else groups.push({ claimId: c.claimId, date: c.serviceDate, ndc, lines: [c] });
    }
    for (const { ndc, lines } of groups) {
      const first = lines[0] as ClaimLine;
      if (lines.some((l) => l.code !== first.code || l.ndcUnit?.trim().toUpperCase() !== 'UN' || l.ndcQuantity === undefined || l.ndcQuantity <= 0)) continue;
      const billUnits = crosswalkFor(ctx.rules, ndc, first.serviceDate).find((e) => e.hcpcs === first.code.toUpperCase())?.billUnits;
      if (billUnits === undefined || billUnits <= 0) continue;
      const units = lines.reduce((n, l) => n + l.units, 0);
      const bu = scaled(billUnits);
      const want = Math.floor((scaled(units) + bu - 1) / bu);
      const got = lines.reduce((n, l) => n + scaled(l.ndcQuantity ?? 0), 0);
      if (got === want * SCALE) continue;
      const gotText = String(got / SCALE);
      ctx.report({
        message:
          `NDC ${showNdc(ndc)} quantity UN ${gotText} on ${lines.length > 1 ? `${lines.length} lines` : 'the line'} does not match ${first.code} x${units}: ` +
          `${billUnits} units per item (${crosswalkNote(ctx.rules, first.serviceDate)}) makes ${want}.`,
        records: lines.map((l, i) => ({ kind: 'claims' as const, record: l, ...(i === 0 ? { column: 'ndc_quantity' } : {}) })),
        patientId: first.patientId,
        claimId: first.claimId,
        line: first.line,
        serviceDate: first.serviceDate,
        code: first.code,
        expected: `NDC ${showNdc(ndc)} quantity UN ${want} in total (ceil(${units} / ${billUnits}))`,
        discriminator: ndc,
      });
    }
  },
};
