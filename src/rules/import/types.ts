/** What a source parser hands to the writer. */

/** The stable ids of the imported CMS tables (one per source; versions are quarters). */
export const CMS_TABLE_IDS = ['asp-crosswalk', 'asp-pricing', 'opps-status', 'ncci-mue', 'ncci-ptp', 'ncci-aoc'] as const;
export type CmsTableId = (typeof CMS_TABLE_IDS)[number];

export interface ParsedTable {
  id: CmsTableId;
  /** output CSV columns, in order */
  columns: readonly string[];
  /** data rows, one cell per column (text as written to the CSV) */
  rows: string[][];
  /** source title recorded in `sources[].title` */
  title: string;
  /** where CMS publishes the file */
  url: string;
  /** plain-English description of the table (the writer adds counts and the edition) */
  description: string;
  /** the banner line naming the edition, e.g. "Effective October 1, 2025 through December 31, 2025" */
  edition?: string;
  /** things the user should know (printed by the CLI, not written to the table) */
  notes: string[];
}
