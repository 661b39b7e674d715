/**
 * Streaming XLSX reader on exceljs's `stream.xlsx.WorkbookReader`.
 *
 * Sheet: `sheet` (exact name, else case-insensitive: Excel sheet names are unique ignoring
 * case), else the first visible sheet in the workbook's tab order. Unknown sheet -> InputError
 * listing the sheet names.
 *
 * Cell values become text the way a user sees them, so they can flow through the same
 * converters as CSV cells:
 * - strings as is; rich text joined; hyperlinks -> their text; booleans TRUE/FALSE;
 *   errors as their code (#N/A); formulas -> their cached result;
 * - numbers without float noise (0.30000000000000004 -> 0.3); an integer with a zero-padded
 *   number format ('00000000000', '00000-0000-00') keeps the padding (NDCs, codes, ids);
 * - date cells (exceljs gives a JS Date whose UTC fields are the wall-clock value) ->
 *   `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the time is not 00:00:00 or the cell's format
 *   shows a time (a 00:00 administration start keeps its time);
 * - plain numbers in date / date-time columns are Excel serials, converted here in the
 *   workbook's date system (1900, or 1904 when workbookPr date1904 is set); formula results
 *   with a date format likewise.
 *
 * Temp files: when a worksheet comes before the shared strings in the zip (Excel and exceljs
 * both write files that way), exceljs spools the worksheet XML to a temp file (package `tmp`,
 * in os.tmpdir(), mode 0600 so owner-only) and deletes it once the sheet has been read; left-
 * overs are removed at process exit (tmp.setGracefulCleanup), but a SIGKILL can leave them.
 * We always drain the workbook so every spooled sheet is deleted.
 *
 * exceljs 4.4 + unzipper 0.10 race: the zip parser can signal its end while entries are still
 * buffered, and exceljs then silently skips the last parts of the workbook (workbook.xml, shared
 * strings, styles, whole sheets), about 1 read in 30 on small files in our tests. exceljs-fix.ts
 * replaces the faulty loop. As a second line of defence we compare what exceljs parsed with the
 * zip's central directory before reading any row, and read the workbook again (up to 3
 * attempts) when a part is missing; then it is an InputError, never silently missing data.
 */
import { ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { InputKind } from '../model.js';
import { InputError, type ParsedRow } from './types.js';
import { fixedParse } from './exceljs-fix.js';
import { formatNumber, serialToIso } from './values.js';
import { zipEntryNames } from './zipdir.js';

export type CellKind = 'date' | 'datetime' | 'other';

interface SheetInfo {
  name: string;
  state?: string;
}

/** The untyped parts of exceljs's streaming reader we rely on. */
interface ReaderInternals {
  model?: { sheets?: SheetInfo[] };
  workbookRels?: unknown;
  properties?: { model?: { date1904?: boolean } };
}

interface WorksheetInternals {
  name: string;
  iterator?: { destroy?: () => void; on?: (event: 'error', fn: () => void) => void };
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** A number format with a time part (h, s, AM/PM), ignoring quoted text and [..] sections. */
export function formatHasTime(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[hs]|am\/pm|a\/p/i.test(f);
}

/** Same test exceljs uses to decide a number is a date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/**
 * Excel's display of a non-negative integer under a zero-padded format ('00000000000',
 * '00000-0000-00', '00000\-0000'); undefined when the format is anything else.
 */
export function zeroPadded(v: number, fmt: string | undefined): string | undefined {
  if (!fmt || !Number.isInteger(v) || v < 0 || v >= 1e21) return undefined;
  const tpl: string[] = [];
  let zeros = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '"') {
      const j = fmt.indexOf('"', i + 1);
      if (j < 0) return undefined;
      for (const ch of fmt.slice(i + 1, j)) tpl.push(ch);
      i = j;
    } else if (c === '\\') {
      i++;
      if (i < fmt.length) tpl.push(fmt[i]!);
    } else if (c === '0') {
      tpl.push('\u0000');
      zeros++;
    } else if (c === '-' || c === ' ' || c === '/' || c === '(' || c === ')') {
      tpl.push(c);
    } else {
      return undefined;
    }
  }
  if (zeros < 2) return undefined;
  const digits = String(v);
  let di = digits.length - 1;
  let out = '';
  for (let k = tpl.length - 1; k >= 0; k--) {
    const t = tpl[k]!;
    if (t === '\u0000') out = (di >= 0 ? digits[di--] : '0') + out;
    else out = t + out;
  }
  if (di >= 0) out = digits.slice(0, di + 1) + out;
  return out;
}

