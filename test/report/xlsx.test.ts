import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding, Review340bCell } from '../../src/model.js';
import { EXCEPTION_COLUMNS, type FlaggedRows } from '../../src/report/index.js';
import { writeXlsxReport } from '../../src/report/xlsx.js';
import { HIGHLIGHT_ARGB, REVIEW_COLUMNS, REVIEW_EXCEPTIONS_COL, rolloverNames } from '../../src/report/xlsx.js';
import { makeFinding, makeFlagged, makeResult, makeReview, pid, summarise } from './fixtures.js';
import { mode, tempDir, unzip } from './helpers.js';

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: { text: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text).join('');
}

function fillArgb(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f?.fgColor?.argb;
}

describe('audit.xlsx', () => {
  it('has the expected sheets, highlighted cells with notes, and neutralised text', async () => {
    const result = makeResult();
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: makeFlagged(result) });
    expect(mode(file)).toBe(0o600);
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Exceptions',
      'Claim lines',
      'MAR',
      'Auths',
      'Authorizations',
      'Reconciliation',
    ]);

    const ex = sheet(wb, 'Exceptions');
    expect(values(ex, 1)).toEqual([...EXCEPTION_COLUMNS]);
    expect(ex.getRow(1).font?.bold).toBe(true);
    expect(ex.rowCount).toBe(1 + result.exceptions.length);
    expect(ex.getRow(2).getCell(13).value).toBe(125.5);

    // claim lines: Row column, then the input cells; the NDC cell of row 3 is highlighted (error)
    const cl = sheet(wb, 'Claim lines');
    expect(values(cl, 1)).toEqual(['Row', 'Claim ID', 'Line', 'MRN', 'DOS', 'Payer', 'HCPCS', 'Units', 'NDC', 'Audit status', 'Audit findings']);
    const ndcRow = cl.getRow(3);
    expect(ndcRow.getCell(1).value).toBe(3);
    const ndcCell = ndcRow.getCell(9);
    expect(ndcCell.value).toBe('1234');
    expect(fillArgb(ndcCell)).toBe(HIGHLIGHT_ARGB.error);
    expect(noteText(ndcCell)).toContain("ndc.malformed: NDC '1234' is not 11 digits");
    expect(ndcRow.getCell(10).value).toBe('error');
    // units cell of row 2 (warning), with note
    expect(fillArgb(cl.getRow(2).getCell(8))).toBe(HIGHLIGHT_ARGB.warning);
    expect(noteText(cl.getRow(2).getCell(8))).toContain('units.mismatch');
    // a finding without a column is noted on the row-number cell
    const authRow = cl.getRow(4);
    expect(fillArgb(authRow.getCell(1))).toBe(HIGHLIGHT_ARGB.error);
    expect(noteText(authRow.getCell(1))).toContain('auth.expired');
    // a formula-looking input cell is neutralised
    expect(authRow.getCell(9).value).toBe('\'=HYPERLINK("x")');
    // cells without findings are not highlighted
    expect(fillArgb(ndcRow.getCell(2))).toBeUndefined();

    const auths = sheet(wb, 'Authorizations');
    expect(auths.rowCount).toBe(2);
    const a = values(auths, 2);
    expect(a.slice(0, 8)).toEqual(['2024-02-29', 'error', 'auth.expired', 'P0003', 'Acme Health Plan', 'J2505', '2024-03-04', 'A-77']);

    const sum = sheet(wb, 'Summary');
    const summaryText = JSON.stringify(sum.getSheetValues());
    expect(summaryText).toContain('By payer');
    expect(summaryText).toContain('Acme Health Plan');
    expect(summaryText).toContain('Medicare Part B');
    expect(summaryText).toContain('n/a'); // the MAR-only finding has no payer
    expect(summaryText).toContain('dispense.not-billed');

    const rec = sheet(wb, 'Reconciliation');
    expect(values(rec, 2)).toEqual(['claims', 'claims.csv', undefined, 10, 10, 0, 0, 3, 'yes']);
  });

  it('gives each sheet with notes its own comment-id block (Excel rejects shared ones)', async () => {
    const result = makeResult();
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: makeFlagged(result) });
    const zip = unzip(file);
    const vml = [...zip.keys()].filter((k) => /vmlDrawing\d+\.vml$/.test(k)).map((k) => zip.get(k)?.toString('utf8') ?? '');
    expect(vml.length).toBe(3); // Claim lines, MAR, Auths
    const idmaps = vml.map((v) => /<o:idmap[^>]*data="([^"]+)"/.exec(v)?.[1]);
    expect(new Set(idmaps).size).toBe(3);
    const ids = vml.flatMap((v) => [...v.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => Number(m[1])));
    expect(new Set(ids).size).toBe(ids.length);
    // every shape id lies inside a block its own part reserved
    vml.forEach((v, i) => {
      const blocks = (idmaps[i] ?? '').split(',').map(Number);
      for (const m of v.matchAll(/<v:shape id="_x0000_s(\d+)"/g)) expect(blocks).toContain(Math.floor(Number(m[1]) / 1024));
    });
  });

  it('reserves enough blocks for more than 1,024 notes on one sheet', async () => {
    const exceptions: Finding[] = [];
    const rows: FlaggedRows['rows'] = [];
    for (let r = 2; r < 2 + 1500; r++) {
      const f = makeFinding({ evidence: [{ kind: 'claims', file: 'claims.csv', row: r, column: 'units' }] });
      exceptions.push(f);
      rows.push({ row: r, cells: [`C${r}`, '1', pid(r), '2024-03-04', 'Medicare', 'J9035', '3', ''], findings: [f] });
    }
    const result = makeResult({ exceptions });
    const flagged = makeFlagged(makeResult());
    const claims = flagged[0] as FlaggedRows;
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: [{ ...claims, rows }, flagged[1] as FlaggedRows] });
    const zip = unzip(file);
    const vml = [...zip.keys()].filter((k) => /vmlDrawing\d+\.vml$/.test(k)).map((k) => zip.get(k)?.toString('utf8') ?? '');
    const all: number[] = [];
    for (const v of vml) {
      const blocks = (/<o:idmap[^>]*data="([^"]+)"/.exec(v)?.[1] ?? '').split(',').map(Number);
      for (const m of v.matchAll(/<v:shape id="_x0000_s(\d+)"/g)) {
        const id = Number(m[1]);
        expect(blocks).toContain(Math.floor(id / 1024));
        all.push(id);
      }
    }
    expect(all.length).toBe(1501);
    expect(new Set(all).size).toBe(all.length);
  });

  it('rolls a long sheet over to "Exceptions (2)" etc. at the row limit', async () => {
    const exceptions = Array.from({ length: 11 }, (_v, i) => makeFinding({ id: `x${String(i).padStart(2, '0')}` }));
    const result = makeResult({ exceptions });
    const flagged = makeFlagged(result);
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged }, { maxRowsPerSheet: 5 });
    const wb = await read(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Exceptions'))).toEqual(['Exceptions', 'Exceptions (2)', 'Exceptions (3)']);
    expect(rolloverNames('Exceptions', 11, 5)).toEqual(['Exceptions', 'Exceptions (2)', 'Exceptions (3)']);
    const ids: unknown[] = [];
    for (const n of ['Exceptions', 'Exceptions (2)', 'Exceptions (3)']) {
      const ws = sheet(wb, n);
      expect(ws.rowCount).toBeLessThanOrEqual(5);
      expect(values(ws, 1)).toEqual([...EXCEPTION_COLUMNS]); // header repeated
      for (let r = 2; r <= ws.rowCount; r++) ids.push(ws.getRow(r).getCell(1).value);
    }
    expect(ids).toEqual(exceptions.map((f) => f.id)); // nothing lost, order kept
    // the flagged claim lines (11 findings on 3 rows) fit one sheet at this limit
    expect(names).toContain('Claim lines');
  });

  it('highlights and notes an empty cell (a missing NDC)', async () => {
    const f = makeFinding({
      ruleId: 'ndc.missing',
      category: 'ndc',
      severity: 'error',
      message: 'J9035 is billed without an NDC',
      evidence: [{ kind: 'claims', file: 'claims.csv', row: 2, column: 'ndc' }],
    });
    const result = makeResult({ exceptions: [f] });
    const claims = makeFlagged(makeResult())[0] as FlaggedRows;
    const rows = [{ row: 2, cells: ['C0001', '1', pid(1), '2024-03-04', 'Medicare', 'J9035', '3', ''], findings: [f] }];
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: [{ ...claims, rows }] });
    const cell = sheet(await read(file), 'Claim lines').getRow(2).getCell(9);
    expect(cell.value ?? null).toBeNull();
    expect(fillArgb(cell)).toBe(HIGHLIGHT_ARGB.error);
    expect(noteText(cell)).toBe('ERROR ndc.missing: J9035 is billed without an NDC\nExpected: J9035 x 2 units');
  });

  it('rolls flagged rows over too, each sheet with its own notes and comment ids', async () => {
    const exceptions: Finding[] = [];
    const rows: FlaggedRows['rows'] = [];
    for (let r = 2; r < 9; r++) {
      const f = makeFinding({ evidence: [{ kind: 'claims', file: 'claims.csv', row: r, column: 'units' }] });
      exceptions.push(f);
      rows.push({ row: r, cells: [`C${r}`, '1', pid(r), '2024-03-04', 'Medicare', 'J9035', '3', ''], findings: [f] });
    }
    const claims = makeFlagged(makeResult())[0] as FlaggedRows;
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result: makeResult({ exceptions }), flagged: [{ ...claims, rows }] }, { maxRowsPerSheet: 4 });
    const wb = await read(file);
    const parts = wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('Claim lines'));
    expect(parts).toEqual(['Claim lines', 'Claim lines (2)', 'Claim lines (3)']);
    const seen: unknown[] = [];
    for (const n of parts) {
      const ws = sheet(wb, n);
      for (let r = 2; r <= ws.rowCount; r++) {
        seen.push(ws.getRow(r).getCell(1).value);
        expect(noteText(ws.getRow(r).getCell(8))).toContain('units.mismatch');
      }
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const zip = unzip(file);
    const idmaps = [...zip.keys()]
      .filter((k) => /vmlDrawing\d+\.vml$/.test(k))
      .map((k) => /<o:idmap[^>]*data="([^"]+)"/.exec(zip.get(k)?.toString('utf8') ?? '')?.[1]);
    expect(idmaps.length).toBe(3);
    expect(new Set(idmaps).size).toBe(3);
  });

  it('writes header-only sheets when there is nothing to report', async () => {
    const result = makeResult({ exceptions: [], reconciliation: [] });
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: [] });
    const wb = await read(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Exceptions', 'Authorizations', 'Reconciliation']);
    expect(sheet(wb, 'Exceptions').rowCount).toBe(1);
  });

  it('rejects an impossible row limit', async () => {
    const result = makeResult();
    const file = path.join(tempDir(), 'audit.xlsx');
    await expect(writeXlsxReport(file, { result, flagged: [] }, { maxRowsPerSheet: 1 })).rejects.toThrow(RangeError);
    await expect(writeXlsxReport(file, { result, flagged: [] }, { maxRowsPerSheet: 2_000_000 })).rejects.toThrow(RangeError);
  });
});

