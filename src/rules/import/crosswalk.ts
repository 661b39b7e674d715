/**
 * The CMS ASP NDC-HCPCS crosswalk (Section 508 CSV): banner rows, then
 * `_YYYY_CODE, Short Description, LABELER NAME, NDC2, Drug Name, HCPCS dosage, PKG SIZE, PKG QTY,
 * BILLUNITS, BILLUNITSPKG` (plus empty trailing columns). NDC2 is 5-4-2 with hyphens; some rows
 * hold other product ids (skin substitutes), kept as `productId`.
 */
import { bannerLines, codeCell, importError, locateHeader, numberCell } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow, editionLine } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  hcpcs: { label: '_YYYY_CODE', match: /^(\d{4} )?(hcpcs )?code$|^hcpcs$/ },
  ndc: { label: 'NDC2', match: /^ndc ?2?$/ },
  labeler: { label: 'LABELER NAME', match: /^labeler name$/, required: false },
  drug: { label: 'Drug Name', match: /^drug name$/, required: false },
  dosage: { label: 'HCPCS dosage', match: /^hcpcs (code )?dosage$/ },
  pkgSize: { label: 'PKG SIZE', match: /^pkg size$/ },
  pkgQty: { label: 'PKG QTY', match: /^pkg qty$/ },
  billUnits: { label: 'BILLUNITS', match: /^bill ?units$/ },
  billUnitsPkg: { label: 'BILLUNITSPKG', match: /^bill ?units ?pkg$/ },
} satisfies Record<string, ColumnSpec>;

export const CROSSWALK_COLUMNS = ['hcpcs', 'ndc', 'productId', 'drug', 'labeler', 'dosage', 'pkgSize', 'pkgQty', 'billUnits', 'billUnitsPkg'] as const;

/** 11 digits for an NDC written 5-4-2 (or a hyphenated 10-digit FDA form, padded); else undefined. */
export function ndc11(raw: string): string | undefined {
  if (/^\d{11}$/.test(raw)) return raw;
  const m = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/.exec(raw);
  if (!m) return undefined;
  const [a, b, c] = [m[1] as string, m[2] as string, m[3] as string];
  if (a.length + b.length + c.length < 10) return undefined;
  return a.padStart(5, '0') + b.padStart(4, '0') + c.padStart(2, '0');
}

export function parseCrosswalk(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'ASP NDC-HCPCS crosswalk', COLUMNS, 'ndc');
  const rows: string[][] = [];
  let products = 0;
  let inconsistent = 0;
  eachDataRow(src, loc, 'hcpcs', (c, ctx) => {
    const hcpcs = codeCell(ctx, 'HCPCS', c.hcpcs);
    if (c.ndc === '') throw importError(src, 'NDC2 is empty', ctx.row, 'NDC2');
    const n = ndc11(c.ndc);
    if (n === undefined) products++;
    const billUnits = numberCell(ctx, 'BILLUNITS', c.billUnits, true);
    const billUnitsPkg = numberCell(ctx, 'BILLUNITSPKG', c.billUnitsPkg, true);
    const pkgQty = numberCell(ctx, 'PKG QTY', c.pkgQty, true);
    if (billUnits !== '' && billUnitsPkg !== '' && pkgQty !== '' && Math.abs(Number(billUnits) * Number(pkgQty) - Number(billUnitsPkg)) > 1e-9) inconsistent++;
    rows.push([
      hcpcs,
      n ?? '',
      n === undefined ? c.ndc : '',
      c.drug,
      c.labeler,
      c.dosage,
      numberCell(ctx, 'PKG SIZE', c.pkgSize, true),
      pkgQty,
      billUnits,
      billUnitsPkg,
    ]);
  });
  if (!rows.length) throw importError(src, 'the crosswalk has a header but no data rows');
  const notes: string[] = [];
  if (products) notes.push(`${products} rows hold a product id that is not an NDC (kept as productId)`);
  if (inconsistent) notes.push(`${inconsistent} rows where BILLUNITSPKG is not BILLUNITS x PKG QTY (kept as published; BILLUNITS is trusted)`);
  const banner = bannerLines(src, loc.headerIndex);
  const edition = editionLine(banner);
  return {
    id: 'asp-crosswalk',
    columns: CROSSWALK_COLUMNS,
    rows,
    title: banner[0] ?? 'CMS ASP NDC-HCPCS Crosswalk for Medicare Part B Drugs',
    url: 'https://www.cms.gov/medicare/payment/all-fee-service-providers/medicare-part-b-drug-average-sales-price/asp-pricing-files',
    description:
      'CMS ASP NDC-HCPCS crosswalk: the NDCs CMS assigns to each Part B drug HCPCS code, with package size and billing units ' +
      '(billUnits per item, billUnitsPkg per package). For ASP payment only; not a complete NDC list. ndc is the 11-digit ' +
      'NDC (5-4-2 without hyphens); rows whose NDC2 is not an NDC keep it as productId.',
    ...(edition !== undefined ? { edition } : {}),
    notes,
  };
}
