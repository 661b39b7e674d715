/**
 * The loaded rule pack: every version of every table from the built-in directory (layer 0) and the
 * client directories (layers 1..), and the choice of the version in force on a date of service.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RulePackInfo } from '../model.js';
import { dayNumber, inRange, isIsoDate } from './dates.js';
import { ConfigError } from './errors.js';
import type { RuleProblem } from './errors.js';
import { tableSchema } from './schemas.js';
import { readTableFile, sourceSchema } from './table-file.js';
import type { LoadedTable } from './table-file.js';
import type { RuleSource, RuleTable } from './types.js';
import { issuesToProblems } from './yaml-doc.js';

export interface RuleSetOptions {
  /** id -> version from facility.yaml `rules:`; the pinned version is used for every date */
  pins?: Record<string, string>;
  /** file the pins came from, for error messages (default `facility.yaml`) */
  pinsFile?: string;
  /** read and validate CSV data now instead of on first use */
  eager?: boolean;
}

/** What one `scan` of the directories found. */
interface Scan {
  tables: LoadedTable[];
  problems: RuleProblem[];
}

const OPEN_END = '9999-12-31';

async function walk(dir: string, out: { yaml: string[]; csv: string[] }): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (/\.ya?ml$/i.test(e.name)) out.yaml.push(p);
    else if (/\.csv$/i.test(e.name)) out.csv.push(p);
  }
}

function rangeText(t: { effectiveFrom: string; effectiveTo: string | null }): string {
  return `${t.effectiveFrom}..${t.effectiveTo ?? 'open'}`;
}