describe('audit.xlsx: the 340B review sheet (summary.review340b)', () => {
  async function withReview(review = makeReview(), maxRowsPerSheet?: number): Promise<ExcelJS.Workbook> {
    const base = makeResult();
    const result = makeResult({ summary: { ...summarise(base.exceptions), review340b: review } });
    const file = path.join(tempDir(), 'audit.xlsx');
    await writeXlsxReport(file, { result, flagged: [] }, maxRowsPerSheet !== undefined ? { maxRowsPerSheet } : {});
    return read(file);
  }

  it('is a sheet named "340B review", after Reconciliation, one row per pivot cell in flat columns', async () => {
    const wb = await withReview();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Exceptions', 'Authorizations', 'Reconciliation', '340B review']);
    const ws = sheet(wb, '340B review');
    expect(values(ws, 1).slice(0, REVIEW_COLUMNS.length)).toEqual([
      'quarter',
      'payer_type',
      'payer',
      'entity_type',
      'expected_modifier',
      'billed_modifier',
      'inventory',
      'lines',
      'units',
      'charges',
      'estimated_allowed',
      'amount_at_risk',
      'unpriced_lines',
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(values(ws, 2).slice(0, 13)).toEqual(['2023Q4', 'medicare', 'Medicare Part B', 'dsh', 'JG', 'none', '340b', 3, 30, 300.5, undefined, 12.25, 0]);
    expect(values(ws, 3).slice(0, 13)).toEqual(['2024Q3', 'medicare', 'Medicare Part B', 'dsh', 'JG', 'JG', '340b', 4, 40, 400, 321.99, 0, 0]);
    expect(ws.getRow(3).getCell(11).numFmt).toBe('#,##0.00');
    // a payer name that looks like a formula is text
    expect(ws.getRow(4).getCell(3).value).toBe('\'=HYPERLINK("x")');
    expect(ws.getRow(4).getCell(13).value).toBe(2);
    // every pivot row, and the lines add up to the drug lines
    let lines = 0;
    for (let r = 2; r <= 6; r++) lines += Number(ws.getRow(r).getCell(8).value);
    expect(lines).toBe(12);
    expect(ws.getRow(7).getCell(1).value).toBeNull();
  });

  it('has the exception totals beside the pivot, and the autofilter over the pivot columns only', async () => {
    const wb = await withReview();
    const ws = sheet(wb, '340B review');
    const col = REVIEW_EXCEPTIONS_COL;
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => [ws.getRow(r).getCell(col).value, ws.getRow(r).getCell(col + 1).value])).toEqual([
      ['exception', 'count'],
      ['Modifier missing', 1],
      ['Modifier wrong', 2],
      ['Modifier on a non-340B drug', 1],
      ['Mixed inventory on one line', 0],
      ['Duplicate discount (Medicaid)', 3],
      ['Lines not verifiable (no dispense link or blank inventory)', 2],
    ]);
    expect(ws.getRow(3).getCell(col + 2).value).toBe('340b.wrong, 340b.medicaid-identifier');
    expect(ws.getRow(9).getCell(col).value).toBe('Drug lines reviewed');
    expect(ws.getRow(9).getCell(col + 1).value).toBe(12);
    expect(ws.getRow(2).getCell(col - 1).value).toBeNull();
    expect(ws.autoFilter).toBe('A1:M6');
  });

  it('with no drug line: the header and the exception totals, all 0', async () => {
    const wb = await withReview(makeReview({ drugLines: 0, cells: [], byInventory: { '340b': 0, 'non-340b': 0, mixed: 0, bag: 0, unknown: 0 }, exceptions: { modifierMissing: 0, modifierWrong: 0, modifierOnNon340b: 0, mixed: 0, duplicateDiscount: 0, notVerifiable: 0 } }));
    const ws = sheet(wb, '340B review');
    expect(ws.getRow(2).getCell(1).value).toBeNull();
    expect(ws.getRow(2).getCell(REVIEW_EXCEPTIONS_COL + 1).value).toBe(0);
    expect(ws.getRow(9).getCell(REVIEW_EXCEPTIONS_COL + 1).value).toBe(0);
  });

  it('never passes the sheet row limit: says how many pivot rows were left out', async () => {
    const base = makeReview();
    const cells = Array.from({ length: 15 }, (_v, i) => ({ ...(base.cells[1] as Review340bCell), payer: `Payer ${String(i).padStart(2, '0')}` }));
    const wb = await withReview({ ...base, cells }, 12);
    const ws = sheet(wb, '340B review');
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(12).getCell(3).value).toBe('Payer 10');
    expect(ws.getRow(10).getCell(REVIEW_EXCEPTIONS_COL).value).toBe('4 pivot rows left out (sheet row limit); report.json has them all');
  });
});
