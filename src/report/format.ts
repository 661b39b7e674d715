/**
 * Small, pure formatting helpers shared by every report writer: spreadsheet-formula
 * neutralisation, CSV quoting, money, and the one-cell renderings of findings and evidence.
 */
import type { AuditResult, Evidence, Finding, Severity } from '../model.js';

/**
 * A plain decimal number: optional sign, digits with an optional fraction (or a bare
 * fraction), optional exponent. Nothing else, so no operator, reference or function can hide in it.
 */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Neutralise a cell against spreadsheet formula injection (CSV/XLSX only; JSON is data and is
 * never altered). A cell whose first character is `=`, `+`, `-`, `@`, TAB or CR can be taken
 * as a formula by Excel, LibreOffice or Sheets when the file is opened, so it gets a leading
 * apostrophe, which spreadsheets read as "this is text".
 *
 * Exception: a plain number such as `-5`, `-12.50` or `+3` is left alone. Claim exports carry
 * negative units and charges (reversals, credit lines); prefixing them would turn numbers into
 * text and break every sum and filter, and a bare numeric literal cannot carry a formula,
 * a function call or a cell reference.
 */
export function neutralise(cell: string): string {
  if (cell.length === 0) return cell;
  const c = cell.charCodeAt(0);
  // = 0x3d, + 0x2b, - 0x2d, @ 0x40, TAB 0x09, CR 0x0d
  if (c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40 && c !== 0x09 && c !== 0x0d) return cell;
  if ((c === 0x2d || c === 0x2b) && PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** True when {@link neutralise} would change the cell (cheap first-character test first). */
export function needsNeutralising(cell: string): boolean {
  if (cell.length === 0) return false;
  const c = cell.charCodeAt(0);
  if (c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40 && c !== 0x09 && c !== 0x0d) return false;
  return !((c === 0x2d || c === 0x2b) && PLAIN_NUMBER.test(cell));
}

/**
 * Quote one CSV field (RFC 4180): fields containing the delimiter, a double quote, CR or LF are
 * wrapped in double quotes with inner quotes doubled. Produces the same text as csv-stringify's
 * defaults (a test pins this) at several times its speed.
 */
export function csvField(value: string, delimiter = ','): string {
  let needs = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22 || c === 0x0a || c === 0x0d) {
      needs = true;
      break;
    }
  }
  if (!needs && value.includes(delimiter)) needs = true;
  if (!needs) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** One CSV record (without the line ending); every cell neutralised and quoted. */
export function csvRecord(cells: readonly string[], delimiter = ','): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += delimiter;
    out += csvField(neutralise(cells[i] ?? ''), delimiter);
  }
  return out;
}

const MONEY = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** `$1,234.50`, `-$5.00`; `n/a` for a non-finite number. */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  // avoid "-$0.00" for tiny negative rounding noise
  if (Math.abs(n) < 0.005) n = 0;
  return MONEY.format(n);
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** `12,345` */
export function formatCount(n: number): string {
  return INT.format(n);
}

/** Amounts in CSV cells: two decimals, no currency sign or grouping; empty when absent. */
export function amountCell(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '' : n.toFixed(2);
}

/** `claims.csv!14`, `claims.xlsx[Sheet1]!14`: the file, the sheet when present, the spreadsheet row. */
export function evidenceRef(e: Evidence): string {
  return e.sheet ? `${e.file}[${e.sheet}]!${e.row}` : `${e.file}!${e.row}`;
}

/** All of a finding's evidence in one cell: `claims.csv!14; mar.csv!3`. */
export function evidenceCell(evidence: readonly Evidence[]): string {
  let out = '';
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    if (!e) continue;
    if (out) out += '; ';
    out += evidenceRef(e);
  }
  return out;
}

const FINDINGS_CELL_MAX = 1000;
const WS = /\s+/g;

/**
 * The findings of one input row as one short cell, worst first is up to the caller (order kept):
 * `ndc.malformed: NDC '1234' is not 11 digits | units.mismatch: ...`. Whitespace (including
 * newlines) is collapsed so the cell stays on one line; a repeated finding id is listed once;
 * past about 1,000 characters the rest is summarised as `(+N more)`.
 */
export function findingsCell(findings: readonly Finding[]): string {
  let out = '';
  const seen = new Set<string>();
  let listed = 0;
  let unique = 0;
  for (const f of findings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    unique++;
    const part = `${f.ruleId}: ${f.message.replace(WS, ' ').trim()}`;
    if (out && out.length + part.length + 3 > FINDINGS_CELL_MAX) continue;
    out += out ? ` | ${part}` : part;
    listed++;
  }
  if (unique > listed) out += ` | (+${unique - listed} more)`;
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** 0 for error, 1 warning, 2 info (lower is worse). */
export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** The worst severity among findings, or `ok` when there are none. */
export function worstSeverity(findings: readonly Finding[]): 'ok' | Severity {
  let worst: 'ok' | Severity = 'ok';
  for (const f of findings) {
    if (worst === 'ok' || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
    if (worst === 'error') break;
  }
  return worst;
}

/** `2024-01-01 to 2024-03-31`, or `all dates of service`. */
export function periodText(result: Pick<AuditResult, 'period'>): string {
  const p = result.period;
  if (!p || (!p.since && !p.until)) return 'all dates of service';
  return `${p.since ?? '(start)'} to ${p.until ?? '(end)'}`;
}
