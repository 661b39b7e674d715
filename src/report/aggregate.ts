/** Aggregations over findings shared by the workbook, the HTML page and the console summary. */
import type { Direction, Evidence, Finding, InputKind } from '../model.js';
import { severityRank } from './format.js';
import type { FlaggedRows } from './types.js';

export interface Tally {
  count: number;
  /** total amountAtRisk (all directions) */
  amount: number;
  byDirection: Record<Direction, number>;
}

export function emptyTally(): Tally {
  return { count: 0, amount: 0, byDirection: { over: 0, under: 0, denial: 0 } };
}

export function addToTally(t: Tally, f: Finding): void {
  t.count++;
  const a = f.amountAtRisk;
  if (a !== undefined && Number.isFinite(a)) {
    t.amount += a;
    if (f.direction) t.byDirection[f.direction] += a;
  }
}

/** Count and sum findings by a key; keys keep first-seen order (sort afterwards as needed). */
export function tallyBy(findings: readonly Finding[], key: (f: Finding) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const f of findings) {
    const k = key(f);
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    addToTally(t, f);
  }
  return out;
}

function rowKey(kind: string, file: string, sheet: string | undefined, row: number): string {
  return `${kind}\u0000${file}\u0000${sheet ?? ''}\u0000${row}`;
}

export function evidenceKey(e: Evidence): string {
  return rowKey(e.kind, e.file, e.sheet, e.row);
}

export function flaggedRowKey(fr: FlaggedRows, row: number): string {
  return rowKey(fr.kind, fr.file, fr.sheet, row);
}

/**
 * Index of a canonical column in a flagged file. Canonical names are the SPEC's snake_case
 * (`end_date`); a camelCase key (`endDate`) is accepted too.
 */
export function columnIndex(fr: FlaggedRows, name: string): number | undefined {
  const direct = fr.columns[name];
  if (direct !== undefined) return direct;
  const camel = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  return fr.columns[camel];
}

/** A cell of a flagged row by canonical column name ('' when absent). */
export function cellOf(fr: FlaggedRows, cells: readonly string[], name: string): string {
  const i = columnIndex(fr, name);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/**
 * Payer of each flagged row that has a `payer` column (claim lines and authorizations), so a
 * finding's payer can be found from its evidence.
 */
export class PayerIndex {
  private readonly byRow = new Map<string, string>();

  constructor(flagged: readonly FlaggedRows[]) {
    for (const fr of flagged) {
      if (columnIndex(fr, 'payer') === undefined) continue;
      for (const r of fr.rows) {
        const p = cellOf(fr, r.cells, 'payer');
        if (p) this.byRow.set(flaggedRowKey(fr, r.row), p);
      }
    }
  }

  /** The payer of a finding: from its claim-line evidence first, then any other; else 'n/a'. */
  payerOf(f: Finding): string {
    let other: string | undefined;
    for (const e of f.evidence ?? []) {
      const p = this.byRow.get(evidenceKey(e));
      if (p === undefined) continue;
      if (e.kind === 'claims') return p;
      other ??= p;
    }
    return other ?? 'n/a';
  }
}

/** Findings ordered for "top findings": amountAtRisk (highest first), then severity, then id. */
export function compareTop(a: Finding, b: Finding): number {
  const da = a.amountAtRisk ?? 0;
  const db = b.amountAtRisk ?? 0;
  if (db !== da) return db - da;
  const s = severityRank(a.severity) - severityRank(b.severity);
  if (s !== 0) return s;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first n findings by {@link compareTop}, in one pass (no full sort of 200k findings). */
export function topFindings(findings: readonly Finding[], n: number): Finding[] {
  const top: Finding[] = [];
  if (n <= 0) return top;
  for (const f of findings) {
    if (top.length === n && compareTop(f, top[n - 1] as Finding) >= 0) continue;
    let i = top.length;
    while (i > 0 && compareTop(f, top[i - 1] as Finding) < 0) i--;
    top.splice(i, 0, f);
    if (top.length > n) top.pop();
  }
  return top;
}

export const KIND_LABEL: Record<InputKind, string> = {
  claims: 'Claim lines',
  mar: 'MAR',
  dispense: 'Dispense',
  auths: 'Auths',
};
