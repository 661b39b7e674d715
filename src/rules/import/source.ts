/**
 * Reading one CMS source file for `rules import`: bytes -> sha256 and text (UTF-8, else
 * Windows-1252 as CMS publishes some files) -> rows of trimmed cells (CSV, tab-delimited text or
 * the first sheet of an XLSX). Row numbers are as a spreadsheet shows them (first row = 1),
 * banner rows included, so error messages point at the row a person sees.
 *
 * CMS files start with banner rows (titles, notes, copyright) of varying length, so the header
 * is found by content: the first row whose cells match every required column of the layout.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ConfigError } from '../errors.js';

/** A source file read into rows. */
export interface SourceRows {
  /** path as given */
  file: string;
  /** file name without folders (recorded in the rule table's sources) */
  name: string;
  sha256: string;
  /** rows[i] is spreadsheet row i + 1; cells trimmed (non-breaking spaces too) */
  rows: string[][];
}

/** An import problem: names the file and, when known, the row (and column). Exit code 2 in the CLI. */
export function importError(src: { file: string }, message: string, row?: number, column?: string): ConfigError {
  const where = row === undefined ? undefined : column === undefined ? `row ${row}` : `row ${row}, column "${column}"`;
  return new ConfigError(message, src.file, where);
}

/**
 * Windows-1252 bytes 0x80-0x9F (the rest is Latin-1). Node's TextDecoder treats 'windows-1252'
 * as Latin-1 in some builds (0x99 would become U+0099, not the trade mark sign), so decode here.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(buf: Buffer): string {
  let out = '';
  for (const b of buf) out += b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as string) : String.fromCharCode(b);
  return out;
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return decodeWindows1252(buf);
  }
}

/** Tab when the start of the file has more tabs than commas (CMS .txt layouts), else comma. */
function sniffDelimiter(text: string): string {
  const head = text.slice(0, 65536);
  let tabs = 0;
  let commas = 0;
  for (const ch of head) {
    if (ch === '\t') tabs++;
    else if (ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

const clean = (s: string) => s.replace(/\u00a0/g, ' ').trim();

function parseDelimited(file: string, text: string): string[][] {
  try {
    const rows = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return rows.map((r) => r.map(clean));
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ConfigError(`cannot read as CSV: ${err.message}`, file, err.lines !== undefined ? `line ${err.lines}` : undefined);
  }
}

interface XlsxCell {
  value: unknown;
}
interface XlsxRow {
  cellCount: number;
  getCell(i: number): XlsxCell;
}
interface XlsxSheet {
  rowCount: number;
  columnCount: number;
  getRow(i: number): XlsxRow;
}

function xlsxText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return xlsxText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

async function readXlsx(file: string, buf: Buffer): Promise<string[][]> {
  // exceljs takes ~0.4 s to load: only when an .xlsx is imported
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ConfigError(`cannot read as XLSX: ${(e as Error).message}`, file);
  }
  const ws = wb.worksheets[0] as unknown as XlsxSheet | undefined;
  if (!ws) throw new ConfigError('the workbook has no worksheet', file);
  const rows: string[][] = [];
  const cols = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= cols; c++) cells.push(clean(xlsxText(row.getCell(c).value)));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  return rows;
}

/** Read a CSV / tab-delimited text / XLSX source file. Throws ConfigError naming the file. */
export async function readSource(file: string): Promise<SourceRows> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : String(code ?? e);
    throw new ConfigError(`cannot read: ${why}`, file);
  }
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const isZip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const ext = extname(file).toLowerCase();
  let rows: string[][];
  if (isZip || ext === '.xlsx') {
    if (!isZip) throw new ConfigError('not an XLSX workbook (no zip signature); save it as .xlsx or .csv', file);
    rows = await readXlsx(file, buf);
  } else if (ext === '.xls') {
    throw new ConfigError('old Excel .xls files are not supported; save the sheet as .xlsx or .csv', file);
  } else {
    rows = parseDelimited(file, decodeText(buf));
  }
  return { file, name: basename(file), sha256, rows };
}

// ---------------------------------------------------------------------------------------------
// Layouts: finding the header row and the columns

/** One column of a layout: how its header cell reads (after `normHeader`). */
export interface ColumnSpec {
  /** shown in messages */
  label: string;
  match: RegExp;
  required?: boolean;
}

/** Lower case; runs of spaces, `_`, `-`, `/` and line breaks become one space. */
export function normHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_\-/]+/g, ' ')
    .trim();
}

export interface Located<K extends string> {
  /** 0-based index of the header row in `rows` */
  headerIndex: number;
  /** column key -> 0-based cell index (absent optional columns are missing) */
  col: Partial<Record<K, number>>;
  /** every column key of the layout */
  keys: K[];
}

