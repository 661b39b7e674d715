/**
 * One rule file: the YAML header (id, version, dates, sources, description) and its data, inline
 * (`data:`) or in a CSV beside it (`dataFile:`). CSV data is read when first used unless the
 * caller asks for everything at once (`rules validate`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { splitPlainLine } from '../read/csv.js';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import type { RuleProblem } from './errors.js';
import { isoDate } from './dates.js';
import { tableSchema } from './schemas.js';
import type { RuleSource, RuleTable } from './types.js';
import { formatPath, issuesToProblems, parseYamlDocs } from './yaml-doc.js';
import type { DocPath, YamlDoc } from './yaml-doc.js';

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  section: z.string().min(1).optional(),
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'expected a quarter such as 2025Q4').optional(),
  file: z.string().min(1).optional(),
  sha256: z
    .string({ error: 'expected 64 hex digits as text (quote the value)' })
    .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex digits')
    .transform((s) => s.toLowerCase())
    .optional(),
  retrieved: isoDate.optional(),
});

const versionSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()], {
    error: 'expected a version string (quote numbers with a dot: version: "2025.10")',
  })
  .transform(String);

export const headerSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'expected a lower-case id such as ndc-format'),
    version: versionSchema,
    effectiveFrom: isoDate,
    effectiveTo: z.union([isoDate, z.null()], {
      error: (iss) =>
        iss.input === undefined ? 'required (a date YYYY-MM-DD, or null when open-ended)' : 'expected a date YYYY-MM-DD or null (open-ended)',
    }),
    sources: z.array(sourceSchema).min(1, 'at least one source is required'),
    description: z.string().trim().min(1, 'required'),
    data: z.unknown().optional(),
    dataFile: z
      .string()
      .regex(/\.csv$/i, 'expected a .csv file name')
      .refine((s) => !isAbsolute(s), 'expected a path relative to the YAML file')
      .optional(),
    merge: z.enum(['replace', 'append']).default('replace'),
    mergeKey: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((h, ctx) => {
    const hasData = h.data !== undefined;
    if (hasData === (h.dataFile !== undefined)) {
      ctx.addIssue({ code: 'custom', path: hasData ? ['dataFile'] : [], message: 'exactly one of data or dataFile is required' });
    }
    if (h.effectiveTo !== null && h.effectiveTo < h.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `effectiveTo ${h.effectiveTo} is before effectiveFrom ${h.effectiveFrom}` });
    }
    if (h.mergeKey && h.merge !== 'append') {
      ctx.addIssue({ code: 'custom', path: ['mergeKey'], message: 'mergeKey needs merge: append' });
    }
    if (h.merge === 'append' && hasData && !Array.isArray(h.data)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'merge: append needs data to be a list of rows' });
    }
  });

type Header = z.output<typeof headerSchema>;

/** A table as loaded: header now, data now (inline) or on first use (CSV). */
export class LoadedTable<T = unknown> implements RuleTable<T> {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly sources: RuleSource[];
  readonly description: string;
  readonly file: string;
  readonly layer: number;
  readonly doc: number;
  readonly dataFile?: string;
  readonly merge: 'replace' | 'append';
  readonly mergeKey?: string[];
  private loaded = false;
  private value: unknown;
  private readonly inline: unknown;

  constructor(h: Header, file: string, layer: number, doc: number, private readonly yamlDoc?: YamlDoc) {
    this.id = h.id;
    this.version = h.version;
    this.effectiveFrom = h.effectiveFrom;
    this.effectiveTo = h.effectiveTo;
    this.sources = h.sources as RuleSource[];
    this.description = h.description;
    this.file = file;
    this.layer = layer;
    this.doc = doc;
    this.merge = h.merge;
    if (h.mergeKey) this.mergeKey = h.mergeKey;
    if (h.dataFile !== undefined) this.dataFile = resolve(dirname(file), h.dataFile);
    this.inline = h.data;
  }

