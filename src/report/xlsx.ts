/**
 * audit.xlsx, written with exceljs's streaming WorkbookWriter (styles on, shared strings off),
 * one sheet at a time so only the sheet being written is held in memory:
 *   Summary            counts and dollars by severity, category, payer and rule; inputs, rule
 *                      packs, skipped checks, unmatched payers, baseline
 *   Exceptions         the exceptions.csv columns; bold frozen header, autofilter
 *   Claim lines / MAR / Dispense / Auths
 *                      the input rows that have findings: spreadsheet row, the cells as read,
 *                      highlighted cells with a note giving the finding(s)
 *   Authorizations     authorization findings, soonest-ending authorization first (renewals due)
 *   Reconciliation     where every input row went
 *   340B review        the retrospective 340B pivot (summary.review340b), one row per cell in flat
 *                      columns to pivot, with the exception totals beside it
 * No sheet passes Excel's 1,048,576 rows: a long one rolls over to "Exceptions (2)" etc.
 * Every text cell is neutralised against formula injection.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as nodePath from 'node:path';
import ExcelJS from 'exceljs';
import {
  CATEGORIES,
  REVIEW_EXCEPTIONS,
  REVIEW_EXCEPTION_LABELS,
  REVIEW_EXCEPTION_RULES,
  SEVERITIES,
  type AuditResult,
  type Direction,
  type Finding,
  type InputKind,
  type Severity,
} from '../model.js';
import {
  KIND_LABEL,
  PayerIndex,
  cellOf,
  columnIndex,
  emptyTally,
  evidenceKey,
  flaggedRowKey,
  tallyBy,
  type Tally,
} from './aggregate.js';
import { EXCEPTION_COLUMNS, exceptionCells } from './csv.js';
import { ReportWriteError } from './errors.js';
import { evidenceCell, findingsCell, neutralise, periodText, severityRank, worstSeverity } from './format.js';
import { FILE_MODE } from './sink.js';
import type { FlaggedRows, ReportBundle } from './types.js';

/** Excel's hard limit of rows per worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface XlsxOptions {
  /** rows per sheet including the header (default {@link EXCEL_MAX_ROWS}); tests use a small one */
  maxRowsPerSheet?: number;
}

type Cell = ExcelJS.Cell;
type Row = ExcelJS.Row;
type Worksheet = ExcelJS.Worksheet;
type CellValue = string | number | null;

const MONEY_FMT = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** highlight colours by severity (ARGB), exported for tests */
export const HIGHLIGHT_ARGB: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const SEVERITY_FILL: Record<Severity, ExcelJS.Fill> = {
  error: solid(HIGHLIGHT_ARGB.error),
  warning: solid(HIGHLIGHT_ARGB.warning),
  info: solid(HIGHLIGHT_ARGB.info),
};
const NOTE_MAX = 4000;

/*
 * Shared style objects. exceljs caches a style id per style *object* (a WeakMap), so giving
 * every cell one of these instead of its own `{}` makes writing ~3x faster. They are never
 * mutated: cells in sheet series get whole style objects assigned, never `cell.fill = ...`.
 */
type Style = Partial<ExcelJS.Style>;
const STYLE_TEXT: Style = {};
const STYLE_NUMBER: Style = {};
const STYLE_MONEY: Style = { numFmt: MONEY_FMT };
const STYLE_MARK: Record<Severity, Style> = {
  error: { fill: SEVERITY_FILL.error },
  warning: { fill: SEVERITY_FILL.warning },
  info: { fill: SEVERITY_FILL.info },
};

/** Check the zip stream's backlog this often (rows). */
const DRAIN_EVERY = 200;
/** Wait for the zip stream to drain when this many bytes of sheet XML are queued. */
const DRAIN_AT = 4 << 20;

const DIRECTIONS: Direction[] = ['over', 'under', 'denial'];

