/**
 * NCCI add-on code edits (CMS quarterly .xlsx, or a CSV of its sheet): a copyright banner row, then
 * `AOC_Edit_Type, Add-On_Code, AOC_DelDT, Primary_Code, Primary_Code_DelDT, AOC_Edit_EffDT,
 * AOC_Edit_DelDT, Special_Instruction_Notes`, dates Julian YYYYDDD.
 */
import { codeCell, dateCell, importError, locateHeader } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  type: { label: 'AOC_Edit_Type', match: /^aoc edit type$/ },
  addOn: { label: 'Add-On_Code', match: /^add on code$/ },
  addOnDeletion: { label: 'AOC_DelDT', match: /^aoc deldt$/, required: false },
  primary: { label: 'Primary_Code', match: /^primary code$/ },
  primaryDeletion: { label: 'Primary_Code_DelDT', match: /^primary code deldt$/, required: false },
  effective: { label: 'AOC_Edit_EffDT', match: /^aoc edit effdt$/ },
  deletion: { label: 'AOC_Edit_DelDT', match: /^aoc edit deldt$/, required: false },
  notes: { label: 'Special_Instruction_Notes', match: /^special instruction notes$/, required: false },
} satisfies Record<string, ColumnSpec>;

export const AOC_COLUMNS = ['addOn', 'primary', 'type', 'effective', 'deletion', 'addOnDeletion', 'primaryDeletion', 'notes'] as const;

export function parseAoc(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'NCCI add-on code', COLUMNS, 'addOn');
  const rows: string[][] = [];
  const types = { '1': 0, '2': 0, '3': 0 };
  eachDataRow(src, loc, 'addOn', (c, ctx) => {
    const t = c.type.trim();
    if (t !== '1' && t !== '2' && t !== '3') throw importError(src, `expected an AOC edit type 1, 2 or 3, got "${c.type}"`, ctx.row, 'AOC_Edit_Type');
    types[t]++;
    const effective = dateCell(ctx, 'AOC_Edit_EffDT', c.effective);
    if (effective === '') throw importError(src, 'the edit effective date is empty', ctx.row, 'AOC_Edit_EffDT');
    rows.push([
      codeCell(ctx, 'Add-On_Code', c.addOn),
      codeCell(ctx, 'Primary_Code', c.primary),
      t,
      effective,
      dateCell(ctx, 'AOC_Edit_DelDT', c.deletion),
      dateCell(ctx, 'AOC_DelDT', c.addOnDeletion),
      dateCell(ctx, 'Primary_Code_DelDT', c.primaryDeletion),
      c.notes,
    ]);
  });
  if (!rows.length) throw importError(src, 'the AOC file has a header but no data rows');
  return {
    id: 'ncci-aoc',
    columns: AOC_COLUMNS,
    rows,
    title: 'CMS NCCI add-on code (AOC) edits, Medicare',
    url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-add-code-edits',
    description:
      'NCCI add-on code edits: each add-on code with its primary codes (type 1: only the listed primaries; type 2: the ' +
      'contractor decides, primary CCCCC; type 3: the listed primaries and others the contractor allows), the first and ' +
      'last dates of service of each edit, deletion dates of the codes themselves and CMS special instructions ' +
      `(e.g. "may be reported by facilities only"). Edit types: 1 x${types['1']}, 2 x${types['2']}, 3 x${types['3']}.`,
    notes: [],
  };
}
