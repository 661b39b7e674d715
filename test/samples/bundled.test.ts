import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundledSamples } from '../../src/samples/build-bundled.js';
import { MESSY_FILES } from '../../src/samples/messy.js';
import { PLANT_KINDS } from '../../src/samples/planted.js';
import { readCsv, removeDir, tempDir, type Row } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const TEXT_FILES = ['claims.csv', 'mar.csv', 'dispense.csv', 'auths.csv', 'facility.yaml', 'planted.csv', 'README.md', 'messy/profile.yaml', 'messy/facility.yaml'];
const XLSX_FILES = ['claims.xlsx', 'mar.xlsx', 'dispense.xlsx', 'auths.xlsx'];

const CANONICAL: Record<string, string[]> = {
  claims: ['claim_id', 'line', 'patient_id', 'service_date', 'payer', 'code', 'units', 'encounter_id', 'modifiers', 'modifier_1', 'modifier_2', 'modifier_3', 'modifier_4', 'charge', 'ndc', 'ndc_quantity', 'ndc_unit', 'revenue_code', 'bill_type'],
  mar: ['patient_id', 'drug', 'route', 'start', 'encounter_id', 'administration_id', 'stop', 'dose', 'dose_unit', 'code', 'ndc', 'access_site', 'purpose', 'wasted'],
  dispense: ['dispense_id', 'patient_id', 'dispense_date', 'ndc', 'quantity', 'quantity_unit', 'encounter_id', 'drug', 'inventory', 'billing_model', 'wasted'],
  auths: ['auth_id', 'patient_id', 'payer', 'code', 'start_date', 'end_date', 'units_approved', 'visits_approved', 'status'],
};

let fresh: string;

beforeAll(async () => {
  fresh = await tempDir('ia-bundled-');
  await buildBundledSamples(fresh);
});

afterAll(async () => {
  await removeDir(fresh);
});

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** every sheet's cell values, dates as ISO strings */
function contents(wb: ExcelJS.Workbook): unknown[] {
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : (v ?? null)));
      rows.push(values);
    });
    return { name: ws.name, rows };
  });
}

function sheetRows(ws: ExcelJS.Worksheet): { header: string[]; rows: ExcelJS.CellValue[][] } {
  const all: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    all.push(values);
  });
  const header = (all[0] ?? []).map((v) => String(v));
  return { header, rows: all.slice(1) };
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const isoMinute = (d: Date): string => `${iso(d)} ${d.toISOString().slice(11, 16)}`;