/** Write audit.xlsx to `path` (mode 0600). */
export async function writeXlsxReport(path: string, bundle: ReportBundle, opts: XlsxOptions = {}): Promise<void> {
  const maxRows = opts.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 2 || maxRows > EXCEL_MAX_ROWS) {
    throw new RangeError(`maxRowsPerSheet must be an integer from 2 to ${EXCEL_MAX_ROWS}`);
  }
  const stream = fs.createWriteStream(path, { mode: FILE_MODE });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
    await fsp.chmod(path, FILE_MODE);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    wb.creator = bundle.result.tool.name;
    wb.lastModifiedBy = bundle.result.tool.name;
    wb.created = new Date(bundle.result.generatedAt);
    if (Number.isNaN(wb.created.getTime())) wb.created = new Date();
    wb.modified = wb.created;
    const book = new Book(wb, maxRows);
    const payers = new PayerIndex(bundle.flagged);

    await writeSummary(book, bundle.result, payers);
    await writeExceptions(book, bundle.result.exceptions);
    await writeFlagged(book, bundle.flagged);
    await writeAuthorizations(book, bundle);
    await writeReconciliation(book, bundle.result);
    await writeReview340b(book, bundle.result);
    await wb.commit();
  } catch (err) {
    stream.destroy();
    throw ReportWriteError.from(path, err);
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets, rollover and comment-id blocks

/**
 * Excel allocates the shape ids of cell notes workbook-wide in blocks of 1,024 per drawing
 * part, and every part must reserve different blocks. exceljs 4.4's streaming writer gives
 * every sheet block 1 (`<o:idmap data="1"/>`, ids from _x0000_s1025), which Excel reports as
 * corrupt as soon as two sheets have notes (exceljs PR #3070). We give each sheet its own
 * blocks, sized from the number of notes it will hold, by patching that sheet's comment
 * writer. If exceljs changes these internals the patch is skipped and the default applies.
 */
class Book {
  private readonly names = new Set<string>();
  private nextBlock = 1;

  constructor(
    readonly wb: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly maxRows: number,
  ) {}

  uniqueName(base: string): string {
    const clean = base.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
    let name = clean.slice(0, 31);
    for (let k = 2; this.names.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = clean.slice(0, 31 - suffix.length) + suffix;
    }
    this.names.add(name.toLowerCase());
    return name;
  }

  addSheet(name: string, opts: { freeze?: boolean; notes?: number }): Worksheet {
    const ws = this.wb.addWorksheet(name, {
      views: opts.freeze ? [{ state: 'frozen', xSplit: 0, ySplit: 1 }] : [],
    });
    const notes = opts.notes ?? 0;
    if (notes > 0) {
      const blocks = Math.floor(notes / 1024) + 1;
      patchCommentIds(ws, this.nextBlock, blocks);
      this.nextBlock += blocks;
    }
    return ws;
  }

  /**
   * Backpressure. exceljs pushes sheet XML into the zip without waiting for it, and the
   * deflate stream only gets a turn when we yield, so on a long sheet the backlog grows by
   * ~0.6 KB a row. Wait for the sheet's zip entry to drain when its backlog is large (internal
   * fields, feature-detected; without them we only yield).
   */
  async drain(ws: Worksheet): Promise<void> {
    const sb = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream;
    const dest = sb?.pipes?.[0] as
      | { once?: unknown; off?: unknown; _writableState?: { length?: number }; writableLength?: number }
      | undefined;
    const pending = (): number => dest?._writableState?.length ?? dest?.writableLength ?? 0;
    if (!dest || typeof dest.once !== 'function' || typeof dest.off !== 'function') {
      await new Promise<void>((r) => setImmediate(r));
      return;
    }
    const em = dest as unknown as NodeJS.EventEmitter;
    while (pending() > DRAIN_AT) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          em.off('drain', done);
          em.off('close', done);
          em.off('error', done);
          resolve();
        };
        em.once('drain', done);
        em.once('close', done);
        em.once('error', done);
      });
    }
    await new Promise<void>((r) => setImmediate(r));
  }
}

interface CommentsWriterInternals {
  _writeOpen: () => void;
  _writeComment: (comment: unknown, index: number) => void;
  vmlStream: { write: (chunk: unknown, ...rest: unknown[]) => unknown };
}

function patchCommentIds(ws: Worksheet, firstBlock: number, blocks: number): void {
  const cw = (ws as unknown as { _sheetCommentsWriter?: Partial<CommentsWriterInternals> })._sheetCommentsWriter;
  if (!cw || typeof cw._writeOpen !== 'function' || typeof cw._writeComment !== 'function') return;
  const writer = cw as CommentsWriterInternals;
  const data = Array.from({ length: blocks }, (_v, i) => firstBlock + i).join(',');
  const openOriginal = writer._writeOpen.bind(writer);
  const commentOriginal = writer._writeComment.bind(writer);
  writer._writeOpen = () => {
    const vml = writer.vmlStream;
    const write = vml.write;
    vml.write = (chunk: unknown, ...rest: unknown[]) =>
      write.call(vml, typeof chunk === 'string' ? chunk.replace('data="1"', `data="${data}"`) : chunk, ...rest);
    try {
      openOriginal();
    } finally {
      vml.write = write;
    }
  };
  // exceljs numbers shapes _x0000_s{1025 + index}; shift them into our first block
  const shift = 1024 * (firstBlock - 1);
  writer._writeComment = (comment: unknown, index: number) => commentOriginal(comment, index + shift);
}