async function scan(dirs: string[], eager: boolean): Promise<Scan> {
  const problems: RuleProblem[] = [];
  const tables: LoadedTable[] = [];
  for (let layer = 0; layer < dirs.length; layer++) {
    const dir = resolve(dirs[layer] as string);
    let isDir = false;
    try {
      isDir = (await stat(dir)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      problems.push({ file: dir, message: 'rules directory not found', level: 'error' });
      continue;
    }
    const files = { yaml: [] as string[], csv: [] as string[] };
    await walk(dir, files);
    const results = await Promise.all(files.yaml.map((f) => readTableFile(f, layer, eager)));
    const layerTables: LoadedTable[] = [];
    const referenced = new Set<string>();
    files.yaml.forEach((_, i) => {
      const r = results[i];
      if (!r) return;
      problems.push(...r.problems);
      layerTables.push(...r.tables);
      for (const d of r.dataFiles) referenced.add(d);
    });
    for (const c of files.csv) {
      if (!referenced.has(c)) problems.push({ file: c, message: 'CSV file not referenced by any rule file (dataFile:); it is ignored', level: 'warning' });
    }
    problems.push(...layerConflicts(layerTables));
    tables.push(...layerTables);
  }
  // Warnings about ids without a registered schema, once per id.
  const warned = new Set<string>();
  for (const t of tables) {
    if (!tableSchema(t.id) && !warned.has(t.id)) {
      warned.add(t.id);
      problems.push({ file: t.file, path: 'id', message: `no data schema registered for table "${t.id}": its data is not validated`, level: 'warning' });
    }
  }
  return { tables, problems };
}

/** Duplicate versions and overlapping effective ranges of one id within one layer. */
type Declared = Pick<RuleTable, 'id' | 'version' | 'effectiveFrom' | 'effectiveTo' | 'file' | 'doc'>;

function layerConflicts(tables: Declared[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const byId = new Map<string, Declared[]>();
  for (const t of tables) {
    const l = byId.get(t.id);
    if (l) l.push(t);
    else byId.set(t.id, [t]);
  }
  for (const list of byId.values()) {
    const sorted = [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      const b = sorted[i] as Declared;
      for (let j = 0; j < i; j++) {
        const a = sorted[j] as Declared;
        if (a.version === b.version) {
          problems.push({ file: b.file, path: 'version', message: `table "${b.id}" version ${b.version} is also declared in ${where(a)}`, level: 'error' });
        }
        if ((a.effectiveTo ?? OPEN_END) >= b.effectiveFrom) {
          problems.push({
            file: b.file,
            path: 'effectiveFrom',
            message: `effective range ${rangeText(b)} of "${b.id}" version ${b.version} overlaps version ${a.version} (${rangeText(a)}) in ${where(a)}`,
            level: 'error',
          });
        }
      }
    }
  }
  return problems;
}

function where(t: Declared): string {
  return t.doc !== undefined && t.doc > 0 ? `${t.file} (document ${t.doc + 1})` : t.file;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Input for RuleSet.fromTables (tests and in-memory packs). */
export interface TableInput<T = unknown> {
  id: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sources?: RuleSource[];
  description?: string;
  data: T;
  file?: string;
  layer?: number;
  merge?: 'replace' | 'append';
  mergeKey?: string[];
}

/** A merged view of an `append` table over the lower layers' table in force. */
class MergedTable<T = unknown> implements RuleTable<T> {
  readonly id: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly sources: RuleSource[];
  readonly description: string;
  readonly file: string;
  readonly layer: number;
  readonly merge = 'append' as const;
  readonly mergeKey?: string[];
  readonly mergedFrom: RuleTable<T>[];
  private value: T | undefined;

  constructor(
    private readonly lower: RuleTable<T>,
    private readonly top: RuleTable<T>,
  ) {
    this.id = top.id;
    this.version = `${lower.version}+${top.version}`;
    this.effectiveFrom = lower.effectiveFrom > top.effectiveFrom ? lower.effectiveFrom : top.effectiveFrom;
    const lt = lower.effectiveTo ?? OPEN_END;
    const tt = top.effectiveTo ?? OPEN_END;
    const to = lt < tt ? lt : tt;
    this.effectiveTo = to === OPEN_END ? null : to;
    this.sources = [...top.sources, ...lower.sources];
    this.description = top.description;
    this.file = top.file;
    this.layer = top.layer;
    if (top.mergeKey) this.mergeKey = top.mergeKey;
    this.mergedFrom = [...(lower.mergedFrom ?? [lower]), top];
  }

  get data(): T {
    if (this.value === undefined) {
      const low = this.lower.data;
      const high = this.top.data;
      if (!Array.isArray(low) || !Array.isArray(high)) {
        throw new ConfigError(`merge: append over a table whose data is not a list of rows (${this.lower.file})`, this.top.file, 'merge');
      }
      const key = this.top.mergeKey;
      if (!key) {
        this.value = [...low, ...high] as T;
      } else {
        const k = (r: unknown) => key.map((c) => String((r as Record<string, unknown>)[c] ?? '')).join('\u0000');
        const replaced = new Set(high.map(k));
        this.value = [...low.filter((r) => !replaced.has(k(r))), ...high] as T;
      }
    }
    return this.value;
  }
}

export class RuleSet {
  /** per id: tables sorted by layer descending, then effectiveFrom ascending */
  private readonly byId = new Map<string, RuleTable[]>();
  private readonly all: RuleTable[];
  private readonly pinned = new Map<string, RuleTable>();
  private readonly cache = new Map<string, Map<string, RuleTable | null>>();
  private readonly nearCache = new Map<string, Map<string, RuleTable | null>>();
  private readonly merged = new Map<RuleTable, Map<RuleTable, MergedTable>>();
  private readonly usedTables = new Set<RuleTable>();
  private readonly warningList: RuleProblem[];

  private constructor(tables: RuleTable[], warnings: RuleProblem[]) {
    this.all = [...tables].sort((a, b) => cmp(a.id, b.id) || cmp(a.effectiveFrom, b.effectiveFrom) || a.layer - b.layer);
    for (const t of this.all) {
      const l = this.byId.get(t.id);
      if (l) l.push(t);
      else this.byId.set(t.id, [t]);
    }
    for (const l of this.byId.values()) l.sort((a, b) => b.layer - a.layer || cmp(a.effectiveFrom, b.effectiveFrom));
    this.warningList = warnings;
  }

  /**
   * Load the rule directories (built-in first, then client dirs). Throws ConfigError on the first
   * error (invalid file, overlapping ranges in one layer, unknown pin). CSV data is read on first use
   * unless `eager`; a bad CSV then throws ConfigError from `get()`/`data`.
   */
  static async load(dirs: string[], opts: RuleSetOptions = {}): Promise<RuleSet> {
    const { tables, problems } = await scan(dirs, opts.eager ?? false);
    const first = problems.find((p) => p.level === 'error');
    if (first) throw ConfigError.fromProblem(first);
    const set = new RuleSet(
      tables,
      problems.filter((p) => p.level === 'warning'),
    );
    set.applyPins(opts.pins ?? {}, opts.pinsFile ?? 'facility.yaml');
    return set;
  }

  /** Every problem in the directories (for `rules validate`): all files, all CSV data, overlaps. */
  static async validate(dirs: string[]): Promise<RuleProblem[]> {
    const { problems } = await scan(dirs, true);
    return problems;
  }

  /**
   * An in-memory rule set (tests, generated packs). Data is validated with the registered schema
   * (ConfigError on failure); the same overlap rules as files apply.
   */
  static fromTables(inputs: TableInput[], opts: Omit<RuleSetOptions, 'eager'> = {}): RuleSet {
    const tables: RuleTable[] = [];
    const problems: RuleProblem[] = [];
    for (const inp of inputs) {
      const file = inp.file ?? `<memory:${inp.id}@${inp.version}>`;
      if (!isIsoDate(inp.effectiveFrom) || (inp.effectiveTo !== null && !isIsoDate(inp.effectiveTo))) {
        throw new ConfigError('effective dates must be YYYY-MM-DD', file, 'effectiveFrom');
      }
      const sources = (inp.sources ?? [{ title: 'in-memory table' }]).map((s) => sourceSchema.parse(s) as RuleSource);
      let data: unknown = inp.data;
      const schema = tableSchema(inp.id);
      if (schema) {
        const r = schema.safeParse(inp.data);
        if (!r.success) {
          const p = issuesToProblems(r.error.issues, { file, prefix: ['data'], schema })[0];
          throw p ? ConfigError.fromProblem(p) : new ConfigError('invalid data', file, 'data');
        }
        data = r.data;
      }
      const t: RuleTable = {
        id: inp.id,
        version: inp.version,
        effectiveFrom: inp.effectiveFrom,
        effectiveTo: inp.effectiveTo,
        sources,
        description: inp.description ?? '',
        file,
        layer: inp.layer ?? 0,
        data,
        merge: inp.merge ?? 'replace',
      };
      if (inp.mergeKey) t.mergeKey = inp.mergeKey;
      tables.push(t);
    }
    const layers = new Set(tables.map((t) => t.layer));
    for (const layer of layers) {
      problems.push(...layerConflicts(tables.filter((t) => t.layer === layer)));
    }
    const first = problems[0];
    if (first) throw ConfigError.fromProblem(first);
    const set = new RuleSet(tables, []);
    set.applyPins(opts.pins ?? {}, opts.pinsFile ?? 'facility.yaml');
    return set;
  }

  private applyPins(pins: Record<string, string>, pinsFile: string): void {
    for (const [id, version] of Object.entries(pins)) {
      const list = this.byId.get(id);
      if (!list) {
        throw new ConfigError(`pinned rule table "${id}" is not loaded (known: ${[...this.byId.keys()].join(', ') || 'none'})`, pinsFile, `rules.${id}`);
      }
      const t = list.find((x) => x.version === String(version)); // highest layer first
      if (!t) {
        const versions = [...new Set(list.map((x) => x.version))].join(', ');
        throw new ConfigError(`rule table "${id}" has no version "${version}" (loaded: ${versions})`, pinsFile, `rules.${id}`);
      }
      this.pinned.set(id, t);
    }
  }

  /** All tables, sorted by id, effectiveFrom, layer. */
  tables(): RuleTable[] {
    return [...this.all];
  }

  /** Ids of all loaded tables, sorted. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Warnings found while loading (ids without a schema, stray CSV files). */
  warnings(): RuleProblem[] {
    return [...this.warningList];
  }

  /** The pinned versions in effect (id -> table). */
  pins(): ReadonlyMap<string, RuleTable> {
    return this.pinned;
  }

  /**
   * The table in force on `date` (YYYY-MM-DD): the pinned version if any; else the highest layer
   * holding a version whose [effectiveFrom, effectiveTo] contains the date. Cached per (id, date).
   */
  get<T>(id: string, date: string): RuleTable<T> | undefined {
    let m = this.cache.get(id);
    if (!m) {
      m = new Map();
      this.cache.set(id, m);
    }
    const hit = m.get(date);
    if (hit !== undefined) return (hit ?? undefined) as RuleTable<T> | undefined;
    const list = this.byId.get(id);
    const r = list ? this.resolveInForce(list, date, Infinity, true) : undefined;
    m.set(date, r ?? null);
    if (r) this.markUsed(r);
    return r as RuleTable<T> | undefined;
  }

  /**
   * The table in force on `date`, else the loaded version nearest in time (for quarterly CMS files
   * when the DOS quarter is not loaded). Ties go to the higher layer, then the later version.
   * Compare the returned table's dates with the DOS to know whether it was in force.
   */
  nearest<T>(id: string, date: string): RuleTable<T> | undefined {
    const inForce = this.get<T>(id, date);
    if (inForce) return inForce;
    let m = this.nearCache.get(id);
    if (!m) {
      m = new Map();
      this.nearCache.set(id, m);
    }
    const hit = m.get(date);
    if (hit !== undefined) return (hit ?? undefined) as RuleTable<T> | undefined;
    const list = this.byId.get(id);
    const r = list ? this.resolveNearest(list, date, Infinity) : undefined;
    m.set(date, r ?? null);
    if (r) this.markUsed(r);
    return r as RuleTable<T> | undefined;
  }

  /** The versions get()/nearest() returned at least once, for report.json `rulePacks`. */
  used(): RulePackInfo[] {
    const seen = new Set<string>();
    const out: RulePackInfo[] = [];
    for (const t of this.usedTables) {
      const key = `${t.id}\u0000${t.version}\u0000${t.effectiveFrom}\u0000${t.effectiveTo}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: t.id, version: t.version, effectiveFrom: t.effectiveFrom, effectiveTo: t.effectiveTo });
    }
    return out.sort((a, b) => cmp(a.id, b.id) || cmp(a.effectiveFrom, b.effectiveFrom) || cmp(a.version, b.version));
  }

  private markUsed(t: RuleTable): void {
    if (t.mergedFrom) for (const x of t.mergedFrom) this.usedTables.add(x);
    else this.usedTables.add(t);
  }

  /** Highest layer below `maxLayer` with a version in force (pins apply only at the top call). */
  private resolveInForce(list: RuleTable[], date: string, maxLayer: number, usePin: boolean): RuleTable | undefined {
    let top: RuleTable | undefined;
    const first = list[0];
    const pin = usePin && first ? this.pinned.get(first.id) : undefined;
    if (pin && pin.layer < maxLayer) top = pin;
    else {
      for (const t of list) {
        if (t.layer >= maxLayer) continue;
        if (inRange(date, t.effectiveFrom, t.effectiveTo)) {
          top = t;
          break;
        }
      }
    }
    if (!top || top.merge !== 'append') return top;
    const lower = this.resolveInForce(list, date, top.layer, false);
    return lower ? this.mergedView(lower, top) : top;
  }

  private resolveNearest(list: RuleTable[], date: string, maxLayer: number): RuleTable | undefined {
    const d = dayNumber(date);
    let best: RuleTable | undefined;
    let bestDist = Infinity;
    for (const t of list) {
      if (t.layer >= maxLayer) continue;
      const from = dayNumber(t.effectiveFrom);
      const to = t.effectiveTo === null ? Infinity : dayNumber(t.effectiveTo);
      const dist = d < from ? from - d : d > to ? d - to : 0;
      if (
        dist < bestDist ||
        (dist === bestDist && best && (t.layer > best.layer || (t.layer === best.layer && t.effectiveFrom > best.effectiveFrom)))
      ) {
        best = t;
        bestDist = dist;
      }
    }
    if (!best || best.merge !== 'append') return best;
    const lower = this.resolveInForce(list, date, best.layer, false) ?? this.resolveNearest(list, date, best.layer);
    return lower ? this.mergedView(lower, best) : best;
  }

  private mergedView(lower: RuleTable, top: RuleTable): RuleTable {
    let m = this.merged.get(top);
    if (!m) {
      m = new Map();
      this.merged.set(top, m);
    }
    let v = m.get(lower);
    if (!v) {
      v = new MergedTable(lower, top);
      m.set(lower, v);
    }
    return v;
  }
}
