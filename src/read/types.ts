/**
 * Public types of the read layer: typed errors (fatal) and issues (per row).
 *
 * A fatal problem (file missing, required column missing, unknown sheet, bad profile) is an
 * `InputError`: the CLI prints its message and exits 2. Everything about one row is a
 * `ReadIssue` on that row's `ParsedRow`: the row is still reported, never silently dropped.
 */
import type { InputKind, RecordByKind, Severity } from '../model.js';

/** Fatal input problem. `message` already names the file (and row/column when known). */
export class InputError extends Error {
  constructor(
    message: string,
    public file: string,
    public row?: number,
    public column?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export type ReadIssueCode = 'malformed-row' | 'missing-required' | 'bad-value' | 'extra-fields' | 'missing-fields';

export interface ReadIssue {
  code: ReadIssueCode;
  severity: Severity;
  /** spreadsheet row (header = 1) */
  row: number;
  /** canonical column name, when the issue is about one cell */
  column?: string;
  /** plain English; never contains the value of patient_id or drug cells */
  message: string;
}

export interface ParsedRow<K extends InputKind> {
  /** spreadsheet row (header = 1). For CSV: the record number as a spreadsheet shows the file
   *  (a quoted field with line breaks stays in one row; blank lines occupy a row). */
  row: number;
  /** CSV only: physical line (1-based) where the record starts */
  line?: number;
  /** every cell as text, in file order (index = header index); may be shorter than the header.
   *  For a CSV row that cannot be read ('malformed-row' error): a best-effort split of its first
   *  line, for context only (no record is built from it). */
  cells: string[];
  /** CSV only: the record's original text, without its trailing line break */
  raw?: string;
  /** undefined when the row has an error issue */
  record?: RecordByKind[K];
  issues: ReadIssue[];
}

export interface KindMapping {
  /** XLSX sheet to read for this kind */
  sheet?: string;
  /** export header -> canonical column (headers compared with normaliseHeader) */
  columns?: Record<string, string>;
}

/** A client's column mapping (YAML), see loadProfile. */
export type MappingProfile = { name?: string } & { [K in InputKind]?: KindMapping };

export interface OpenOptions {
  /** XLSX sheet (wins over the profile's sheet); ignored for CSV */
  sheet?: string;
  profile?: MappingProfile;
  /** set as `input` on every record */
  inputIndex: number;
}

export interface ReadStats {
  /** data rows seen (header and blank rows excluded; malformed rows included) */
  rows: number;
  /** sha256 (hex) of the file bytes */
  sha256: string;
  /** entirely blank rows (before or after the header): not data rows, but each keeps its row number */
  blankRows: number;
}

export interface OpenedInput<K extends InputKind> {
  kind: K;
  path: string;
  sheet?: string;
  format: 'csv' | 'xlsx';
  /** ',' for xlsx */
  delimiter: string;
  /** CSV: how the bytes were decoded (Windows-1252 when the start of the file is not UTF-8) */
  encoding?: 'utf8' | 'windows-1252';
  /** header cells as exported */
  header: string[];
  /** spreadsheet row of the header (1 unless blank rows precede it) */
  headerRow: number;
  /** CSV: the header line's text */
  headerRaw?: string;
  /** canonical column -> cell index */
  columns: Partial<Record<string, number>>;
  /** headers that map to no canonical column (kept in `cells`, passed through, not an error) */
  unknownColumns: string[];
  /** single pass */
  rows(): AsyncIterable<ParsedRow<K>>;
  /** the same rows in batches, one await per batch (CSV; the audit's hot path). Use rows() or batches(), once. */
  batches?(): AsyncIterable<ParsedRow<K>[]>;
  /** valid after rows() finished */
  stats(): ReadStats;
}
