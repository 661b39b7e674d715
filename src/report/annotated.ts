/**
 * annotated/<input>.csv: every input row unchanged, plus `audit_status` and `audit_findings`.
 *
 * Fast path: when the reader hands over the record's original text (`raw`) and no cell needs
 * neutralising, the text is passed through as is and only the two audit fields are appended
 * (serialising 500k records again would cost as much as parsing them). Otherwise the cells are
 * re-serialised with the input's delimiter (RFC 4180 quoting), neutralised.
 * Output is buffered and written in ~1 MiB chunks (see sink.ts), so memory stays flat.
 */
import type { Severity } from '../model.js';
import { csvField, csvRecord, needsNeutralising, neutralise } from './format.js';
import { FileSink } from './sink.js';

export const AUDIT_COLUMNS = ['audit_status', 'audit_findings'] as const;

export interface AnnotatedCsvOptions {
  /** the input's delimiter (`,`, `;`, TAB, `|` ...) */
  delimiter: string;
  /** the header record's original text, passed through like a row's raw */
  headerRaw?: string;
  /** the header cells as parsed */
  header: string[];
  /** line ending for the output, default `\n` */
  eol?: string;
  /** start the file with a UTF-8 byte order mark (e.g. when the input had one), default false */
  bom?: boolean;
}

/**
 * `audit_status`: the worst severity among the row's findings, `ok` when it has none, or
 * `not-audited` for a row that was read but deliberately not checked (outside --since/--until).
 */
export type AuditStatus = 'ok' | Severity | 'not-audited';

export interface AnnotatedRow {
  /** the record's original text as read (csv-parse `raw`), line ending optional */
  raw?: string;
  cells: string[];
}

export class AnnotatedCsvWriter {
  private rowsWritten = 0;
  private readonly delimiter: string;
  private readonly eol: string;
  private readonly width: number;

  private constructor(
    private readonly sink: FileSink,
    opts: AnnotatedCsvOptions,
  ) {
    this.delimiter = opts.delimiter;
    this.eol = opts.eol ?? '\n';
    this.width = opts.header.length;
  }

  static async open(tempPath: string, opts: AnnotatedCsvOptions): Promise<AnnotatedCsvWriter> {
    const sink = await FileSink.open(tempPath);
    const w = new AnnotatedCsvWriter(sink, opts);
    if (opts.bom) sink.write('\uFEFF');
    const d = opts.delimiter;
    const head =
      opts.headerRaw !== undefined && !opts.header.some(needsNeutralising)
        ? stripEol(opts.headerRaw, opts.header[opts.header.length - 1])
        : csvRecord(opts.header, d);
    sink.write(head + d + AUDIT_COLUMNS.map((c) => csvField(c, d)).join(d) + w.eol);
    return w;
  }

  /** Data rows written so far. */
  get rows(): number {
    return this.rowsWritten;
  }

  write(row: AnnotatedRow, status: AuditStatus, findings: string): void {
    this.sink.write(this.rowText(row) + this.auditCells(status, findings));
    this.rowsWritten++;
  }

  /**
   * A row's own part of its annotated line: the original text when it can pass through, else its
   * cells re-serialised (neutralised); short rows padded so the audit columns line up.
   */
  rowText(row: AnnotatedRow): string {
    const d = this.delimiter;
    const cells = row.cells;
    let line: string | undefined;
    if (row.raw !== undefined) {
      let clean = true;
      for (let i = 0; i < cells.length; i++) {
        if (needsNeutralising(cells[i] as string)) {
          clean = false;
          break;
        }
      }
      if (clean) line = stripEol(row.raw, cells[cells.length - 1]);
    }
    if (line === undefined) line = csvRecord(cells, d);
    // a short (ragged) row gets empty cells so the audit columns line up under their header
    for (let i = cells.length; i < this.width; i++) line += d;
    return line;
  }

  /** Write a row whose rowText() was spooled earlier as UTF-8 bytes, with its audit columns. */
  writeSpooled(rowBytes: Buffer, status: AuditStatus, findings: string): void {
    this.sink.writeBytes(rowBytes);
    this.sink.write(this.auditCells(status, findings));
    this.rowsWritten++;
  }

  private auditCells(status: AuditStatus, findings: string): string {
    const d = this.delimiter;
    return d + status + d + csvField(neutralise(findings), d) + this.eol;
  }

  async close(): Promise<void> {
    await this.sink.close();
  }

  /** Close without flushing on an error path (the staging area is then aborted). */
  discard(): void {
    this.sink.discard();
  }
}

/**
 * Remove the record's line ending from raw text. csv-parse's `raw` can include the CR of a
 * CRLF ending (and the LF); a CR that belongs to the last cell's data is kept.
 */
function stripEol(raw: string, lastCell: string | undefined): string {
  let end = raw.length;
  if (end > 0 && raw.charCodeAt(end - 1) === 0x0a) end--;
  if (end > 0 && raw.charCodeAt(end - 1) === 0x0d && !(lastCell !== undefined && lastCell.endsWith('\r'))) end--;
  return end === raw.length ? raw : raw.slice(0, end);
}