function fromUsDate(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${(m[1] as string).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}` : undefined;
}

function fromUsDateTime(s: string): string | undefined {
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4}) (\d{1,2}):(\d{2}) (AM|PM)$/.exec(s);
  if (!m) return undefined;
  let h = Number(m[2]) % 12;
  if (m[4] === 'PM') h += 12;
  return `${fromUsDate(m[1] as string)} ${String(h).padStart(2, '0')}:${m[3]}`;
}

describe('bundled samples', () => {
  it('are exactly what buildBundledSamples() writes (text files byte for byte)', async () => {
    for (const f of TEXT_FILES) {
      const [committed, regenerated] = [await readFile(join(SAMPLES, f)), await readFile(join(fresh, f))];
      expect(committed.equals(regenerated), `${f} differs from a fresh build: run node dist/samples/build-bundled.js`).toBe(true);
    }
  });

  it('have XLSX files with the same content as a fresh build', async () => {
    for (const f of XLSX_FILES) {
      const [committed, regenerated] = [await workbook(join(SAMPLES, 'messy', f)), await workbook(join(fresh, 'messy', f))];
      expect(JSON.stringify(contents(committed)), f).toBe(JSON.stringify(contents(regenerated)));
    }
  });

  it('hold 60 encounters over October 2025 with every planted kind once', async () => {
    const claims = await readCsv(join(SAMPLES, 'claims.csv'));
    const planted = await readCsv(join(SAMPLES, 'planted.csv'));
    expect(new Set(claims.map((r) => r.encounter_id)).size).toBe(60);
    const dates = claims.map((r) => r.service_date as string).filter((d) => /^2025-10-\d\d$/.test(d));
    expect(dates.length).toBeGreaterThan(claims.length - 3);
    expect(planted.map((p) => p.kind).sort()).toEqual(PLANT_KINDS.map((k) => k.kind).sort());
    const readme = await readFile(join(SAMPLES, 'README.md'), 'utf8');
    for (const p of planted) expect(readme).toContain(`| ${p.encounter_id} | ${p.file} | ${p.row} |`);
  });
});

describe('messy samples (Vendor B XLSX)', () => {
  it('has a profile that maps every header to a canonical column, and the sheets it names', async () => {
    const profile = parseYaml(await readFile(join(SAMPLES, 'messy', 'profile.yaml'), 'utf8')) as Record<string, { sheet?: string; columns: Record<string, string> } | string>;
    expect(profile.name).toBe('Vendor B export');
    for (const spec of MESSY_FILES) {
      const entry = profile[spec.kind] as { sheet?: string; columns: Record<string, string> };
      expect(entry.sheet).toBe(spec.sheet);
      const wb = await workbook(join(SAMPLES, 'messy', spec.file));
      const ws = wb.getWorksheet(spec.sheet);
      expect(ws, spec.file).toBeDefined();
      const { header } = sheetRows(ws as ExcelJS.Worksheet);
      expect(Object.keys(entry.columns)).toEqual(header);
      for (const canonical of Object.values(entry.columns)) expect(CANONICAL[spec.kind], canonical).toContain(canonical);
      expect(header.some((h) => CANONICAL[spec.kind]?.includes(h)), `${spec.file} uses another vendor's headers`).toBe(false);
    }
    const files = (await readdir(join(SAMPLES, 'messy'))).sort();
    expect(files).toEqual(['auths.xlsx', 'claims.xlsx', 'dispense.xlsx', 'facility.yaml', 'mar.xlsx', 'profile.yaml']);
  });

  it('puts the MAR data on a sheet after a note sheet', async () => {
    const wb = await workbook(join(SAMPLES, 'messy', 'mar.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Read Me', 'MAR Detail']);
  });

  it('holds the same rows as the CSVs, with US text dates, 12-hour times and Excel date cells', async () => {
    const byKind = async (kind: string): Promise<{ csv: Row[]; header: string[]; rows: ExcelJS.CellValue[][] }> => {
      const spec = MESSY_FILES.find((s) => s.kind === kind);
      const wb = await workbook(join(SAMPLES, 'messy', spec?.file ?? ''));
      const { header, rows } = sheetRows(wb.getWorksheet(spec?.sheet ?? '') as ExcelJS.Worksheet);
      return { csv: await readCsv(join(SAMPLES, `${kind}.csv`)), header, rows };
    };
    const cell = (header: string[], row: ExcelJS.CellValue[], name: string): ExcelJS.CellValue => row[header.indexOf(name)] ?? null;

    const claims = await byKind('claims');
    expect(claims.rows.length).toBe(claims.csv.length);
    claims.csv.forEach((c, i) => {
      const x = claims.rows[i] as ExcelJS.CellValue[];
      const svc = cell(claims.header, x, 'Svc Dt');
      expect(typeof svc).toBe('string');
      expect(fromUsDate(svc as string) ?? svc).toBe(c.service_date);
      expect(cell(claims.header, x, 'Claim #')).toBe(c.claim_id);
      expect(String(cell(claims.header, x, 'Qty'))).toBe(c.units);
      if (c.units !== 'abc') expect(typeof cell(claims.header, x, 'Qty')).toBe('number');
      const mods = ['Mod 1', 'Mod 2', 'Mod 3', 'Mod 4'].map((h) => cell(claims.header, x, h)).filter((v) => v !== null);
      expect(mods.join(',')).toBe(c.modifiers);
      expect(cell(claims.header, x, 'NDC') ?? '').toBe(c.ndc);
      expect(cell(claims.header, x, 'Rev Cd')).toBe(c.revenue_code);
    });

    const mar = await byKind('mar');
    expect(mar.rows.length).toBe(mar.csv.length);
    mar.csv.forEach((m, i) => {
      const x = mar.rows[i] as ExcelJS.CellValue[];
      const start = cell(mar.header, x, 'Admin Start');
      expect(typeof start).toBe('string');
      expect(fromUsDateTime(start as string)).toBe(m.start);
      const stop = cell(mar.header, x, 'Admin End');
      if (m.stop === '') expect(stop).toBeNull();
      else {
        expect(stop).toBeInstanceOf(Date);
        expect(isoMinute(stop as Date)).toBe(m.stop);
      }
    });

    const dispense = await byKind('dispense');
    dispense.csv.forEach((d, i) => {
      const fill = cell(dispense.header, dispense.rows[i] as ExcelJS.CellValue[], 'Fill Date');
      expect(fill).toBeInstanceOf(Date);
      expect(iso(fill as Date)).toBe(d.dispense_date);
      expect(cell(dispense.header, dispense.rows[i] as ExcelJS.CellValue[], 'NDC 11')).toBe(d.ndc);
    });

    const auths = await byKind('auths');
    auths.csv.forEach((a, i) => {
      const x = auths.rows[i] as ExcelJS.CellValue[];
      expect(iso(cell(auths.header, x, 'Eff Date') as Date)).toBe(a.start_date);
      expect(fromUsDate(cell(auths.header, x, 'Term Date') as string)).toBe(a.end_date);
    });
  });
});
