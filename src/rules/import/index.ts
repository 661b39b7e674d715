/**
 * `rules import`: build versioned rule tables from the CMS quarterly files (ASP NDC-HCPCS
 * crosswalk, ASP pricing, OPPS Addendum B, NCCI MUE, PTP and add-on code edits). One parser per
 * source; every file is read and checked before anything is written.
 */
import '../cms-schemas.js';
import { isIsoDate } from '../dates.js';
import { ConfigError } from '../errors.js';
import { parseAddendumB } from './addendum-b.js';
import { parseAoc } from './aoc.js';
import { parseCrosswalk } from './crosswalk.js';
import { parseMue } from './mue.js';
import { parsePricing } from './pricing.js';
import { parsePtp } from './ptp.js';
import { readSource } from './source.js';
import type { SourceRows } from './source.js';
import type { ParsedTable } from './types.js';
import { releaseDir, writeRelease } from './writer.js';
import type { Release, WrittenTable } from './writer.js';

export { CMS_TABLE_IDS } from './types.js';
export type { CmsTableId, ParsedTable } from './types.js';
export type { Release, WrittenTable } from './writer.js';
export { releaseDir };

/** The source kinds, in the order they are imported (and the CLI flag of each). */
export const SOURCE_KINDS = {
  crosswalk: { flag: '--crosswalk', parse: parseCrosswalk },
  pricing: { flag: '--pricing', parse: parsePricing },
  addendumB: { flag: '--addendum-b', parse: parseAddendumB },
  mue: { flag: '--mue', parse: parseMue },
  ptp: { flag: '--ptp', parse: parsePtp },
  aoc: { flag: '--aoc', parse: parseAoc },
} as const satisfies Record<string, { flag: string; parse: (src: SourceRows) => ParsedTable }>;
export type SourceKind = keyof typeof SOURCE_KINDS;

export interface ImportOptions {
  files: Partial<Record<SourceKind, string>>;
  /** `YYYYQn` (case-insensitive): the version of every table written */
  quarter: string;
  /** default: the first day of the quarter */
  effectiveFrom?: string;
  /** default: the last day of the quarter */
  effectiveTo?: string;
  /** the rule directory to write into (tables go to `<out>/cms/<quarter>/`) */
  out: string;
  /** added to each table's description (provenance caveats, e.g. "built from a reconstructed subset") */
  note?: string;
}

/** A bad option (the CLI reports it like any configuration error: exit 2). */
function optionError(message: string): ConfigError {
  return new ConfigError(message, '');
}

/** The first and last day of a quarter `YYYYQn`. */
export function quarterDates(quarter: string): { quarter: string; from: string; to: string } {
  const m = /^(\d{4})Q([1-4])$/i.exec(quarter.trim());
  if (!m) throw optionError(`--quarter: expected a quarter such as 2025Q4, got "${quarter}"`);
  const y = Number(m[1]);
  const q = Number(m[2]);
  const first = 3 * q - 2;
  const last = 3 * q;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { quarter: `${y}Q${q}`, from: `${y}-${mm(first)}-01`, to: `${y}-${mm(last)}-${mm(lastDay)}` };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The dates of a banner line "Effective October 1, 2025 through December 31, 2025", if it reads so. */
export function editionDates(line: string): { from: string; to: string } | undefined {
  const m = /effective\s+([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\s+(?:through|to|-)\s+([a-z]+)\s+(\d{1,2}),?\s+(\d{4})/i.exec(line);
  if (!m) return undefined;
  const d = (mon: string, day: string, y: string) => {
    const i = MONTHS.indexOf(mon.toLowerCase());
    return i < 0 ? undefined : `${y}-${String(i + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  };
  const from = d(m[1] as string, m[2] as string, m[3] as string);
  const to = d(m[4] as string, m[5] as string, m[6] as string);
  return from && to && isIsoDate(from) && isIsoDate(to) ? { from, to } : undefined;
}

/** Read, parse and write the given sources as one release. */
export async function importCms(opts: ImportOptions): Promise<{ release: Release; written: WrittenTable[] }> {
  const q = quarterDates(opts.quarter);
  const effectiveFrom = opts.effectiveFrom ?? q.from;
  const effectiveTo = opts.effectiveTo ?? q.to;
  if (!isIsoDate(effectiveFrom)) throw optionError(`--effective-from: "${effectiveFrom}" is not a date (YYYY-MM-DD)`);
  if (!isIsoDate(effectiveTo)) throw optionError(`--effective-to: "${effectiveTo}" is not a date (YYYY-MM-DD)`);
  if (effectiveTo < effectiveFrom) throw optionError(`--effective-to ${effectiveTo} is before --effective-from ${effectiveFrom}`);
  const kinds = (Object.keys(SOURCE_KINDS) as SourceKind[]).filter((k) => opts.files[k] !== undefined);
  if (!kinds.length) {
    throw optionError(`give at least one CMS file: ${Object.values(SOURCE_KINDS).map((s) => s.flag).join(', ')}`);
  }
  const items: { table: ParsedTable; src: SourceRows }[] = [];
  for (const k of kinds) {
    const src = await readSource(opts.files[k] as string);
    const table = SOURCE_KINDS[k].parse(src);
    const ed = table.edition !== undefined ? editionDates(table.edition) : undefined;
    if (ed && (ed.from !== effectiveFrom || ed.to !== effectiveTo)) {
      table.notes.push(`the file says "${table.edition}" (${ed.from}..${ed.to}) but the table is dated ${effectiveFrom}..${effectiveTo}: check --quarter`);
    }
    items.push({ table, src });
  }
  const note = opts.note?.replace(/\s+/g, ' ').trim();
  const release: Release = { quarter: q.quarter, effectiveFrom, effectiveTo, ...(note ? { note } : {}) };
  const written = await writeRelease(opts.out, release, items);
  return { release, written };
}
