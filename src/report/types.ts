import type { AuditResult, Finding, InputKind } from '../model.js';

export const FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The rows of one input file that carry findings, with their cells as read (for the workbook). */
export interface FlaggedRows {
  kind: InputKind;
  file: string;
  sheet?: string;
  header: string[];
  /** canonical column (SPEC snake_case, e.g. `ndc`, `payer`, `end_date`) -> cell index */
  columns: Partial<Record<string, number>>;
  /** in row order */
  rows: { row: number; cells: string[]; findings: Finding[] }[];
}

export interface ReportBundle {
  result: AuditResult;
  /** claim lines (and other rows) that have findings, in row order */
  flagged: FlaggedRows[];
}
