import type { MarRow } from '../../model.js';
import type { Check } from '../types.js';
import { catalogDrug, dispenseCodes } from '../drug/lines.js';
import { drugView, money } from '../drug/units-helpers.js';
import { deletedOn, marDrugCodes, marOn, marUnitsIn } from './code-helpers.js';

/** `drug-code.mismatch`: the billed drug code is not the drug the MAR shows (a substitution). */
export const drugCodeMismatch: Check = {
  id: 'drug-code.mismatch',
  category: 'drug-code',
  severity: 'error',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog', 'asp-crosswalk', 'asp-pricing'],
  docs: {
    summary: 'A billed drug code that matches no drug on the MAR of that date while a MAR drug of that date is not billed: the wrong product was billed (biosimilar vs reference counts: Q5103 is not J1745).',
    why:
      'The code must name the product given: billing the reference product for a biosimilar (or another molecule) pays the wrong ASP and is denied or recovered on review. ' +
      'It fires only for a substitution; a billed drug with no MAR drug at all is charge capture\'s billed-not-administered, and a MAR drug the catalog does not know is drug-code.unknown-drug. ' +
      'Amount at risk: the line as it should be billed, expected units x the ASP payment limit of the MAR drug\'s code.',
    source:
      'shared/domain/drug-billing.md section 7 (drug-code.mismatch: MAR `code`, else catalog name, else NDC via the crosswalk) and section 1 (one molecule, several codes; biosimilar Q-codes), section 10 (amount); ' +
      'CMS ASP NDC-HCPCS crosswalk of the quarter; rule table drug-catalog.',
    fix: 'Rebill with the code of the product actually given (the expected code and units); if the MAR names the wrong product, correct the MAR first.',
  },
  perEncounter(enc, ctx) {
    if (enc.mar.length === 0) return;
    const view = drugView(enc, ctx.rules);
    const marByDate = new Map<string, { row: MarRow; codes: string[] }[]>();
    for (const g of view.groups) {
      if (g.noc || g.given.length === 0 || deletedOn(ctx.rules, g.code, g.date)) continue;
      let mar = marByDate.get(g.date);
      if (!mar) {
        mar = marOn(enc.mar, g.date)
          .map((row) => ({ row, codes: marDrugCodes(ctx.rules, row, g.date) }))
          .filter((x) => x.codes.length > 0);
        marByDate.set(g.date, mar);
      }
      if (mar.length === 0 || mar.some((x) => x.codes.includes(g.code))) continue;
      const billed = view.billedByDate.get(g.date) ?? new Set<string>();
      const billedDrug = catalogDrug(ctx.rules, g.code, g.date);
      const isFluid = (codes: string[]) => codes.every((c) => catalogDrug(ctx.rules, c, g.date)?.adminClass === 'hydration');
      // a payer-supplied (white/brown-bagged) drug is not billed on purpose: not a substitution candidate
      const bagged = new Set(enc.dispense.filter((d) => d.billingModel !== 'buy_and_bill').flatMap((d) => dispenseCodes(ctx.rules, d)));
      let unbilled = mar.filter((x) => !x.codes.some((c) => billed.has(c) || bagged.has(c)));
      if (billedDrug?.adminClass !== 'hydration') unbilled = unbilled.filter((x) => !isFluid(x.codes));
      if (unbilled.length === 0) continue;
      const same = billedDrug ? unbilled.filter((x) => x.codes.some((c) => catalogDrug(ctx.rules, c, g.date)?.generic === billedDrug.generic)) : [];
      const pool = same.length ? same : unbilled;
      const candidates = [...new Set(pool.flatMap((x) => (x.codes.length === 1 ? x.codes : [])))];
      const expectedCode = candidates.length === 1 ? candidates[0] : undefined;
      const first = g.given[0];
      if (!first) continue;
      const rows = expectedCode ? pool.filter((x) => x.codes.includes(expectedCode)).map((x) => x.row) : pool.map((x) => x.row);
      const units = expectedCode ? (marUnitsIn(ctx.rules, rows, expectedCode, g.date) ?? g.billedGiven) : undefined;
      const m = expectedCode && units !== undefined ? money(ctx.rules, expectedCode, g.date, ctx.payers.resolve(first.payer).type, units) : undefined;
      const names = [...new Set(pool.map((x) => `"${x.row.drug}"${x.row.code ? ` (${x.row.code})` : ''}`))].join(', ');
      const exp = expectedCode ? `${expectedCode} x${units ?? g.billedGiven}` : `the code of ${names}: one of ${[...new Set(pool.flatMap((x) => x.codes))].join(', ')}`;
      ctx.report({
        message: `${g.code} x${g.billedGiven} billed on ${g.date}, but the MAR shows ${names} there, which is not billed, and no ${g.code} drug${billedDrug ? ` (${billedDrug.generic}${billedDrug.brands[0] ? `, ${billedDrug.brands[0]}` : ''})` : ''}; bill ${exp}${m ? `: ${m.label}` : ''}.`,
        records: [{ kind: 'claims', record: first, column: 'code' }, ...g.given.slice(1).map((l) => ({ kind: 'claims' as const, record: l })), ...rows.map((r) => ({ kind: 'mar' as const, record: r }))],
        patientId: enc.patientId,
        claimId: first.claimId,
        line: first.line,
        serviceDate: g.date,
        code: g.code,
        expected: exp,
        direction: 'denial',
        ...(m?.amount !== undefined ? { amountAtRisk: m.amount } : {}),
        discriminator: `${g.code}|${g.date}`,
      });
    }
  },
};