  /** The data, validated by the registered schema; a CSV is read on first access (throws ConfigError). */
  get data(): T {
    if (!this.loaded) {
      const first = this.prime().find((p) => p.level === 'error');
      if (first) throw ConfigError.fromProblem(first);
    }
    return this.value as T;
  }

  /** Load and validate the data now, keeping it on success; returns every problem found. */
  prime(): RuleProblem[] {
    if (this.loaded) return [];
    const r = this.loadData();
    if (!r.problems.some((p) => p.level === 'error')) {
      this.value = r.data;
      this.loaded = true;
    }
    return r.problems;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Read and validate the data, collecting every problem (does not cache on failure). */
  loadData(): { data?: unknown; problems: RuleProblem[] } {
    if (this.loaded) return { data: this.value, problems: [] };
    let raw: unknown;
    let csv: CsvRows | undefined;
    if (this.dataFile !== undefined) {
      const r = readCsvRows(this.dataFile);
      if (r.problems.length) return { problems: r.problems };
      csv = r.rows;
      raw = r.rows?.records;
    } else {
      raw = this.inline;
    }
    const problems: RuleProblem[] = [];
    if (csv && this.mergeKey) {
      for (const k of this.mergeKey) {
        if (!csv.header.includes(k)) {
          problems.push({ file: this.file, path: 'mergeKey', line: this.yamlDoc?.locate(['mergeKey']), message: `column "${k}" is not in ${this.dataFile}`, level: 'error' });
        }
      }
    }
    const schema = tableSchema(this.id);
    if (!schema) return problems.length ? { problems } : { data: raw, problems };
    const res = schema.safeParse(raw);
    if (!res.success) {
      const ctx = csv
        ? {
            file: this.dataFile ?? this.file,
            schema,
            renderPath: (p: DocPath) => csvPath(p),
            lineOf: (p: DocPath) => (typeof p[0] === 'number' ? csv.lines[p[0]] : undefined),
          }
        : { file: this.file, prefix: ['data'] as DocPath, doc: this.yamlDoc, schema };
      problems.push(...issuesToProblems(res.error.issues, ctx));
      return { problems };
    }
    if (this.merge === 'append' && !Array.isArray(res.data)) {
      problems.push({ file: this.file, path: 'merge', message: 'merge: append needs the data to be a list of rows', level: 'error' });
    }
    return problems.length ? { problems } : { data: res.data, problems };
  }
}

function csvPath(p: DocPath): string {
  const [row, col, ...rest] = p;
  if (typeof row !== 'number') return formatPath(p);
  let s = `row ${row + 2}`;
  if (col !== undefined) s += `, column ${String(col)}`;
  if (rest.length) s += ` ${formatPath(rest)}`;
  return s;
}

interface CsvRows {
  header: string[];
  records: Record<string, string>[];
  /** line of each record in the file */
  lines: number[];
}

/** What csv-parse's `trim` removes around a field: space, tab, CR, LF, form feed. */
function trimCsv(v: string): string {
  let i = 0;
  let j = v.length;
  const ws = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 12;
  while (i < j && ws(v.charCodeAt(i))) i++;
  while (j > i && ws(v.charCodeAt(j - 1))) j--;
  return i === 0 && j === v.length ? v : v.slice(i, j);
}

/**
 * The records of a plain CSV exactly as csv-parse reads them with the options of readCsvRows,
 * without csv-parse: every line the header's width, fields unquoted or quoted on one line (split
 * as the audit's reader does), no line of blanks. The CMS tables of rules/cms are such files (the
 * crosswalk alone is 600 kB, read by every audit). Anything else (a quoted field with blanks at
 * its edges, a multi-line field, a bad width) returns undefined and goes to csv-parse.
 */
export function plainCsv(text: string): { record: string[]; info: { lines: number } }[] | undefined {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = t.split('\n');
  const out: { record: string[]; info: { lines: number } }[] = [];
  let width = -1;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i] as string;
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l.includes('\r')) return undefined;
    if (l === '') continue;
    if (trimCsv(l) === '') return undefined;
    let record: string[];
    if (l.includes('"')) {
      const cells = splitPlainLine(l, ',');
      if (cells === undefined) return undefined;
      // a quoted field keeps its inner blanks, an unquoted one loses them: not told apart here
      if (cells.some((c) => trimCsv(c) !== c)) return undefined;
      record = cells;
    } else {
      record = l.split(',');
      for (let c = 0; c < record.length; c++) record[c] = trimCsv(record[c] as string);
    }
    if (width < 0) width = record.length;
    else if (record.length !== width) return undefined; // csv-parse reports the record length
    out.push({ record, info: { lines: i + 1 } });
  }
  return out;
}

