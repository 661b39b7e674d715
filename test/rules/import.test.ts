import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  RuleSet,
  aocPrimaries,
  aspPaymentLimit,
  cmsRelease,
  crosswalkFor,
  crosswalkForHcpcs,
  formatProblem,
  mueFor,
  ptpColumn2For,
  ptpPairsFor,
  statusIndicator,
} from '../../src/rules/index.js';
import { importCms, quarterDates } from '../../src/rules/import/index.js';
import type { ImportOptions } from '../../src/rules/import/index.js';
import { runCli } from '../cli/run-cli.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fx = resolve(here, '../fixtures/cms');
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `ia-import-${p}-`));

const Q4: ImportOptions['files'] = {
  crosswalk: join(fx, '2025Q4/asp_ndc_hcpcs_crosswalk_2025-10.csv'),
  pricing: join(fx, '2025Q4/asp_pricing_file_2025-10.csv'),
  addendumB: join(fx, '2025Q4/OPPS_Addendum_B_2025_October_SUBSET.csv'),
  mue: join(fx, '2025Q4/MCR_MUE_OutpatientHospitalServices_Eff_10-01-2025.csv'),
  ptp: join(fx, '2025Q4/NCCI_PTP_OPH_SUBSET.csv'),
  aoc: join(fx, '2025Q4/AOC_V2025Q4-MCR.csv'),
};
const Q1: ImportOptions['files'] = {
  crosswalk: join(fx, '2026Q1/asp_ndc_hcpcs_crosswalk_2026-01.csv'),
  pricing: join(fx, '2026Q1/asp_pricing_file_2026-01.csv'),
  addendumB: join(fx, '2026Q1/2026 January Web Addendum B.csv'),
  mue: join(fx, '2026Q1/MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv'),
  ptp: join(fx, '2026Q1/ccioph-v321r0-f1.txt'),
  aoc: join(fx, '2026Q1/AOC_V2026Q1-MCR.csv'),
};
const IDS = ['asp-crosswalk', 'asp-pricing', 'ncci-aoc', 'ncci-mue', 'ncci-ptp', 'opps-status'];

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const text = (f: string) => readFileSync(f, 'utf8');

