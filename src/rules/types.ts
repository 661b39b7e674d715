/** Public shapes of loaded rule tables. */

export interface RuleSource {
  title: string;
  url?: string;
  /** manual section, table, page */
  section?: string;
  /** CMS quarter of the source file, `YYYYQn` */
  quarter?: string;
  /** name of the source file (e.g. the CMS download) */
  file?: string;
  /** sha256 of that source file */
  sha256?: string;
  /** date the source was read, YYYY-MM-DD */
  retrieved?: string;
}

export interface RuleTable<T = unknown> {
  id: string;
  version: string;
  effectiveFrom: string;
  /** null = open-ended */
  effectiveTo: string | null;
  sources: RuleSource[];
  description: string;
  /** absolute path of the YAML file that declares the table */
  file: string;
  /** 0 = built-in, 1.. = --rules dirs in order */
  layer: number;
  /** the table's data, validated (and possibly transformed) by the id's registered schema */
  data: T;
  /** absolute path of the CSV holding the data, when `dataFile:` is used */
  dataFile?: string;
  /** 0-based document index when one YAML file holds several versions */
  doc?: number;
  /** `append`: rows add to (or replace by mergeKey) the lower layers' rows in force; default `replace` */
  merge?: 'replace' | 'append';
  mergeKey?: string[];
  /** for a merged (append) view: the tables combined, lowest layer first */
  mergedFrom?: RuleTable<T>[];
}
