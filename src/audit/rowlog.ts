import * as fs from 'node:fs';
import type { Finding, InputKind, Severity } from '../model.js';
import type { AnnotatedCsvWriter, FlaggedRows } from '../report/index.js';
import { findingsCell } from '../report/index.js';
import { FileSink } from '../report/sink.js';

export type RowStatus = 'ok' | Severity | 'not-audited';

/**
 * The annotated CSV of one input, built in two steps so that no row has to stay in memory while
 * its encounter waits to be checked:
 * 1. as each row is read, its own text (the original record, or its cells re-serialised when
 *    redacting or neutralising) goes to a private spool file, and only its row number and byte
 *    length are kept;
 * 2. at the end, one sequential pass over the spool appends each row's audit columns from the
 *    findings recorded for it (a map holding only rows that have findings).
 * So findings may arrive at any time (an aggregate check's end() hook too), and memory does not
 * depend on how long rows wait. Cells are kept only when audit.xlsx wants the flagged rows, and
 * only until the row's encounter has been checked.
 */
export class RowLog {
  private readonly rows: number[] = [];
  /** position in `rows` of each row number (row numbers are line numbers: nearly dense) */
  private readonly at: number[] = [];
  private readonly lengths: number[] = [];
  /** byte offset of each row's text in the spool */
  private readonly starts: number[] = [];
  private spooled = 0;
  private readFd: number | undefined;
  private readonly findings = new Map<number, Finding[]>();
  private readonly notAudited = new Map<number, string>();
  private readonly cells: Map<number, string[]> | undefined;
  private spoolClosed = false;

  private constructor(
    readonly kind: InputKind,
    private readonly writer: AnnotatedCsvWriter,
    private readonly spool: FileSink,
    readonly flagged: FlaggedRows | undefined,
    private readonly redact: ((cells: string[]) => string[]) | undefined,
  ) {
    if (flagged) this.cells = new Map();
  }

  static async open(
    kind: InputKind,
    writer: AnnotatedCsvWriter,
    spoolPath: string,
    flagged: FlaggedRows | undefined,
    redact: ((cells: string[]) => string[]) | undefined,
  ): Promise<RowLog> {
    return new RowLog(kind, writer, await FileSink.open(spoolPath), flagged, redact);
  }

  /** Spool a row's text (returned, for tests). */
  add(row: number, raw: string | undefined, cells: string[]): string {
    const shown = this.redact ? this.redact(cells) : cells;
    const text = this.writer.rowText(this.redact || raw === undefined ? { cells: shown } : { raw, cells });
    const n = this.spool.write(text);
    this.at[row] = this.rows.length;
    this.rows.push(row);
    this.lengths.push(n);
    this.starts.push(this.spooled);
    this.spooled += n;
    this.cells?.set(row, shown);
    return text;
  }

  /**
   * Are two rows of this file byte-identical (as spooled)? Reads them back from the spool: the
   * caller asks only for rows whose records are already equal, so this is rare and rows need not
   * be kept in memory for it.
   */
  sameText(rowA: number, rowB: number): boolean {
    const a = this.indexOf(rowA);
    const b = this.indexOf(rowB);
    if (a < 0 || b < 0) return false;
    const len = this.lengths[a] as number;
    if (len !== this.lengths[b]) return false;
    this.spool.flush();
    this.readFd ??= fs.openSync(this.spool.path, 'r');
    const ba = Buffer.allocUnsafe(len);
    const bb = Buffer.allocUnsafe(len);
    fs.readSync(this.readFd, ba, 0, len, this.starts[a] as number);
    fs.readSync(this.readFd, bb, 0, len, this.starts[b] as number);
    return ba.equals(bb);
  }

  /**
   * Were two rows of this file spooled with the same byte length? A cheap first test before
   * comparing records and texts: rows of one visit almost always differ in length.
   */
  sameLength(rowA: number, rowB: number): boolean {
    const a = this.indexOf(rowA);
    const b = this.indexOf(rowB);
    return a >= 0 && b >= 0 && this.lengths[a] === this.lengths[b];
  }

  private indexOf(row: number): number {
    const i = this.at[row];
    return i === undefined ? -1 : i;
  }

  attach(row: number, f: Finding): void {
    const list = this.findings.get(row);
    if (list) list.push(f);
    else this.findings.set(row, [f]);
  }

  setNotAudited(row: number, why: string): void {
    this.notAudited.set(row, why);
  }

  /** The row's encounter has been checked: hand its cells to audit.xlsx if it has findings. */
  markDone(row: number): void {
    const cells = this.cells;
    if (!cells) return;
    const c = cells.get(row);
    if (c === undefined) return;
    cells.delete(row);
    const f = this.findings.get(row);
    if (f && this.flagged) this.flagged.rows.push({ row, cells: c, findings: f });
  }

  markAllDone(): void {
    if (!this.cells) return;
    for (const row of [...this.cells.keys()]) this.markDone(row);
  }

  get rowsWithFindings(): number {
    return this.findings.size;
  }

  /** Append the audit columns to every spooled row, in file order, and remove the spool. */
  async finish(): Promise<void> {
    await this.closeSpool();
    this.flagged?.rows.sort((a, b) => a.row - b.row);
    const fd = fs.openSync(this.spool.path, 'r');
    try {
      let buf = Buffer.allocUnsafe(1 << 20);
      let start = 0;
      let end = 0;
      for (let i = 0; i < this.rows.length; i++) {
        const len = this.lengths[i] as number;
        if (end - start < len) {
          // move the unread tail to the front, grow if one row is larger than the buffer, refill
          if (len > buf.length) {
            const bigger = Buffer.allocUnsafe(len * 2);
            buf.copy(bigger, 0, start, end);
            buf = bigger;
          } else buf.copy(buf, 0, start, end);
          end -= start;
          start = 0;
          while (end < len) {
            const n = fs.readSync(fd, buf, end, buf.length - end, null);
            if (n === 0) throw new Error(`annotated spool ${this.spool.path} ended early`);
            end += n;
          }
        }
        const row = this.rows[i] as number;
        const f = this.findings.get(row);
        let status: RowStatus;
        let text: string;
        if (f !== undefined) {
          status = worst(f);
          text = findingsCell(f);
        } else {
          const why = this.notAudited.get(row);
          status = why !== undefined ? 'not-audited' : 'ok';
          text = why ?? '';
        }
        this.writer.writeSpooled(buf.subarray(start, start + len), status, text);
        start += len;
      }
    } finally {
      fs.closeSync(fd);
      fs.rmSync(this.spool.path, { force: true });
    }
    await this.writer.close();
  }

  /** On an abandoned pass: close both files (the staging area removes them). */
  async discard(): Promise<void> {
    await this.closeSpool().catch(() => undefined);
    this.writer.discard();
    fs.rmSync(this.spool.path, { force: true });
  }

  private async closeSpool(): Promise<void> {
    if (this.readFd !== undefined) {
      fs.closeSync(this.readFd);
      this.readFd = undefined;
    }
    if (this.spoolClosed) return;
    this.spoolClosed = true;
    await this.spool.close();
  }
}

function worst(findings: readonly Finding[]): Severity {
  let w: Severity = 'info';
  for (const f of findings) {
    if (f.severity === 'error') return 'error';
    if (f.severity === 'warning') w = 'warning';
  }
  return w;
}
