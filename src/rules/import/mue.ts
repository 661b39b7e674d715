/**
 * NCCI Medically Unlikely Edits (CMS quarterly CSV): a copyright banner, then
 * `HCPCS/CPT Code, <Outpatient Hospital Services> MUE Values, MUE Adjudication Indicator, MUE Rationale`.
 * The adjudication indicator (MAI) is written "3 Date of Service Edit: Clinical"; its digit is kept.
 */
import { codeCell, importError, locateHeader, numberCell } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow, onceEach } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  code: { label: 'HCPCS/CPT Code', match: /^hcpcs ?cpt code$/ },
  value: { label: 'Outpatient Hospital Services MUE Values', match: /mue values?$/ },
  indicator: { label: 'MUE Adjudication Indicator', match: /^mue adjudication indicator$/ },
  rationale: { label: 'MUE Rationale', match: /^mue rationale$/, required: false },
} satisfies Record<string, ColumnSpec>;

export const MUE_COLUMNS = ['code', 'value', 'indicator', 'rationale'] as const;

export function parseMue(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'NCCI MUE', COLUMNS, 'indicator');
  const headerRow = src.rows[loc.headerIndex] ?? [];
  const valueHeader = headerRow[loc.col.value ?? -1] ?? '';
  const rows: string[][] = [];
  const once = onceEach(src, 'code');
  eachDataRow(src, loc, 'code', (c, ctx) => {
    const code = codeCell(ctx, 'HCPCS/CPT Code', c.code);
    once(code, ctx, 'HCPCS/CPT Code');
    const value = numberCell(ctx, valueHeader, c.value, false);
    if (!/^\d+$/.test(value)) throw importError(src, `expected a whole number of units, got "${c.value}"`, ctx.row, valueHeader);
    const mai = /^([123])(\b|$)/.exec(c.indicator);
    if (!mai) throw importError(src, `expected an adjudication indicator 1, 2 or 3, got "${c.indicator}"`, ctx.row, 'MUE Adjudication Indicator');
    rows.push([code, value, mai[1] as string, c.rationale]);
  });
  if (!rows.length) throw importError(src, 'the MUE file has a header but no data rows');
  const notes: string[] = [];
  if (!/outpatient hospital/i.test(valueHeader)) {
    notes.push(`the value column is "${valueHeader}", not the outpatient hospital services table; hospital claims are edited with the outpatient hospital MUEs`);
  }
  return {
    id: 'ncci-mue',
    columns: MUE_COLUMNS,
    rows,
    title: `CMS NCCI Medically Unlikely Edits (${valueHeader.replace(/\s*MUE Values?$/i, '') || 'MUE'})`,
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-medically-unlikely-edits',
    description:
      'NCCI MUE: the most units of a HCPCS/CPT code a provider reports for one beneficiary (value), with the MUE ' +
      'adjudication indicator (1 per claim line, 2 per date of service by policy, 3 per date of service, clinical, ' +
      'appealable) and the rationale. A code absent from the public file has an unknown MUE (some are confidential), ' +
      'never an unlimited one.',
    notes,
  };
}