/**
 * Find the header: the first row (within the first `scan` rows) holding the `anchor` column.
 * Every required column must then be on that row, else the layout is unknown (error naming the row).
 */
export function locateHeader<K extends string>(
  src: SourceRows,
  what: string,
  columns: Record<K, ColumnSpec>,
  anchor: NoInfer<K>,
  scan = 100,
): Located<K> {
  const anchorSpec = columns[anchor];
  const limit = Math.min(src.rows.length, scan);
  for (let i = 0; i < limit; i++) {
    const cells = (src.rows[i] ?? []).map(normHeader);
    if (!cells.some((c) => anchorSpec.match.test(c))) continue;
    const col: Partial<Record<K, number>> = {};
    const missing: string[] = [];
    for (const key of Object.keys(columns) as K[]) {
      const spec = columns[key];
      const idx = cells.findIndex((c) => spec.match.test(c));
      if (idx >= 0) col[key] = idx;
      else if (spec.required !== false) missing.push(`"${spec.label}"`);
    }
    if (missing.length) {
      const found = (src.rows[i] ?? []).filter((c) => c !== '').map((c) => `"${c.replace(/\s+/g, ' ')}"`);
      throw importError(src, `unknown ${what} layout: the header row lacks ${missing.join(', ')} (found ${found.join(', ')})`, i + 1);
    }
    return { headerIndex: i, col, keys: Object.keys(columns) as K[] };
  }
  const need = (Object.values(columns) as ColumnSpec[]).filter((c) => c.required !== false).map((c) => `"${c.label}"`);
  throw importError(src, `no ${what} header row found in the first ${limit} rows (expected the columns ${need.join(', ')}); is this the right file?`);
}

/** The cells of a data row by column key ('' for an absent column or cell). */
export function cellsOf<K extends string>(row: string[], loc: Located<K>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of loc.keys) {
    const i = loc.col[k];
    out[k] = i === undefined ? '' : (row[i] ?? '');
  }
  return out;
}

/** The first non-empty banner cells above the header (titles such as "October 2025 ASP ..."). */
export function bannerLines(src: SourceRows, headerIndex: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < headerIndex; i++) {
    const c = (src.rows[i] ?? []).find((x) => x !== '');
    if (c !== undefined) out.push(c.replace(/\s+/g, ' '));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cell conversions (each throws an importError naming row and column)

export interface CellCtx {
  src: SourceRows;
  row: number;
}

/** A HCPCS/CPT code: 5 letters/digits, upper-cased. */
export function codeCell(ctx: CellCtx, column: string, v: string): string {
  const s = v.toUpperCase();
  if (!/^[A-Z0-9]{5}$/.test(s)) throw importError(ctx.src, `expected a 5-character HCPCS/CPT code, got "${v}"`, ctx.row, column);
  return s;
}

/** A number written as text: '' stays '' when optional; "$1,234.50" -> "1234.50"; "N/A" -> '' when optional. */
export function numberCell(ctx: CellCtx, column: string, v: string, optional: boolean): string {
  const s = v.replace(/[$,\s]/g, '');
  if (s === '' || (optional && /^(n\/?a|-)$/i.test(s))) {
    if (optional) return '';
    throw importError(ctx.src, 'a number is required', ctx.row, column);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) throw importError(ctx.src, `expected a number, got "${v}"`, ctx.row, column);
  return s;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A CMS date cell as YYYY-MM-DD, or '' for none: `YYYYMMDD` (PTP), Julian `YYYYDDD` (AOC),
 * ISO, US `M/D/YYYY`; `*` and '' mean no date.
 */
export function dateCell(ctx: CellCtx, column: string, v: string): string {
  const s = v.trim();
  if (s === '' || s === '*') return '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    const out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (validDate(out)) return out;
  } else if ((m = /^(\d{4})(\d{3})$/.exec(s))) {
    const y = Number(m[1]);
    const doy = Number(m[2]);
    const dt = new Date(Date.UTC(y, 0, doy));
    if (doy >= 1 && dt.getUTCFullYear() === y) return dt.toISOString().slice(0, 10);
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    if (validDate(s)) return s;
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    const out = iso(Number(m[3]), Number(m[1]), Number(m[2]));
    if (validDate(out)) return out;
  }
  throw importError(ctx.src, `expected a date (YYYYMMDD, Julian YYYYDDD, YYYY-MM-DD or M/D/YYYY), got "${v}"`, ctx.row, column);
}

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** True when every cell of the row is empty. */
export function blankRow(row: string[] | undefined): boolean {
  return !row || row.every((c) => c === '');
}