interface SeriesOptions {
  widths?: number[];
  /** add an autofilter over the header and data */
  filter?: boolean;
  /** freeze the header row */
  freeze?: boolean;
  /** notes the data rows [start, end) will carry (to reserve comment ids per sheet) */
  notesIn?: (start: number, end: number) => number;
  /** total data rows (needed with notesIn) */
  total?: number;
  /** 1-based columns whose numbers are money */
  money?: number[];
}

/** Paint one cell of a series row with a severity's highlight (a shared style, see above). */
function mark(row: Row, col: number, sev: Severity): Cell {
  const cell = row.getCell(col);
  cell.style = STYLE_MARK[sev];
  return cell;
}

/**
 * A run of sheets with one header: "Name", "Name (2)", ... each holding at most
 * book.maxRows rows including its header.
 */
class SheetSeries {
  private ws: Worksheet | undefined;
  private rowsInSheet = 0;
  private dataRows = 0;
  private sinceDrain = 0;
  private readonly money: Set<number>;
  readonly sheetNames: string[] = [];

  constructor(
    private readonly book: Book,
    private readonly baseName: string,
    private readonly header: string[],
    private readonly opts: SeriesOptions = {},
  ) {
    this.money = new Set(opts.money ?? []);
  }

  private get capacity(): number {
    return this.book.maxRows - 1;
  }

  private open(): Worksheet {
    const n = this.sheetNames.length;
    const name = this.book.uniqueName(n === 0 ? this.baseName : `${this.baseName} (${n + 1})`);
    this.sheetNames.push(name);
    const start = this.dataRows;
    const end = this.opts.total !== undefined ? Math.min(this.opts.total, start + this.capacity) : start + this.capacity;
    const notes = this.opts.notesIn ? this.opts.notesIn(start, end) : 0;
    const ws = this.book.addSheet(name, { freeze: this.opts.freeze !== false, notes });
    const widths = this.opts.widths;
    if (widths) ws.columns = widths.map((width) => ({ width }));
    const head = ws.addRow(this.header.map(neutralise));
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
    });
    head.commit();
    this.rowsInSheet = 1;
    this.ws = ws;
    return ws;
  }

  private close(): void {
    const ws = this.ws;
    if (!ws) return;
    if (this.opts.filter !== false && this.header.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rowsInSheet, column: this.header.length } };
    }
    ws.commit();
    this.ws = undefined;
  }

  /**
   * Add one data row: strings are neutralised, empty cells left out. `decorate` may highlight
   * cells (with {@link mark}) and add notes before the row is committed.
   */
  async add(values: CellValue[], decorate?: (row: Row) => void): Promise<void> {
    if (!this.ws || this.rowsInSheet >= this.book.maxRows) {
      this.close();
      this.open();
    }
    const ws = this.ws as Worksheet;
    const vals = values.map((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? neutralise(v) : v));
    const row = ws.addRow(vals);
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (v === undefined) continue;
      row.getCell(i + 1).style = typeof v === 'number' ? (this.money.has(i + 1) ? STYLE_MONEY : STYLE_NUMBER) : STYLE_TEXT;
    }
    decorate?.(row);
    row.commit();
    this.rowsInSheet++;
    this.dataRows++;
    if (++this.sinceDrain >= DRAIN_EVERY) {
      this.sinceDrain = 0;
      await this.book.drain(ws);
    }
  }

  /** Commit the last sheet (creating a header-only sheet when nothing was added). */
  finish(): string[] {
    if (this.sheetNames.length === 0) this.open();
    this.close();
    return this.sheetNames;
  }
}

/** Sheet names a run of `dataRows` rows needs with `maxRows` rows per sheet (for tests and docs). */
export function rolloverNames(baseName: string, dataRows: number, maxRows: number): string[] {
  const sheets = Math.max(1, Math.ceil(dataRows / (maxRows - 1)));
  return Array.from({ length: sheets }, (_v, i) => (i === 0 ? baseName : `${baseName} (${i + 1})`));
}

