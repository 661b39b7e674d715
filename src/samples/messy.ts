/**
 * The "messy" copy of the bundled samples: the same rows as XLSX workbooks exported by another
 * vendor ("Vendor B"): other headers, modifiers in four columns, US dates and 12-hour times as text
 * in some columns and real Excel date cells in others, a MAR workbook whose data sheet is not the
 * first sheet, and a mapping profile (profile.yaml) from those headers to the canonical columns.
 * Content is deterministic (fixed workbook dates); the zip bytes need not be.
 */

import { readFile, writeFile, mkdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { parseDay, civilFromDays } from './rng.js';

type Kind = 'claims' | 'mar' | 'dispense' | 'auths';

/** how a canonical value is written into its Vendor B cell */
type CellStyle = 'text' | 'number' | 'money' | 'usDate' | 'usDateTimeText' | 'excelDate' | 'excelDateTime';

interface MessyColumn {
  header: string;
  canonical: string;
  style: CellStyle;
  /** modifiers: which position of the comma list */
  modifier?: number;
  width?: number;
}

export interface MessyFile {
  kind: Kind;
  file: string;
  sheet: string;
  /** a note sheet placed before the data sheet */
  noteSheet?: { name: string; lines: string[] };
  columns: MessyColumn[];
}

const c = (header: string, canonical: string, style: CellStyle = 'text', width = 12): MessyColumn => ({ header, canonical, style, width });

export const MESSY_FILES: readonly MessyFile[] = [
  {
    kind: 'claims',
    file: 'claims.xlsx',
    sheet: 'Charges',
    columns: [
      c('Claim #', 'claim_id'),
      c('Ln', 'line', 'number', 5),
      c('Acct #', 'encounter_id'),
      c('MRN', 'patient_id', 'text', 10),
      c('Svc Dt', 'service_date', 'usDate'),
      c('Primary Payer', 'payer', 'text', 28),
      c('TOB', 'bill_type', 'text', 6),
      c('Rev Cd', 'revenue_code', 'text', 7),
      c('HCPCS/CPT', 'code', 'text', 10),
      { header: 'Mod 1', canonical: 'modifier_1', style: 'text', modifier: 0, width: 6 },
      { header: 'Mod 2', canonical: 'modifier_2', style: 'text', modifier: 1, width: 6 },
      { header: 'Mod 3', canonical: 'modifier_3', style: 'text', modifier: 2, width: 6 },
      { header: 'Mod 4', canonical: 'modifier_4', style: 'text', modifier: 3, width: 6 },
      c('Qty', 'units', 'number', 7),
      c('Total Chg', 'charge', 'money', 12),
      c('NDC', 'ndc', 'text', 15),
      c('NDC Qty', 'ndc_quantity', 'number', 8),
      c('NDC UOM', 'ndc_unit', 'text', 8),
    ],
  },
  {
    kind: 'mar',
    file: 'mar.xlsx',
    sheet: 'MAR Detail',
    noteSheet: {
      name: 'Read Me',
      lines: [
        'Medication administration export - Vendor B (synthetic test data, no real patients)',
        'One row per administration. Data is on the sheet "MAR Detail".',
        'Admin Start is text (M/D/YYYY h:mm AM/PM); Admin End is an Excel date-time.',
      ],
    },
    columns: [
      c('Admin ID', 'administration_id'),
      c('Acct #', 'encounter_id'),
      c('MRN', 'patient_id', 'text', 10),
      c('Medication', 'drug', 'text', 34),
      c('HCPCS', 'code', 'text', 8),
      c('NDC #', 'ndc', 'text', 15),
      c('Dose', 'dose', 'number', 8),
      c('Dose UOM', 'dose_unit', 'text', 9),
      c('Route', 'route', 'text', 9),
      c('Site', 'access_site', 'text', 18),
      c('Admin Start', 'start', 'usDateTimeText', 20),
      c('Admin End', 'stop', 'excelDateTime', 20),
      c('Therapy Type', 'purpose', 'text', 12),
      c('Waste Amt', 'wasted', 'number', 10),
    ],
  },
  {
    kind: 'dispense',
    file: 'dispense.xlsx',
    sheet: 'Dispensing Log',
    columns: [
      c('Rx Disp #', 'dispense_id'),
      c('Acct #', 'encounter_id'),
      c('MRN', 'patient_id', 'text', 10),
      c('Fill Date', 'dispense_date', 'excelDate'),
      c('Drug Desc', 'drug', 'text', 34),
      c('NDC 11', 'ndc', 'text', 13),
      c('Disp Qty', 'quantity', 'number', 9),
      c('Qty UOM', 'quantity_unit', 'text', 8),
      c('Acq Type', 'inventory', 'text', 9),
      c('Bill Model', 'billing_model', 'text', 13),
    ],
  },
  {
    kind: 'auths',
    file: 'auths.xlsx',
    sheet: 'Auths',
    columns: [
      c('Auth #', 'auth_id'),
      c('MRN', 'patient_id', 'text', 10),
      c('Plan', 'payer', 'text', 28),
      c('Auth Code', 'code', 'text', 9),
      c('Eff Date', 'start_date', 'excelDate'),
      c('Term Date', 'end_date', 'usDate'),
      c('Units Auth', 'units_approved', 'number', 10),
      c('Visits Auth', 'visits_approved', 'number', 10),
      c('Auth Status', 'status', 'text', 11),
    ],
  },
];

const FIXED_DATE = new Date(Date.UTC(2025, 10, 1, 0, 0, 0));

/** `YYYY-MM-DD` -> `M/D/YYYY`; undefined when not a date */
export function usDate(iso: string): string | undefined {
  const day = parseDay(iso);
  if (day === undefined) return undefined;
  const [y, m, d] = civilFromDays(day);
  return `${m}/${d}/${y}`;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/;

/** `YYYY-MM-DD HH:MM` -> `M/D/YYYY h:mm AM` */
export function usDateTime(text: string): string | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const date = usDate(m[1] as string);
  if (!date) return undefined;
  const h = Number(m[2]);
  const ampm = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${date} ${h12}:${m[3]} ${ampm}`;
}

/** a UTC Date whose wall clock is the given local date-time (Excel has no time zones) */
export function excelDate(text: string): Date | undefined {
  const dt = DATE_TIME.exec(text);
  const iso = dt ? (dt[1] as string) : text;
  const day = parseDay(iso);
  if (day === undefined) return undefined;
  const [y, mo, d] = civilFromDays(day);
  return new Date(Date.UTC(y, mo - 1, d, dt ? Number(dt[2]) : 0, dt ? Number(dt[3]) : 0));
}

function cellValue(col: MessyColumn, raw: string, row: Record<string, string>): ExcelJS.CellValue {
  if (col.modifier !== undefined) {
    const mods = (row.modifiers ?? '').split(/[,\s]+/).filter((x) => x !== '');
    return mods[col.modifier] ?? null;
  }
  if (raw === '') return null;
  switch (col.style) {
    case 'number':
    case 'money': {
      const n = Number(raw);
      return /^-?\d+(\.\d+)?$/.test(raw) && Number.isFinite(n) ? n : raw;
    }
    case 'usDate':
      return usDate(raw) ?? raw;
    case 'usDateTimeText':
      return usDateTime(raw) ?? raw;
    case 'excelDate':
    case 'excelDateTime':
      return excelDate(raw) ?? raw;
    default:
      return raw;
  }
}

const NUM_FMT: Partial<Record<CellStyle, string>> = {
  money: '"$"#,##0.00',
  excelDate: 'm/d/yyyy',
  excelDateTime: 'm/d/yyyy h:mm AM/PM',
};

export async function readCsvRows(path: string): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  return parse(text, { columns: true, skip_empty_lines: false }) as Record<string, string>[];
}

/** writes the Vendor B workbooks, profile.yaml and a facility.yaml copy from the canonical CSVs */
export async function writeMessyCopy(canonicalDir: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const files: string[] = [];
  for (const spec of MESSY_FILES) {
    const rows = await readCsvRows(join(canonicalDir, `${spec.kind}.csv`));
    const wb = new ExcelJS.Workbook();
    wb.creator = 'infusion-audit samples (Vendor B layout)';
    wb.lastModifiedBy = 'infusion-audit samples';
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    wb.lastPrinted = FIXED_DATE;
    if (spec.noteSheet) {
      const note = wb.addWorksheet(spec.noteSheet.name);
      note.getColumn(1).width = 90;
      for (const line of spec.noteSheet.lines) note.addRow([line]);
    }
    const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((col) => ({ header: col.header, key: col.header, width: col.width ?? 12 }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) {
      const values = spec.columns.map((col) => cellValue(col, row[col.canonical.startsWith('modifier_') ? 'modifiers' : col.canonical] ?? '', row));
      const r = ws.addRow(values);
      spec.columns.forEach((col, i) => {
        const fmt = NUM_FMT[col.style];
        const v = values[i];
        if (fmt && (typeof v === 'number' || v instanceof Date)) r.getCell(i + 1).numFmt = fmt;
      });
    }
    const path = join(outDir, spec.file);
    await wb.xlsx.writeFile(path);
    await chmod(path, 0o600);
    files.push(path);
  }
  const profile = join(outDir, 'profile.yaml');
  await writeFile(profile, messyProfileYaml(), { mode: 0o600 });
  await chmod(profile, 0o600);
  files.push(profile);
  const facility = join(outDir, 'facility.yaml');
  await writeFile(facility, await readFile(join(canonicalDir, 'facility.yaml')), { mode: 0o600 });
  await chmod(facility, 0o600);
  files.push(facility);
  return files;
}

const yamlKey = (s: string): string => (/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(s) && !s.includes(' ') ? s : JSON.stringify(s));

export function messyProfileYaml(): string {
  let out = '# Column mapping for the "Vendor B" exports in samples/messy/ (use with --profile).\n';
  out += '# Keys are the export headers (matched case- and punctuation-insensitively), values the\n';
  out += '# canonical column names of the SPEC.\n';
  out += 'name: Vendor B export\n';
  for (const spec of MESSY_FILES) {
    out += `${spec.kind}:\n`;
    out += `  sheet: ${yamlKey(spec.sheet)}\n`;
    out += '  columns:\n';
    for (const col of spec.columns) out += `    ${JSON.stringify(col.header)}: ${col.canonical}\n`;
  }
  return out;
}