/** exceljs Date (UTC fields = wall clock) -> ISO date or date-time. */
export function dateCellText(d: Date, fmt: string | undefined): string {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return '';
  const t = new Date(Math.round(ms / 1000) * 1000);
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  const h = t.getUTCHours(), mi = t.getUTCMinutes(), s = t.getUTCSeconds();
  if (h === 0 && mi === 0 && s === 0 && !formatHasTime(fmt)) return date;
  return `${date}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

function numberText(v: number, fmt: string | undefined, kind: CellKind, date1904: boolean): string {
  if (kind === 'date') return serialToIso(v, date1904, false) ?? formatNumber(v);
  if (kind === 'datetime') {
    const withTime = !Number.isInteger(v) || formatHasTime(fmt);
    return serialToIso(v, date1904, withTime) ?? formatNumber(v);
  }
  if (isDateFormat(fmt)) {
    return serialToIso(v, date1904, !Number.isInteger(v) || formatHasTime(fmt)) ?? formatNumber(v);
  }
  return zeroPadded(v, fmt) ?? formatNumber(v);
}

function richText(parts: { text?: string | null }[]): string {
  let s = '';
  for (const p of parts) if (p.text) s += p.text;
  return s;
}

/** One exceljs cell value -> text. */
export function cellText(value: unknown, fmt: string | undefined, kind: CellKind, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberText(value, fmt, kind, date1904);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'object': {
      if (value instanceof Date) return dateCellText(value, fmt);
      const o = value as Record<string, unknown>;
      if (Array.isArray(o.richText)) return richText(o.richText as { text?: string | null }[]);
      if ('formula' in o || 'sharedFormula' in o) {
        const r = o.result;
        if (r !== null && typeof r === 'object' && 'error' in (r as object)) return String((r as { error: unknown }).error);
        if (typeof r === 'number' && Number.isNaN(r)) return '';
        return cellText(r, fmt, kind, date1904);
      }
      if ('error' in o) return String(o.error);
      if ('text' in o) return cellText(o.text, fmt, kind, date1904);
      return '';
    }
    default:
      return String(value);
  }
}

export interface XlsxSource {
  sheet: string;
  header: string[];
  headerRow: number;
  date1904: boolean;
  blankRows: number;
  /** set after the header is mapped */
  cellKind: (index: number) => CellKind;
  headerLength: number;
  process: ((pr: ParsedRow<InputKind>) => void) | undefined;
  /** awaited once the last row has been yielded */
  onEnd: (() => Promise<void>) | undefined;
  rows(): AsyncGenerator<ParsedRow<InputKind>>;
  /** stop reading (after an error, or instead of rows()): closes the sheet, drains the workbook */
  close(): Promise<void>;
}

function wrap(err: unknown, label: string, file: string): InputError {
  if (err instanceof InputError) return err;
  const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new InputError(`${label}: cannot read the workbook (${msg}); is it a valid .xlsx file?`, file);
}

function rowTexts(row: ExcelJS.Row, kindOf: (i: number) => CellKind, date1904: boolean, minLength: number): string[] {
  const cells: string[] = new Array<string>(Math.max(minLength, row.cellCount)).fill('');
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const v: unknown = cell.value;
    if (v !== null && typeof v === 'object' && 'sharedString' in v) {
      // exceljs read this sheet without the workbook's shared strings: never return blanks
      throw new Error('the shared strings of the workbook were not read');
    }
    cells[col - 1] = cellText(v, cell.numFmt, kindOf(col - 1), date1904);
  });
  return cells;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim().length > 0) return false;
  return true;
}

/** exceljs skipped a part of the workbook (see the module comment): worth another attempt */
class IncompleteRead extends Error {}

const ATTEMPTS = 3;
const PARTS: readonly (readonly [string, string])[] = [
  ['xl/workbook.xml', 'workbook'],
  ['xl/_rels/workbook.xml.rels', 'rels'],
  ['xl/sharedStrings.xml', 'shared-strings'],
  ['xl/styles.xml', 'styles'],
];
const SHEET_FILE = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Open the sheet and read up to its header row (first non-empty row). The returned source
 * continues from there.
 */
export async function openXlsx(path: string, label: string, wanted: string | undefined): Promise<XlsxSource> {
  const names = await zipEntryNames(path).catch(() => undefined);
  let last: IncompleteRead | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await openXlsxOnce(path, label, wanted, names);
    } catch (err) {
      if (!(err instanceof IncompleteRead)) throw err;
      last = err;
    }
  }
  throw new InputError(`${label}: cannot read the workbook (${last?.message ?? 'unknown error'}); is it a valid .xlsx file?`, path);
}

async function openXlsxOnce(
  path: string,
  label: string,
  wanted: string | undefined,
  names: string[] | undefined,
): Promise<XlsxSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  if (fixedParse) (reader as unknown as { parse: typeof fixedParse }).parse = fixedParse;
  const parsed = new Set<string>();
  let sheetFile = '';
  let sheetFiles = 0;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    parsed.add(e.type);
    if (e.type === 'worksheet') {
      sheetFile = `xl/worksheets/sheet${e.id}.xml`;
      sheetFiles++;
    }
  });
  const internals = reader as unknown as ReaderInternals;
  // Defaults exceljs overwrites when it parses xl/workbook.xml. Without them a workbook.xml it
  // skipped (see above) makes it throw a TypeError mid-way and leave its temp files behind; with
  // them we detect the missing part below, drain (deleting the temp files) and read again.
  internals.model = { sheets: [] };
  internals.properties = { model: {} };
  const sheets = (reader as unknown as AsyncIterable<WorksheetInternals>)[Symbol.asyncIterator]();
  const seen: string[] = [];

  const skip = (ws: WorksheetInternals): void => {
    // a sheet spooled to a temp file: close its stream (exceljs then deletes the file). The
    // stream may still be opening when the file is deleted: ignore that error.
    const it = ws.iterator;
    if (it instanceof ReadStream) {
      it.on('error', () => undefined);
      it.destroy();
    }
  };
  const drain = async (): Promise<void> => {
    for (;;) {
      const n = await sheets.next();
      if (n.done) return;
      seen.push(n.value.name);
      skip(n.value);
    }
  };

  let target: WorksheetInternals | undefined;
  let targetFile = '';
  try {
    for (;;) {
      const n = await sheets.next();
      if (n.done) break;
      const ws = n.value;
      seen.push(ws.name);
      targetFile = sheetFile;
      let want = wanted;
      if (want === undefined) {
        const visible = internals.model?.sheets?.find((x) => x.state !== 'hidden' && x.state !== 'veryHidden');
        want = visible?.name ?? ws.name;
      }
      if (ws.name === want || ws.name.toLowerCase() === want.trim().toLowerCase()) {
        target = ws;
        break;
      }
      skip(ws);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new IncompleteRead(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
  }
  if (names) {
    // did exceljs see every part it needed? (see the module comment) All of them when the zip
    // has been read to its end (no target found, or the target sheet was spooled to a temp
    // file), else those before the target sheet.
    const complete = !target || target.iterator instanceof ReadStream;
    const at = target ? names.indexOf(targetFile) : names.length;
    let missing: string | undefined;
    for (const [file, type] of PARTS) {
      const i = names.indexOf(file);
      const seenPart = type === 'rels' ? internals.workbookRels !== undefined : parsed.has(type);
      if (i >= 0 && !seenPart && (complete || i < at)) missing = `${file} was not read`;
    }
    const inZip = names.filter((n) => SHEET_FILE.test(n)).length;
    if (!target && sheetFiles < inZip) missing = `only ${sheetFiles} of its ${inZip} worksheets were read`;
    if (missing !== undefined) {
      if (target) {
        skip(target);
        await drain().catch(() => undefined);
      }
      throw new IncompleteRead(missing);
    }
  }
  if (!target) {
    const listed = internals.model?.sheets?.map((x) => x.name) ?? [];
    const names = listed.length > 0 ? listed : seen;
    if (wanted !== undefined) {
      throw new InputError(
        `${label}: sheet "${wanted}" not found; sheets in the workbook: ${names.map((s) => `"${s}"`).join(', ') || '(none)'}`,
        path,
      );
    }
    throw new InputError(`${label}: the workbook has no worksheet`, path);
  }

  const sheetName = target.name;
  const date1904 = internals.properties?.model?.date1904 === true;
  const rowIt = target[Symbol.asyncIterator]();
  const where = `${label} sheet "${sheetName}"`;
  let blankRows = 0;
  let header: string[] | undefined;
  let headerRow = 0;
  try {
    for (;;) {
      const n = await rowIt.next();
      if (n.done) break;
      const cells = rowTexts(n.value, () => 'other', date1904, 0);
      if (isBlank(cells)) {
        blankRows++;
        continue;
      }
      let last = cells.length;
      while (last > 0 && cells[last - 1]!.trim().length === 0) last--;
      header = cells.slice(0, last);
      headerRow = n.value.number;
      break;
    }
  } catch (err) {
    await rowIt.return?.(undefined)?.catch(() => undefined);
    await drain().catch(() => undefined);
    if (err instanceof InputError) throw err;
    throw new IncompleteRead(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
  }
  if (!header) {
    await drain().catch(() => undefined);
    throw new InputError(`${where}: no header row (the sheet is empty)`, path, 1);
  }

  const src: XlsxSource = {
    sheet: sheetName,
    header,
    headerRow,
    date1904,
    blankRows,
    cellKind: () => 'other',
    headerLength: header.length,
    process: undefined,
    onEnd: undefined,
    async close() {
      await rowIt.return?.(undefined);
      await drain();
    },
    async *rows() {
      let finished = false;
      try {
        for (;;) {
          const n = await rowIt.next();
          if (n.done) break;
          const row = n.value;
          const cells = rowTexts(row, src.cellKind, date1904, src.headerLength);
          if (isBlank(cells)) {
            src.blankRows++;
            continue;
          }
          const pr: ParsedRow<InputKind> = { row: row.number, cells, issues: [] };
          let extra = 0;
          for (let i = src.headerLength; i < cells.length; i++) if (cells[i]!.trim().length > 0) extra++;
          if (extra > 0) {
            pr.issues.push({
              code: 'extra-fields',
              severity: 'warning',
              row: pr.row,
              message:
                `${where} row ${pr.row}: ${extra} cell${extra === 1 ? '' : 's'} to the right of the last header ` +
                `${extra === 1 ? 'has' : 'have'} values that belong to no column; they are kept but not read`,
            });
          }
          src.process?.(pr);
          yield pr;
        }
        finished = true;
        await drain();
      } catch (err) {
        finished = true;
        throw wrap(err, label, path);
      } finally {
        // abandoned early: close the sheet and let exceljs delete its temp files
        if (!finished) await src.close().catch(() => undefined);
      }
      await src.onEnd?.();
    },
  };
  return src;
}