// ---------------------------------------------------------------------------------------------
// Summary

async function writeSummary(book: Book, result: AuditResult, payers: PayerIndex): Promise<void> {
  const ws = book.addSheet(book.uniqueName('Summary'), {});
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 66 }];
  const add = (values: CellValue[], style?: 'title' | 'section' | 'header' | 'money'): Row => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
    if (style === 'title') row.font = { bold: true, size: 14 };
    if (style === 'section') row.font = { bold: true, size: 12 };
    if (style === 'header') {
      row.font = { bold: true };
      row.eachCell((c) => {
        c.fill = HEADER_FILL;
      });
    }
    row.commit();
    return row;
  };
  const money = (row: Row, ...cols: number[]): void => {
    for (const c of cols) row.getCell(c).numFmt = MONEY_FMT;
  };
  const tallyRow = (label: string, t: Tally, extra: CellValue[] = []): void => {
    const row = ws.addRow([
      neutralise(label),
      ...extra.map((v) => (typeof v === 'string' ? neutralise(v) : v)),
      t.count,
      round2(t.amount),
      ...DIRECTIONS.map((d) => round2(t.byDirection[d])),
    ]);
    const first = 2 + extra.length;
    money(row, first + 1, first + 2, first + 3, first + 4);
    row.commit();
  };
  const TALLY_HEAD = ['Exceptions', 'At risk ($)', 'Over ($)', 'Under ($)', 'Denial ($)'];

  const s = result.summary;
  add([`${result.tool.name} report`], 'title');
  add(['Tool', `${result.tool.name} ${result.tool.version}`]);
  add(['Generated', result.generatedAt]);
  add(['Schema version', result.schemaVersion]);
  add(['Period', periodText(result)]);
  if (result.redacted) add(['Patient ids', 'redacted (salted hashes)']);
  add([]);

  add(['Totals'], 'section');
  add(['Encounters', s.encounters]);
  add(['Claim lines', s.claimLines]);
  add(['Exceptions', s.exceptions]);
  money(add(['Amount at risk ($)', round2(s.amountAtRisk)]), 2);
  for (const d of DIRECTIONS) money(add([`  ${d} ($)`, round2(s.amountAtRiskByDirection?.[d] ?? 0)]), 2);
  add([]);

  const bySeverity = tallyBy(result.exceptions, (f) => f.severity);
  add(['By severity'], 'section');
  add(['Severity', ...TALLY_HEAD], 'header');
  for (const sev of SEVERITIES) tallyRow(sev, bySeverity.get(sev) ?? emptyTally());
  add([]);

  const byCategory = tallyBy(result.exceptions, (f) => f.category);
  add(['By category'], 'section');
  add(['Category', ...TALLY_HEAD], 'header');
  for (const cat of CATEGORIES) tallyRow(cat, byCategory.get(cat) ?? emptyTally());
  for (const [cat, t] of byCategory) if (!(CATEGORIES as readonly string[]).includes(cat)) tallyRow(cat, t);
  add([]);

  const byPayer = tallyBy(result.exceptions, (f) => payers.payerOf(f));
  add(['By payer'], 'section');
  add(['Payer', ...TALLY_HEAD], 'header');
  for (const [payer, t] of sortTallies(byPayer)) tallyRow(payer, t);
  if (byPayer.size === 0) add(['(no exceptions)']);
  add([]);

  const ruleMeta = new Map<string, { category: string; severity: Severity }>();
  for (const f of result.exceptions) {
    const m = ruleMeta.get(f.ruleId);
    if (!m) ruleMeta.set(f.ruleId, { category: f.category, severity: f.severity });
    else if (severityRank(f.severity) < severityRank(m.severity)) m.severity = f.severity;
  }
  const byRule = tallyBy(result.exceptions, (f) => f.ruleId);
  add(['By rule'], 'section');
  add(['Rule', 'Category', 'Severity', ...TALLY_HEAD], 'header');
  for (const [rule, t] of sortTallies(byRule)) {
    const m = ruleMeta.get(rule);
    tallyRow(rule, t, [m?.category ?? '', m?.severity ?? '']);
  }
  if (byRule.size === 0) add(['(no exceptions)']);
  add([]);

  add(['Inputs'], 'section');
  add(['Kind', 'Path', 'Sheet', 'Rows', 'SHA-256'], 'header');
  for (const i of result.inputs) add([i.kind, i.path, i.sheet ?? '', i.rows, i.sha256]);
  if (result.inputs.length === 0) add(['(none)']);
  add([]);

  add(['Rule packs applied'], 'section');
  add(['Id', 'Version', 'Effective from', 'Effective to'], 'header');
  for (const p of result.rulePacks) add([p.id, p.version, p.effectiveFrom, p.effectiveTo ?? 'open']);
  if (result.rulePacks.length === 0) add(['(none)']);
  add([]);

  add(['Skipped checks'], 'section');
  add(['Rule', 'Reason'], 'header');
  for (const c of result.skippedChecks ?? []) add([c.ruleId, c.reason]);
  if ((result.skippedChecks ?? []).length === 0) add(['(none)']);
  add([]);

  add(['Unmatched payers (typed "other")'], 'section');
  add(['Payer'], 'header');
  for (const p of result.unmatchedPayers ?? []) add([p]);
  if ((result.unmatchedPayers ?? []).length === 0) add(['(none)']);

  if (result.baseline) {
    add([]);
    add(['Baseline'], 'section');
    add(['Baseline report', result.baseline.path]);
    add(['New', result.baseline.new]);
    add(['Known', result.baseline.known]);
    add(['Resolved', result.baseline.resolved]);
  }
  ws.commit();
  await new Promise<void>((r) => setImmediate(r));
}