describe('quarterDates', () => {
  it.each([
    ['2025Q4', '2025-10-01', '2025-12-31'],
    ['2026q1', '2026-01-01', '2026-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2026Q2', '2026-04-01', '2026-06-30'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
  ])('%s is %s..%s', (q, from, to) => {
    expect(quarterDates(q)).toEqual({ quarter: q.toUpperCase(), from, to });
  });
  it('rejects other text', () => {
    expect(() => quarterDates('2025-10')).toThrow(/--quarter: expected a quarter such as 2025Q4/);
  });
});

describe('rules import on fixtures (two quarters side by side)', () => {
  let out: string;
  let rules: RuleSet;

  beforeAll(async () => {
    out = tmp('pack');
    await importCms({ files: Q4, quarter: '2025Q4', out });
    await importCms({ files: Q1, quarter: '2026Q1', out });
    rules = await RuleSet.load([out]);
  });

  it('writes one YAML + CSV per source under cms/<quarter>/', () => {
    for (const q of ['2025Q4', '2026Q1']) {
      expect(readdirSync(join(out, 'cms', q)).sort()).toEqual(IDS.flatMap((id) => [`${id}.csv`, `${id}.yaml`]));
    }
  });

  it('records version, dates and provenance (file name, quarter, sha256) in each YAML', () => {
    const y = parseYaml(text(join(out, 'cms/2025Q4/asp-crosswalk.yaml'))) as Record<string, unknown>;
    expect(y).toMatchObject({
      id: 'asp-crosswalk',
      version: '2025Q4',
      effectiveFrom: '2025-10-01',
      effectiveTo: '2025-12-31',
      dataFile: 'asp-crosswalk.csv',
      sources: [{ title: 'October 2025 ASP NDC - HCPCS Crosswalk for Medicare Part B Drugs', quarter: '2025Q4', file: 'asp_ndc_hcpcs_crosswalk_2025-10.csv', sha256: sha(Q4.crosswalk as string) }],
    });
    expect(String(y['description'])).toContain('Effective October 1, 2025 through December 31, 2025');
    const p = parseYaml(text(join(out, 'cms/2026Q1/ncci-ptp.yaml'))) as { sources: { file: string; sha256: string }[] };
    expect(p.sources[0]).toMatchObject({ file: 'ccioph-v321r0-f1.txt', sha256: sha(Q1.ptp as string) });
  });

  it('the written pack validates with no problems', async () => {
    const problems = await RuleSet.validate([out]);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('crosswalk: banner skipped, Windows-1252 decoded, names trimmed, NDCs as 11 digits, other ids kept', () => {
    expect(text(join(out, 'cms/2025Q4/asp-crosswalk.csv'))).toBe(
      [
        'hcpcs,ndc,productId,drug,labeler,dosage,pkgSize,pkgQty,billUnits,billUnitsPkg',
        'J1745,57894003001,,Remicade,"Janssen Biotech, Inc.",10 MG,1,1,10,10',
        'J9035,50242006001,,Avastin,"Genentech, Inc.",10 MG,4,1,10,10',
        'J9035,50242006101,,Avastin,"Genentech, Inc.",10 MG,16,1,40,40',
        'J7050,00338004904,,Sodium Chloride\u2122,Baxter Healthcare Corporation,250 CC,1000,1,4,4',
        'J0897,55513071001,,Prolia,Amgen,1 MG,1,1,60,60',
        'Q4101,,GG100,Apligraf,Organogenesis,SQ CM,1,1,1,1',
        'J0129,00003218811,,Orencia,Bristol-Myers Squibb,10 MG,1,4,12.5,50',
        '',
      ].join('\n'),
    );
  });

  it('RuleSet picks the release in force on each date of service', () => {
    for (const id of IDS) {
      expect(rules.get(id, '2025-10-01')?.version).toBe('2025Q4');
      expect(rules.get(id, '2025-12-31')?.version).toBe('2025Q4');
      expect(rules.get(id, '2026-01-01')?.version).toBe('2026Q1');
      expect(rules.get(id, '2026-03-31')?.version).toBe('2026Q1');
      expect(rules.get(id, '2026-04-01')).toBeUndefined();
    }
  });

  it('mueFor: value and indicator by quarter; an absent code is unknown', () => {
    expect(mueFor(rules, '96365', '2025-11-01')).toEqual({ value: 2, indicator: 3, rationale: 'Clinical: Data' });
    expect(mueFor(rules, '96365', '2026-02-01')).toEqual({ value: 3, indicator: 3, rationale: 'Clinical: Data' });
    expect(mueFor(rules, 'j7050', '2025-11-01')).toMatchObject({ value: 10, indicator: 1 });
    expect(mueFor(rules, 'J7050', '2026-02-01')).toBeUndefined();
    expect(mueFor(rules, '96365', '2024-06-01', { exact: true })).toBeUndefined();
    expect(mueFor(rules, '96365', '2024-06-01')?.value).toBe(2); // nearest release
  });

  it('ptpPairsFor: subset layout (no dates) and CMS layout (effective, deletion, indicator 9)', () => {
    expect(ptpPairsFor(rules, '96360', '96523', '2025-11-01')).toMatchObject([{ modifier: 0, modifierAllowed: false, effective: null, deletion: null }]);
    expect(ptpPairsFor(rules, '96365', '96360', '2025-11-01')).toMatchObject([{ modifier: 1, modifierAllowed: true }]);
    expect(ptpPairsFor(rules, '96360', '96365', '2025-11-01')).toEqual([]);
    // 2026Q1: 96413/96409 is modifier 1 through 2026-02-15, then 0
    expect(ptpPairsFor(rules, '96413', '96409', '2026-02-15')).toMatchObject([{ modifier: 1, deletion: '2026-02-15' }]);
    expect(ptpPairsFor(rules, '96413', '96409', '2026-02-16')).toMatchObject([{ modifier: 0, effective: '2026-02-16', deletion: null }]);
    // indicator 9: no edit
    expect(ptpPairsFor(rules, '96372', '99211', '2026-02-01')).toEqual([]);
    expect(ptpPairsFor(rules, '96372', '99211', '2025-11-01')).toHaveLength(1);
    // not yet effective
    expect(ptpPairsFor(rules, '96374', '96375', '2026-02-28')).toEqual([]);
    expect(ptpPairsFor(rules, '96374', '96375', '2026-03-01')).toMatchObject([{ modifier: 1, rationale: 'CPT Manual or CMS manual coding instructions' }]);
    expect(ptpColumn2For(rules, '96413', '2026-03-01').map((e) => [e.col2, e.modifier])).toEqual([['96409', 0]]);
  });

  it('aocPrimaries: Julian dates, edit deletion, type 2 without a list, notes', () => {
    const nov16 = aocPrimaries(rules, '96376', '2025-11-16'); // 2025320 = 2025-11-16, the last day of the edit
    expect(nov16?.primaries).toEqual(['96374', '96409']);
    expect(nov16?.notes.get('96374')).toBe('96376 may be reported by facilities only');
    expect(aocPrimaries(rules, '96376', '2025-11-17')?.primaries).toEqual(['96374']);
    expect(aocPrimaries(rules, '96366', '2025-11-17')).toMatchObject({ type: 1, primaries: ['96360', '96365', '96413'] });
    expect(aocPrimaries(rules, '96366', '2026-02-01')).toMatchObject({ type: 1, primaries: ['96365', '96367'] });
    expect(aocPrimaries(rules, '96367', '2026-02-01')).toMatchObject({ type: 3, primaries: ['96365'] });
    expect(aocPrimaries(rules, '0054T', '2025-11-01')).toMatchObject({ type: 2, primaries: [] });
    expect(aocPrimaries(rules, '96365', '2025-11-01')).toBeUndefined();
  });

  it('crosswalkFor, aspPaymentLimit, statusIndicator by quarter', () => {
    expect(crosswalkFor(rules, '50242-0061-01', '2025-11-01')).toEqual([
      { hcpcs: 'J9035', ndc: '50242006101', drug: 'Avastin', labeler: 'Genentech, Inc.', dosage: '10 MG', pkgSize: 16, pkgQty: 1, billUnits: 40, billUnitsPerPackage: 40 },
    ]);
    expect(crosswalkFor(rules, '50242006101', '2026-02-01')).toEqual([]);
    expect(crosswalkFor(rules, '5024200610', '2025-11-01')).toEqual([]);
    expect(crosswalkForHcpcs(rules, 'q5107', '2026-02-01').map((e) => e.ndc)).toEqual(['55513020601']);
    expect(aspPaymentLimit(rules, 'J9035', '2025-11-01')).toMatchObject({ paymentLimit: 73.201, dosage: '10 MG', coinsurancePct: 20 });
    expect(aspPaymentLimit(rules, 'J9035', '2026-01-01')?.paymentLimit).toBe(74);
    expect(aspPaymentLimit(rules, 'J7999', '2025-11-01')).toBeUndefined(); // N/A
    expect(statusIndicator(rules, '96368', '2025-11-01')).toEqual({ hcpcs: '96368', si: 'N', apc: '' });
    expect(statusIndicator(rules, 'Q5107', '2026-02-01')).toEqual({ hcpcs: 'Q5107', si: 'G', apc: '9329', paymentRate: 1025.5 });
    expect(statusIndicator(rules, 'Q5107', '2025-11-01')).toBeUndefined();
    expect(readFileSync(join(out, 'cms/2026Q1/opps-status.csv'), 'utf8').split('\n')[1]).toBe('96360,S,5693,2.3772,217.31,,43.47');
  });

  it('cmsRelease says which release answered and whether it was in force', () => {
    expect(cmsRelease(rules, 'asp-pricing', '2026-02-01')).toMatchObject({ version: '2026Q1', inForce: true });
    expect(cmsRelease(rules, 'asp-pricing', '2026-07-01')).toMatchObject({ version: '2026Q1', inForce: false });
    expect(cmsRelease(rules, 'asp-pricing', '2026-07-01', { exact: true })).toBeUndefined();
  });

  it('importing the same files again gives the same bytes', async () => {
    const again = tmp('again');
    await importCms({ files: Q4, quarter: '2025Q4', out: again });
    for (const f of readdirSync(join(again, 'cms/2025Q4'))) {
      expect(text(join(again, 'cms/2025Q4', f))).toBe(text(join(out, 'cms/2025Q4', f)));
    }
  });
});

describe('rules import: XLSX', () => {
  it('reads the first sheet of an AOC workbook like its CSV', async () => {
    const dir = tmp('xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('AOC_V2025Q4-MCR_xlsx');
    const csvRows = text(Q4.aoc as string);
    ws.addRow(['Current Procedural Terminology (CPT) codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved. \nCPT\u00ae is a registered trademark of the American Medical Association.\nFixture rows, not CMS data. ']);
    ws.mergeCells('A1:H1');
    for (const line of csvRows.split('\n').slice(3).filter(Boolean)) ws.addRow(line.split(','));
    const xlsx = join(dir, 'AOC_V2025Q4-MCR.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const a = tmp('xlsx-out');
    const b = tmp('csv-out');
    await importCms({ files: { aoc: xlsx }, quarter: '2025Q4', out: a });
    await importCms({ files: { aoc: Q4.aoc as string }, quarter: '2025Q4', out: b });
    expect(text(join(a, 'cms/2025Q4/ncci-aoc.csv'))).toBe(text(join(b, 'cms/2025Q4/ncci-aoc.csv')));
  });
});

describe('rules import: CLI and errors', () => {
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

  it('imports with --out and prints one line per table (exit 0)', async () => {
    const out = tmp('cli');
    const r = await runCli(['rules', 'import', '--mue', Q4.mue as string, '--ptp', Q4.ptp as string, '--quarter', '2025q4', '--out', out]);
    expect(r.stderr).toContain('note: ncci-ptp: no Effective Date / Deletion Date columns');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ncci-mue\s+2025Q4 2025-10-01\.\.2025-12-31\s+6 rows/);
    expect(r.stdout).toMatch(/ncci-ptp\s+2025Q4 2025-10-01\.\.2025-12-31\s+4 rows/);
    expect((await runCli(['rules', 'validate', out])).code).toBe(0);
  });

  it('warns when the banner dates of the file disagree with --quarter', async () => {
    const out = tmp('edition');
    const r = await runCli(['rules', 'import', '--pricing', Q4.pricing as string, '--quarter', '2026Q1', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'note: asp-pricing: the file says "Effective October 1, 2025 through December 31, 2025" (2025-10-01..2025-12-31) but the table is dated 2026-01-01..2026-03-31: check --quarter',
    );
    const ok = await runCli(['rules', 'import', '--pricing', Q4.pricing as string, '--quarter', '2025Q4', '--out', out]);
    expect(ok.stderr).not.toContain('the file says');
  });

  it('--effective-from/--effective-to override the quarter dates', async () => {
    const out = tmp('dates');
    const r = await runCli(['rules', 'import', '--mue', Q4.mue as string, '--quarter', '2025Q4', '--effective-from', '2025-10-15', '--effective-to', '2026-01-31', '--out', out]);
    expect(r.code).toBe(0);
    expect(text(join(out, 'cms/2025Q4/ncci-mue.yaml'))).toMatch(/effectiveFrom: 2025-10-15\neffectiveTo: 2026-01-31\n/);
    // the next quarter would overlap: refused, nothing written
    const r2 = await runCli(['rules', 'import', '--mue', Q1.mue as string, '--quarter', '2026Q1', '--out', out]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/ncci-mue\.yaml: "ncci-mue" version 2025Q4 \(2025-10-15\.\.2026-01-31\) overlaps the release being imported \(2026Q1/);
    expect(readdirSync(join(out, 'cms'))).toEqual(['2025Q4']);
  });

  function bad(name: string, content: string | Buffer): string {
    const f = join(tmp('bad'), name);
    writeFileSync(f, content);
    return f;
  }

  it.each([
    ['a file with no header', '--pricing', 'x.csv', 'Payment Allowance Limits\n,,\nfoo,bar\n', /x\.csv: no ASP pricing header row found in the first 3 rows \(expected the columns "HCPCS Code", "HCPCS Code Dosage", "Payment Limit"\)/],
    ['an unknown layout', '--mue', 'm.csv', 'banner\nHCPCS/CPT Code,MUE Adjudication Indicator\n96365,3\n', /m\.csv: row 2: unknown NCCI MUE layout: the header row lacks "Outpatient Hospital Services MUE Values" \(found "HCPCS\/CPT Code", "MUE Adjudication Indicator"\)/],
    ['a bad code', '--addendum-b', 'b.csv', 'HCPCS Code,SI,APC,Payment Rate\n96360,S,5693,1\n9636,S,5693,1\n', /b\.csv: row 3, column "HCPCS Code": expected a 5-character HCPCS\/CPT code, got "9636"/],
    ['a bad MAI', '--mue', 'm.csv', 'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n96365,2,4 Other\n', /m\.csv: row 2, column "MUE Adjudication Indicator": expected an adjudication indicator 1, 2 or 3, got "4 Other"/],
    ['a bad PTP date', '--ptp', 'p.txt', 'Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier\n96365\t96360\t2026013x\t*\t1\n', /p\.txt: row 2, column "Effective Date": expected a date/],
    ['a duplicate code', '--pricing', 'd.csv', 'HCPCS Code,HCPCS Code Dosage,Payment Limit\nJ9035,10 MG,1\nJ9035,10 MG,2\n', /d\.csv: row 3, column "HCPCS Code": HCPCS J9035 is listed twice \(also row 2\)/],
    ['a bad AOC type', '--aoc', 'a.csv', 'AOC_Edit_Type,Add-On_Code,Primary_Code,AOC_Edit_EffDT\n1,96366,96365,2014001\n4,96366,96365,2014001\n', /a\.csv: row 3, column "AOC_Edit_Type": expected an AOC edit type 1, 2 or 3, got "4"/],
    ['a fake workbook', '--aoc', 'a.xlsx', 'not a zip', /a\.xlsx: not an XLSX workbook/],
  ])('%s: exit 2 with file and row, no stack trace', async (_what, flag, name, content, message) => {
    const f = bad(name, content);
    const out = tmp('bad-out');
    const r = await runCli(['rules', 'import', flag, f, '--quarter', '2025Q4', '--out', out]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a missing file, a bad quarter and no file at all are exit 2', async () => {
    const out = tmp('bad-out');
    const missing = await runCli(['rules', 'import', '--mue', join(out, 'nope.csv'), '--quarter', '2025Q4', '--out', out]);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read: no such file/);
    expect(missing.code).toBe(2);
    const q = await runCli(['rules', 'import', '--mue', Q4.mue as string, '--quarter', '2025-10', '--out', out]);
    expect(q.stderr).toMatch(/--quarter: expected a quarter such as 2025Q4, got "2025-10"/);
    expect(q.code).toBe(2);
    const none = await runCli(['rules', 'import', '--quarter', '2025Q4', '--out', out]);
    expect(none.stderr).toMatch(/give at least one CMS file: --crosswalk, --pricing, --addendum-b, --mue, --ptp, --aoc/);
    expect(none.code).toBe(2);
    const noQuarter = await runCli(['rules', 'import', '--mue', Q4.mue as string, '--out', out]);
    expect(noQuarter.stderr).toMatch(/--quarter/);
    expect(noQuarter.code).toBe(2);
    for (const r of [missing, q, none]) noStack(r.stderr);
  });
});
