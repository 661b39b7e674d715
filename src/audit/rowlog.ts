import type { Finding, InputKind, Severity } from '../model.js';
import type { AnnotatedCsvWriter, FlaggedRows } from '../report/index.js';
import { findingsCell } from '../report/index.js';

/** One input row on its way to the annotated CSV. */
export interface Slot {
  row: number;
  raw?: string;
  cells: string[];
  /** allocated on the first finding: most rows have none */
  findings?: Finding[];
  done: boolean;
  notAudited?: string;
}

export type RowStatus = 'ok' | Severity | 'not-audited';

/**
 * Keeps the rows of one input file in input order until their encounter has been checked, then
 * writes them to the annotated CSV with their findings. With inputs sorted by date only the open
 * join window is held; rows with no record (unreadable) pass straight through.
 */
export class RowLog {
  private queue: Slot[] = [];
  private head = 0;
  private pending = new Map<number, Slot>();
  rowsWithFindings = 0;
  /** findings that arrived after their row had been written (counted, never lost from report.json) */
  late = 0;

  constructor(
    readonly kind: InputKind,
    private readonly writer: AnnotatedCsvWriter | undefined,
    readonly flagged: FlaggedRows | undefined,
    private readonly redact: ((cells: string[]) => string[]) | undefined,
  ) {}

  add(slot: Slot): void {
    this.queue.push(slot);
  }

  /**
   * The slot of a row not written yet. Rows enter the queue in file order, so their row numbers
   * increase: a binary search over the unwritten part replaces a Map of pending rows (which cost
   * a set and a delete per row on the hot path).
   */
  pendingSlot(row: number): Slot | undefined {
    const q = this.queue;
    let lo = this.head;
    let hi = q.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = q[mid] as Slot;
      if (s.row === row) return s;
      if (s.row < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  attach(row: number, f: Finding): void {
    const s = this.pendingSlot(row);
    if (s) (s.findings ??= []).push(f);
    else this.late++;
  }

  markDone(row: number): void {
    const s = this.pendingSlot(row);
    if (s) s.done = true;
  }

  markAllDone(): void {
    for (let i = this.head; i < this.queue.length; i++) (this.queue[i] as Slot).done = true;
  }

  /** Write every finished row at the head of the queue. */
  drain(): void {
    const q = this.queue;
    let h = this.head;
    while (h < q.length) {
      const s = q[h];
      if (!s || !s.done) break;
      this.emit(s);
      q[h] = undefined as unknown as Slot;
      h++;
    }
    this.head = h;
    if (h > 4096 && h * 2 > q.length) {
      this.queue = q.slice(h);
      this.head = 0;
    }
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  private emit(s: Slot): void {
    let status: RowStatus;
    const findings = s.findings;
    if (findings !== undefined) {
      this.rowsWithFindings++;
      status = worst(findings);
    } else status = s.notAudited !== undefined ? 'not-audited' : 'ok';
    const cells = this.redact ? this.redact(s.cells) : s.cells;
    if (this.writer) {
      const text = findings !== undefined ? findingsCell(findings) : (s.notAudited ?? '');
      this.writer.write(this.redact ? { cells } : s.raw !== undefined ? { raw: s.raw, cells } : { cells }, status, text);
    }
    if (this.flagged && findings !== undefined) {
      this.flagged.rows.push({ row: s.row, cells, findings });
    }
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
