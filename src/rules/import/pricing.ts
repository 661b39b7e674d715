/**
 * The CMS ASP pricing file (Payment Allowance Limits for Medicare Part B Drugs, Section 508 CSV):
 * banner rows, then `HCPCS Code, Short Description, HCPCS Code Dosage, Payment Limit,
 * Co-insurance Percentage, Vaccine AWP%, Vaccine Limit, Blood AWP%, Blood limit, Clotting Factor, Notes`.
 */
import { bannerLines, codeCell, importError, locateHeader, numberCell } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow, editionLine, onceEach } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  hcpcs: { label: 'HCPCS Code', match: /^hcpcs( code)?$/ },
  description: { label: 'Short Description', match: /^short description$/, required: false },
  dosage: { label: 'HCPCS Code Dosage', match: /^hcpcs (code )?dosage$/ },
  paymentLimit: { label: 'Payment Limit', match: /^payment (allowance )?limit$/ },
  coinsurancePct: { label: 'Co-insurance Percentage', match: /^co ?insurance (percentage|%)$/, required: false },
  vaccineAwpPct: { label: 'Vaccine AWP%', match: /^vaccine awp ?%?$/, required: false },
  vaccineLimit: { label: 'Vaccine Limit', match: /^vaccine limit$/, required: false },
  bloodAwpPct: { label: 'Blood AWP%', match: /^blood awp ?%?$/, required: false },
  bloodLimit: { label: 'Blood limit', match: /^blood limit$/, required: false },
  clottingFactor: { label: 'Clotting Factor', match: /^clotting factor$/, required: false },
  notes: { label: 'Notes', match: /^notes?$/, required: false },
} satisfies Record<string, ColumnSpec>;

export const PRICING_COLUMNS = [
  'hcpcs',
  'description',
  'dosage',
  'paymentLimit',
  'coinsurancePct',
  'vaccineAwpPct',
  'vaccineLimit',
  'bloodAwpPct',
  'bloodLimit',
  'clottingFactor',
  'notes',
] as const;

export function parsePricing(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'ASP pricing', COLUMNS, 'paymentLimit');
  const rows: string[][] = [];
  const once = onceEach(src, 'HCPCS');
  let noLimit = 0;
  eachDataRow(src, loc, 'hcpcs', (c, ctx) => {
    const hcpcs = codeCell(ctx, 'HCPCS Code', c.hcpcs);
    once(hcpcs, ctx, 'HCPCS Code');
    const limit = numberCell(ctx, 'Payment Limit', c.paymentLimit, true);
    if (limit === '') noLimit++;
    const opt = (k: keyof typeof COLUMNS, label: string) => numberCell(ctx, label, c[k], true);
    rows.push([
      hcpcs,
      c.description,
      c.dosage,
      limit,
      opt('coinsurancePct', 'Co-insurance Percentage'),
      opt('vaccineAwpPct', 'Vaccine AWP%'),
      opt('vaccineLimit', 'Vaccine Limit'),
      opt('bloodAwpPct', 'Blood AWP%'),
      opt('bloodLimit', 'Blood limit'),
      opt('clottingFactor', 'Clotting Factor'),
      c.notes,
    ]);
  });
  if (!rows.length) throw importError(src, 'the pricing file has a header but no data rows');
  const banner = bannerLines(src, loc.headerIndex);
  const edition = editionLine(banner);
  return {
    id: 'asp-pricing',
    columns: PRICING_COLUMNS,
    rows,
    title: banner[0] ?? 'CMS Payment Allowance Limits for Medicare Part B Drugs (ASP pricing file)',
    url: 'https://www.cms.gov/medicare/payment/all-fee-service-providers/medicare-part-b-drug-average-sales-price/asp-pricing-files',
    description:
      'CMS ASP pricing file: the Medicare Part B payment allowance limit per billing unit (dosage) of each drug HCPCS code ' +
      '(mostly ASP + 6%), with the coinsurance percentage and vaccine, blood and clotting-factor columns. An empty ' +
      'paymentLimit means CMS published none (N/A).',
    ...(edition !== undefined ? { edition } : {}),
    notes: noLimit ? [`${noLimit} code${noLimit === 1 ? '' : 's'} without a payment limit (N/A)`] : [],
  };
}