function sortTallies(m: Map<string, Tally>): [string, Tally][] {
  return [...m].sort((a, b) => b[1].amount - a[1].amount || b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Exceptions

const EXCEPTION_WIDTHS = [18, 26, 14, 9, 70, 12, 14, 14, 6, 12, 10, 40, 12, 9, 8, 30];
const AMOUNT_COL = EXCEPTION_COLUMNS.indexOf('amountAtRisk') + 1;
const SEVERITY_COL = EXCEPTION_COLUMNS.indexOf('severity') + 1;

/** The exceptions.csv cells, with the amount as a number (a money cell) instead of text. */
function exceptionValues(f: Finding): CellValue[] {
  const cells: CellValue[] = exceptionCells(f);
  cells[AMOUNT_COL - 1] =
    f.amountAtRisk === undefined || !Number.isFinite(f.amountAtRisk) ? null : round2(f.amountAtRisk);
  return cells;
}

async function writeExceptions(book: Book, exceptions: readonly Finding[]): Promise<void> {
  const series = new SheetSeries(book, 'Exceptions', [...EXCEPTION_COLUMNS], {
    widths: EXCEPTION_WIDTHS,
    money: [AMOUNT_COL],
  });
  for (const f of exceptions) await series.add(exceptionValues(f), (row) => mark(row, SEVERITY_COL, f.severity));
  series.finish();
}

// ---------------------------------------------------------------------------------------------
// Flagged input rows

interface RowMarks {
  /** 1-based sheet column -> findings on that cell */
  byCol: Map<number, Finding[]>;
}

/** Which cells of a flagged row to highlight: the evidence column, else the row-number cell. */
function marksFor(fr: FlaggedRows, row: FlaggedRows['rows'][number]): RowMarks {
  const byCol = new Map<number, Finding[]>();
  const key = flaggedRowKey(fr, row.row);
  const put = (col: number, f: Finding): void => {
    const list = byCol.get(col);
    if (!list) byCol.set(col, [f]);
    else if (!list.includes(f)) list.push(f);
  };
  for (const f of row.findings) {
    let placed = false;
    for (const e of f.evidence ?? []) {
      if (evidenceKey(e) !== key || !e.column) continue;
      const idx = columnIndex(fr, e.column);
      if (idx === undefined) continue;
      put(idx + 2, f); // column 1 is the spreadsheet-row number
      placed = true;
    }
    if (!placed) put(1, f);
  }
  return { byCol };
}

function noteText(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  let out = sorted
    .map((f) => `${f.severity.toUpperCase()} ${f.ruleId}: ${f.message}${f.expected ? `\nExpected: ${f.expected}` : ''}`)
    .join('\n\n');
  if (out.length > NOTE_MAX) out = out.slice(0, NOTE_MAX - 1) + '…';
  return out;
}

async function writeFlagged(book: Book, flagged: readonly FlaggedRows[]): Promise<void> {
  const order: InputKind[] = ['claims', 'mar', 'dispense', 'auths'];
  const perKind = new Map<InputKind, number>();
  for (const fr of flagged) perKind.set(fr.kind, (perKind.get(fr.kind) ?? 0) + 1);
  const sorted = [...flagged].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

  for (const fr of sorted) {
    if (fr.rows.length === 0) continue;
    const label = KIND_LABEL[fr.kind] ?? fr.kind;
    const base = (perKind.get(fr.kind) ?? 0) > 1 ? `${label} - ${nodePath.basename(fr.file)}` : label;
    let width = fr.header.length;
    for (const r of fr.rows) if (r.cells.length > width) width = r.cells.length;
    const header = ['Row', ...Array.from({ length: width }, (_v, i) => fr.header[i] ?? `column ${i + 1}`)];
    header.push('Audit status', 'Audit findings');

    const marks = fr.rows.map((r) => marksFor(fr, r));
    const prefix = [0];
    for (const m of marks) prefix.push((prefix[prefix.length - 1] as number) + m.byCol.size);
    const series = new SheetSeries(book, base, header, {
      widths: [8, ...Array.from({ length: width }, () => 14), 12, 80],
      total: fr.rows.length,
      notesIn: (start, end) => (prefix[end] as number) - (prefix[start] as number),
    });

    for (let i = 0; i < fr.rows.length; i++) {
      const r = fr.rows[i] as FlaggedRows['rows'][number];
      const m = marks[i] as RowMarks;
      const cells: CellValue[] = [r.row];
      for (let c = 0; c < width; c++) cells.push(r.cells[c] ?? '');
      cells.push(worstSeverity(r.findings), findingsCell(r.findings));
      await series.add(cells, (row) => {
        for (const [col, fs] of m.byCol) mark(row, col, worstSeverityOf(fs)).note = noteText(fs);
      });
    }
    series.finish();
  }
}

function worstSeverityOf(fs: readonly Finding[]): Severity {
  const w = worstSeverity(fs);
  return w === 'ok' ? 'info' : w;
}

// ---------------------------------------------------------------------------------------------
// Authorizations (renewals due)

async function writeAuthorizations(book: Book, bundle: ReportBundle): Promise<void> {
  const authRows = new Map<string, { fr: FlaggedRows; cells: string[] }>();
  for (const fr of bundle.flagged) {
    if (fr.kind !== 'auths') continue;
    for (const r of fr.rows) authRows.set(flaggedRowKey(fr, r.row), { fr, cells: r.cells });
  }
  const payers = new PayerIndex(bundle.flagged);
  const items = bundle.result.exceptions
    .filter((f) => f.category === 'authorization')
    .map((f) => {
      let auth: { fr: FlaggedRows; cells: string[] } | undefined;
      for (const e of f.evidence ?? []) {
        if (e.kind !== 'auths') continue;
        auth = authRows.get(evidenceKey(e));
        if (auth) break;
      }
      const a = (name: string): string => (auth ? cellOf(auth.fr, auth.cells, name) : '');
      return {
        f,
        payer: payers.payerOf(f),
        authId: a('auth_id'),
        start: a('start_date'),
        end: a('end_date'),
        units: a('units_approved'),
        visits: a('visits_approved'),
        status: a('status'),
      };
    });
  // soonest-ending authorization first (renewals due), unknown end dates last
  items.sort(
    (x, y) =>
      cmpBlankLast(x.end, y.end) ||
      cmpBlankLast(x.f.serviceDate ?? '', y.f.serviceDate ?? '') ||
      severityRank(x.f.severity) - severityRank(y.f.severity) ||
      (x.f.id < y.f.id ? -1 : x.f.id > y.f.id ? 1 : 0),
  );
  const header = [
    'Auth end',
    'Severity',
    'Rule',
    'Patient',
    'Payer',
    'Code',
    'Service date',
    'Auth id',
    'Auth start',
    'Units approved',
    'Visits approved',
    'Auth status',
    'Message',
    'Expected',
    'At risk ($)',
    'Direction',
    'Status',
    'Evidence',
  ];
  const series = new SheetSeries(book, 'Authorizations', header, {
    widths: [12, 9, 26, 12, 24, 10, 12, 14, 12, 10, 10, 11, 70, 40, 12, 9, 8, 30],
    money: [15],
  });
  for (const it of items) {
    const f = it.f;
    await series.add(
      [
        it.end,
        f.severity,
        f.ruleId,
        f.patientId,
        it.payer,
        f.code ?? '',
        f.serviceDate ?? '',
        it.authId,
        it.start,
        it.units,
        it.visits,
        it.status,
        f.message,
        f.expected ?? '',
        f.amountAtRisk === undefined || !Number.isFinite(f.amountAtRisk) ? null : round2(f.amountAtRisk),
        f.direction ?? '',
        f.status ?? '',
        evidenceCell(f.evidence ?? []),
      ],
      (row) => mark(row, 2, f.severity),
    );
  }
  series.finish();
}

function cmpBlankLast(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

async function writeReconciliation(book: Book, result: AuditResult): Promise<void> {
  const series = new SheetSeries(
    book,
    'Reconciliation',
    ['Kind', 'File', 'Sheet', 'Rows', 'Audited', 'Unreadable', 'Out of period', 'With findings', 'Accounted for'],
    { widths: [10, 40, 14, 10, 10, 11, 13, 13, 30] },
  );
  for (const r of result.reconciliation ?? []) {
    const accounted = r.audited + r.unreadable + r.outOfPeriod;
    const check = accounted === r.rows ? 'yes' : `NO: ${r.rows - accounted} row(s) unaccounted`;
    await series.add([r.kind, r.file, r.sheet ?? '', r.rows, r.audited, r.unreadable, r.outOfPeriod, r.withFindings, check]);
  }
  series.finish();
}

// ---------------------------------------------------------------------------------------------
// 340B review (340b-and-billing-model.md section 7)

/** The flat columns of the `340B review` sheet, one row per pivot cell. */
export const REVIEW_COLUMNS = [
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
] as const;
/** 1-based column of the exception totals block, one blank column after the pivot columns. */
export const REVIEW_EXCEPTIONS_COL = REVIEW_COLUMNS.length + 2;

/**
 * The sheet `340B review`: the pivot cells under a bold frozen header with an autofilter over
 * them alone, and beside them (after a blank column) the exception totals: exception, count, the
 * rule ids they count. Written when the result carries summary.review340b.
 */
async function writeReview340b(book: Book, result: AuditResult): Promise<void> {
  const rv = result.summary.review340b;
  if (!rv) return;
  const ws = book.addSheet(book.uniqueName('340B review'), { freeze: true });
  ws.columns = [
    ...[9, 18, 30, 12, 17, 15, 10, 8, 10, 14, 16, 15, 14].map((width) => ({ width })),
    { width: 3 },
    { width: 40 },
    { width: 10 },
    { width: 44 },
  ];
  const room = book.maxRows - 1;
  const cells = rv.cells.slice(0, room);
  const extra: CellValue[][] = REVIEW_EXCEPTIONS.map((k) => [REVIEW_EXCEPTION_LABELS[k], rv.exceptions[k], REVIEW_EXCEPTION_RULES[k].join(', ') || 'lines of unknown acquisition']);
  extra.push([], ['Drug lines reviewed', rv.drugLines, '']);
  if (cells.length < rv.cells.length) extra.push([`${rv.cells.length - cells.length} pivot rows left out (sheet row limit); report.json has them all`, null, '']);
  // the totals block is a few rows: it fits any real row limit (a tiny test limit cuts it)
  const rows = Math.min(room, Math.max(cells.length, extra.length));
  const head = ws.addRow([...REVIEW_COLUMNS, null, 'exception', 'count', 'rules']);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  head.commit();
  const MONEY_COLS = [10, 11, 12];
  for (let i = 0; i < rows; i++) {
    const c = cells[i];
    const values: CellValue[] = c
      ? [
          c.quarter,
          c.payerType,
          c.payer,
          c.entityType,
          c.expectedModifier,
          c.billedModifier,
          c.inventory,
          c.lines,
          c.units,
          c.charges,
          c.estimatedAllowed ?? null,
          c.amountAtRisk,
          c.unpricedLines ?? 0,
        ]
      : REVIEW_COLUMNS.map(() => null);
    values.push(null, ...(extra[i] ?? []));
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
    if (c) for (const col of MONEY_COLS) row.getCell(col).numFmt = MONEY_FMT;
    row.commit();
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await book.drain(ws);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + cells.length, column: REVIEW_COLUMNS.length } };
  ws.commit();
}
