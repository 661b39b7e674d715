/**
 * NCCI procedure-to-procedure edits (hospital outpatient). Two layouts:
 * - the CMS file: `Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date,
 *   Modifier 0=not allowed 1=allowed 9=not applicable, PTP Edit Rationale` (tab-delimited .txt,
 *   .xlsx or CSV; the header may run over several rows; dates YYYYMMDD, `*` = not deleted);
 * - a subset without dates or rationale: `Column 1, Column 2, Modifier ...` (every row in force).
 */
import { codeCell, dateCell, importError, locateHeader } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  col1: { label: 'Column 1', match: /^column (1|one)$/ },
  col2: { label: 'Column 2', match: /^column (2|two)$/ },
  effective: { label: 'Effective Date', match: /^effective date$/, required: false },
  deletion: { label: 'Deletion Date', match: /^deletion date$/, required: false },
  modifier: { label: 'Modifier', match: /^modifier\b/ },
  rationale: { label: 'PTP Edit Rationale', match: /rationale$/, required: false },
} satisfies Record<string, ColumnSpec>;

export const PTP_COLUMNS = ['col1', 'col2', 'effective', 'deletion', 'modifier', 'rationale'] as const;

export function parsePtp(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'NCCI PTP', COLUMNS, 'col1');
  const rows: string[][] = [];
  let deleted = 0;
  const mods = { '0': 0, '1': 0, '9': 0 };
  eachDataRow(src, loc, 'col1', (c, ctx) => {
    const col1 = codeCell(ctx, 'Column 1', c.col1);
    const col2 = codeCell(ctx, 'Column 2', c.col2);
    const m = c.modifier.trim();
    if (m !== '0' && m !== '1' && m !== '9') throw importError(src, `expected a modifier indicator 0, 1 or 9, got "${c.modifier}"`, ctx.row, 'Modifier');
    mods[m]++;
    const effective = dateCell(ctx, 'Effective Date', c.effective);
    const deletion = dateCell(ctx, 'Deletion Date', c.deletion);
    if (deletion !== '') deleted++;
    if (effective !== '' && deletion !== '' && deletion < effective) {
      throw importError(src, `deletion date ${deletion} is before the effective date ${effective}`, ctx.row, 'Deletion Date');
    }
    rows.push([col1, col2, effective, deletion, m, c.rationale]);
  });
  if (!rows.length) throw importError(src, 'the PTP file has a header but no data rows');
  const notes: string[] = [];
  if (loc.col.effective === undefined) notes.push('no Effective Date / Deletion Date columns: every edit is taken as in force for the whole release');
  if (deleted) notes.push(`${deleted} edits carry a deletion date (kept; they apply to dates of service up to that date)`);
  return {
    id: 'ncci-ptp',
    columns: PTP_COLUMNS,
    rows,
    title: 'CMS NCCI procedure-to-procedure (PTP) edits, hospital outpatient services',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits',
    description:
      'NCCI PTP edits for hospital outpatient services: when col1 and col2 are reported for one beneficiary on one date ' +
      'of service, col2 is denied unless the modifier indicator allows an NCCI-associated modifier (0 never, 1 allowed ' +
      'with 59/XE/XS/XP/XU or an anatomic modifier, 9 not applicable: no edit). effective/deletion are the first and ' +
      `last dates of service the edit applies (empty = not stated / not deleted). Modifier indicators: 0 x${mods['0']}, ` +
      `1 x${mods['1']}, 9 x${mods['9']}.`,
    notes,
  };
}