/** A CSV with a header row; every cell a trimmed string. Problems carry row numbers (header = row 1). */
export function readCsvRows(file: string): { rows?: CsvRows; problems: RuleProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { problems: [{ file, message: `cannot read data file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, level: 'error' }] };
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed =
      plainCsv(text) ??
      (parseCsv(text, { bom: true, skip_empty_lines: true, info: true, trim: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]);
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { problems: [{ file, line: err.lines, message: `CSV: ${err.message}`, level: 'error' }] };
  }
  const head = parsed[0];
  if (!head) return { problems: [{ file, message: 'CSV file is empty (a header row is required)', level: 'error' }] };
  const header = head.record;
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') problems.push({ file, line: head.info.lines, path: `row 1, column ${i + 1}`, message: 'empty header cell', level: 'error' });
    else if (seen.has(h)) problems.push({ file, line: head.info.lines, path: `row 1, column ${h}`, message: `duplicate header "${h}"`, level: 'error' });
    seen.add(h);
  });
  if (problems.length) return { problems };
  const records: Record<string, string>[] = [];
  const lines: number[] = [];
  for (let i = 1; i < parsed.length; i++) {
    const r = parsed[i];
    if (!r) continue;
    const rec: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) rec[header[c] as string] = r.record[c] ?? '';
    records.push(rec);
    lines.push(r.info.lines);
  }
  return { rows: { header, records, lines }, problems };
}

/** Parse one rule YAML file into tables (one per document), collecting problems. */
export async function readTableFile(
  file: string,
  layer: number,
  eager: boolean,
): Promise<{ tables: LoadedTable[]; problems: RuleProblem[]; dataFiles: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { tables: [], problems: [{ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, level: 'error' }], dataFiles: [] };
  }
  const { docs, problems } = parseYamlDocs(text, file);
  const tables: LoadedTable[] = [];
  const dataFiles: string[] = [];
  if (!docs.length && !problems.length) problems.push({ file, message: 'empty rule file', level: 'warning' });
  for (const doc of docs) {
    if (doc.value === null || doc.value === undefined) continue;
    if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
      problems.push({ file, line: doc.locate([]), message: 'a rule file document must be a mapping (id, version, ...)', level: 'error' });
      continue;
    }
    const res = headerSchema.safeParse(doc.value);
    if (!res.success) {
      problems.push(...issuesToProblems(res.error.issues, { file, doc, schema: headerSchema }));
      continue;
    }
    const t = new LoadedTable(res.data, file, layer, doc.index, doc);
    if (t.dataFile) dataFiles.push(t.dataFile);
    // Inline data is small: validate it now. CSV data waits for first use unless eager.
    if (t.dataFile === undefined || eager) {
      const p = t.prime();
      problems.push(...p);
      if (p.some((x) => x.level === 'error')) continue;
    } else if (!existsSync(t.dataFile)) {
      problems.push({ file, path: 'dataFile', line: doc.locate(['dataFile']), message: `data file not found: ${t.dataFile}`, level: 'error' });
      continue;
    }
    tables.push(t);
  }
  return { tables, problems, dataFiles };
}
