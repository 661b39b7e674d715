import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  RuleSet,
  builtinRulesDir,
  cell,
  formatProblem,
  formatRuleList,
  formatRuleShow,
  registerTableSchema,
} from '../../src/rules/index.js';
import type { NdcFormatData, NocCodesData, RuleProblem } from '../../src/rules/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fx = resolve(here, '../fixtures/rules');
const base = join(fx, 'base');
const client = join(fx, 'client');
const bad = join(fx, 'bad');

registerTableSchema('test-widgets', z.array(z.strictObject({ code: cell.code, size: cell.number })));
registerTableSchema('test-quarterly', z.strictObject({ release: z.string().optional() }));
registerTableSchema('test-container', z.array(z.strictObject({ ndc: z.string(), container: z.enum(['single-dose', 'multi-dose']) })));

type Widget = { code: string; size: number }[];

describe('built-in rules', () => {
  it('builtinRulesDir finds the repository rules/ folder', () => {
    const dir = builtinRulesDir();
    expect(basename(dir)).toBe('rules');
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
    expect(existsSync(join(dir, '..', 'package.json'))).toBe(true);
  });

  it('the shipped rules validate with no errors', async () => {
    const problems = await RuleSet.validate([builtinRulesDir()]);
    expect(problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([]);
  });

  it.each([
    ['1999-12-31', undefined, undefined],
    ['2000-01-01', '1', 11],
    ['2025-11-18', '1', 11],
    ['2033-03-06', '1', 11],
    ['2033-03-07', '2', 12],
    ['2040-01-01', '2', 12],
  ])('ndc-format on %s is version %s (%s digits)', async (date, version, digits) => {
    const set = await RuleSet.load([builtinRulesDir()]);
    const t = set.get<NdcFormatData>('ndc-format', date);
    expect(t?.version).toBe(version);
    expect(t?.data.digits).toBe(digits);
  });

  it('ndc-format versions carry the documented data', async () => {
    const set = await RuleSet.load([builtinRulesDir()]);
    const v1 = set.get<NdcFormatData>('ndc-format', '2033-03-06')!.data;
    expect(v1.segments).toEqual([5, 4, 2]);
    expect(v1.stripPrefixes).toEqual(['N4']);
    expect(Object.keys(v1.unitQualifiers)).toEqual(['UN', 'ML', 'GR', 'F2', 'ME']);
    expect(v1.fdaLayouts).toEqual([
      [4, 4, 2],
      [5, 3, 2],
      [5, 4, 1],
    ]);
    expect(v1.provisional).toBe(false);
    const v2 = set.get<NdcFormatData>('ndc-format', '2033-03-07')!;
    expect(v2.data.segments).toEqual([6, 4, 2]);
    expect(v2.data.alsoAccepted.map((a) => a.digits)).toEqual([11]);
    expect(v2.data.provisional).toBe(true);
    expect(v2.sources.some((s) => s.url?.includes('2026-04368'))).toBe(true);
    expect(v2.description).toMatch(/PROVISIONAL/);
  });

  it('noc-codes lists the five NOC codes, C9399 for Medicare OPPS only', async () => {
    const set = await RuleSet.load([builtinRulesDir()]);
    const t = set.get<NocCodesData>('noc-codes', '2025-10-01')!;
    expect(t.data.codes.map((c) => c.code).sort()).toEqual(['C9399', 'J3490', 'J3590', 'J7999', 'J9999']);
    expect(t.data.codes.find((c) => c.code === 'C9399')?.scope).toBe('medicare-opps-asc');
    expect(t.sources.length).toBeGreaterThan(0);
  });
});

describe('RuleSet.load and get', () => {
  it('loads valid tables, sorted by id and effectiveFrom, CSV data on first use', async () => {
    const set = await RuleSet.load([base]);
    expect(set.tables().map((t) => `${t.id}@${t.version}`)).toEqual([
      'test-container@1',
      'test-quarterly@2025Q1',
      'test-quarterly@2025Q3',
      'test-widgets@1',
      'test-widgets@2',
    ]);
    const t = set.get<Widget>('test-widgets', '2025-02-01')!;
    expect(t.dataFile?.endsWith('widget-sizes-v2.csv')).toBe(true);
    // the schema converts CSV strings ("1,000" -> 1000)
    expect(t.data).toEqual([
      { code: 'J1111', size: 20 },
      { code: 'J2222', size: 1000 },
    ]);
    const q = set.get('test-quarterly', '2025-02-01')!;
    expect(q.sources[0]?.sha256).toMatch(/^0+ab$/);
  });

  it('chooses the version on both sides of a boundary and nothing outside all ranges', async () => {
    const set = await RuleSet.load([base]);
    expect(set.get('test-widgets', '2024-12-31')?.version).toBe('1');
    expect(set.get('test-widgets', '2025-01-01')?.version).toBe('2');
    expect(set.get('test-widgets', '2019-12-31')).toBeUndefined();
    expect(set.get('no-such-table', '2025-01-01')).toBeUndefined();
    // cached: the same object for the same (id, date)
    expect(set.get('test-widgets', '2025-01-01')).toBe(set.get('test-widgets', '2025-01-01'));
  });

  it('a client layer overrides the built-in table only inside its own range', async () => {
    const set = await RuleSet.load([base, client]);
    const cases: [string, string, number][] = [
      ['2024-06-30', '1', 0],
      ['2024-07-01', 'client-2024H2', 1],
      ['2024-12-31', 'client-2024H2', 1],
      ['2025-01-01', '2', 0],
    ];
    for (const [date, version, layer] of cases) {
      const t = set.get<Widget>('test-widgets', date);
      expect([date, t?.version, t?.layer]).toEqual([date, version, layer]);
    }
    expect(set.get<Widget>('test-widgets', '2024-08-01')!.data).toEqual([{ code: 'J1111', size: 15 }]);
  });

  it('merge: append adds client rows to the lower table and replaces rows with the same key', async () => {
    const set = await RuleSet.load([base, client]);
    const before = set.get<{ ndc: string; container: string }[]>('test-container', '2022-06-01')!;
    expect(before.version).toBe('1');
    expect(before.data).toHaveLength(2);
    const merged = set.get<{ ndc: string; container: string }[]>('test-container', '2024-06-01')!;
    expect(merged.version).toBe('1+client-1');
    expect(merged.data).toEqual([
      { ndc: '00000-0000-01', container: 'single-dose' },
      { ndc: '00000-0000-02', container: 'single-dose' },
      { ndc: '00000-0000-03', container: 'multi-dose' },
    ]);
    expect(merged.mergedFrom?.map((t) => t.version)).toEqual(['1', 'client-1']);
    expect(set.used().map((u) => `${u.id}@${u.version}`)).toEqual(['test-container@1', 'test-container@client-1']);
  });

  it('pins a version for every date, and rejects unknown pins', async () => {
    const set = await RuleSet.load([base, client], { pins: { 'test-widgets': '1' } });
    expect(set.get('test-widgets', '2026-06-01')?.version).toBe('1');
    expect(set.get('test-widgets', '2024-08-01')?.version).toBe('1');
    await expect(RuleSet.load([base], { pins: { 'test-widgets': '7' } })).rejects.toMatchObject({
      name: 'ConfigError',
      file: 'facility.yaml',
      path: 'rules.test-widgets',
    });
    const err = await RuleSet.load([base], { pins: { 'no-such': '1' }, pinsFile: '/x/facility.yaml' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/no-such.*not loaded/);
  });

  it('nearest() falls back to the closest loaded version in time', async () => {
    const set = await RuleSet.load([base]);
    const cases: [string, string][] = [
      ['2025-02-15', '2025Q1'], // in force
      ['2025-04-10', '2025Q1'], // 10 days after Q1, 82 before Q3
      ['2025-06-20', '2025Q3'], // 11 days before Q3
      ['2025-12-31', '2025Q3'],
      ['2024-01-01', '2025Q1'],
    ];
    for (const [date, version] of cases) expect([date, set.nearest('test-quarterly', date)?.version]).toEqual([date, version]);
    expect(set.get('test-quarterly', '2025-04-10')).toBeUndefined();
    expect(set.nearest('no-such', '2025-01-01')).toBeUndefined();
  });

  it('used() lists only the versions returned, sorted, each once', async () => {
    const set = await RuleSet.load([base, client]);
    expect(set.used()).toEqual([]);
    set.get('test-widgets', '2025-03-01');
    set.get('test-widgets', '2025-03-02');
    set.get('test-widgets', '2024-08-01');
    set.nearest('test-quarterly', '2025-05-01');
    set.get('test-widgets', '1990-01-01');
    expect(set.used()).toEqual([
      { id: 'test-quarterly', version: '2025Q1', effectiveFrom: '2025-01-01', effectiveTo: '2025-03-31' },
      { id: 'test-widgets', version: 'client-2024H2', effectiveFrom: '2024-07-01', effectiveTo: '2024-12-31' },
      { id: 'test-widgets', version: '2', effectiveFrom: '2025-01-01', effectiveTo: null },
    ]);
  });

  it('get() is fast enough to call per claim line', async () => {
    const set = await RuleSet.load([builtinRulesDir()]);
    const dates = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < 500_000; i++) if (set.get('ndc-format', dates[i % 365] as string)) n++;
    const ms = performance.now() - t0;
    expect(n).toBe(500_000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('RuleSet.validate and errors', () => {
  function find(problems: RuleProblem[], file: string, path?: string): RuleProblem[] {
    return problems.filter((p) => basename(p.file) === file && (path === undefined || p.path === path));
  }

  it('reports every problem with file, path and line', async () => {
    const problems = await RuleSet.validate([bad]);
    const types = find(problems, 'bad-types.yaml');
    expect(types.map((p) => [p.path, p.line, p.level])).toEqual([
      ['data.digits', 8, 'error'],
      ['data.fdaLayouts[0][2]', 13, 'error'],
    ]);
    expect(types[0]?.message).toMatch(/expected number/);

    const missing = find(problems, 'missing-sources.yaml');
    expect(missing.map((p) => p.path).sort()).toEqual(['effectiveFrom', 'sources']);
    expect(missing.find((p) => p.path === 'sources')?.message).toMatch(/at least one source/);
    expect(missing.find((p) => p.path === 'effectiveFrom')?.line).toBe(3);

    const typo = find(problems, 'unknown-key.yaml');
    expect(typo.map((p) => p.path).sort()).toEqual(['effectivFrom', 'effectiveFrom']);
    const unknown = typo.find((p) => p.path === 'effectivFrom');
    expect(unknown?.message).toMatch(/unknown key "effectivFrom" \(did you mean "effectiveFrom"\?\)/);
    expect(unknown?.line).toBe(3);

    const syntax = find(problems, 'syntax.yaml');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.message).toMatch(/^YAML syntax/);
    expect(syntax[0]?.line).toBeGreaterThan(0);

    const csv = find(problems, 'bad-csv.csv');
    expect(csv.map((p) => [p.path, p.line])).toEqual([['row 3, column size', 3]]);
    expect(csv[0]?.message).toMatch(/expected a number, got "ten"/);

    const both = find(problems, 'both-data.yaml');
    expect(both.map((p) => p.path).sort()).toEqual(['dataFile', 'sources[0].url']);

    const overlap = problems.filter((p) => /overlaps/.test(p.message));
    expect(overlap).toHaveLength(1);
    expect(basename(overlap[0]!.file)).toBe('overlap-b.yaml');
    expect(overlap[0]!.message).toMatch(/2025-06-01\.\.open.*version a \(2025-01-01\.\.2025-06-30\)/);

    const warnings = problems.filter((p) => p.level === 'warning').map((p) => basename(p.file));
    expect(warnings.sort()).toEqual(['no-schema.yaml', 'orphan.csv']);
  });

  it('formats problems as file:line: path: message', async () => {
    const problems = await RuleSet.validate([bad]);
    const p = find(problems, 'bad-types.yaml', 'data.digits')[0]!;
    expect(formatProblem(p)).toMatch(/test\/fixtures\/rules\/bad\/bad-types\.yaml:8: data\.digits: expected number, received string$/);
    expect(formatProblem(problems.find((x) => x.level === 'warning')!)).toMatch(/^warning: /);
  });

  it('load() throws a ConfigError for the first invalid file', async () => {
    const err = await RuleSet.load([bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const c = err as ConfigError;
    expect(c.file).toMatch(/bad-csv\.yaml$|bad-csv\.csv$|bad-types\.yaml$|both-data\.yaml$/);
    expect(c.message).toContain(c.detail);
  });

  it('load() reads CSV data on first use; a bad cell then throws a ConfigError with row and column', async () => {
    const set = await RuleSet.load([join(fx, 'lazy')]);
    const t = set.get('test-widgets', '2019-06-01')!;
    expect(t.version).toBe('4');
    let err: unknown;
    try {
      void t.data;
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err).toMatchObject({ path: 'row 3, column size', line: 3 });
    expect(basename((err as ConfigError).file)).toBe('bad-csv.csv');
    expect((err as ConfigError).message).toMatch(/bad-csv\.csv:3: row 3, column size: expected a number, got "ten"$/);
    // eager loading reports it at load time
    await expect(RuleSet.load([join(fx, 'lazy')], { eager: true })).rejects.toBeInstanceOf(ConfigError);
  });

  it('base and client fixtures validate without errors', async () => {
    const problems = await RuleSet.validate([base, client]);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('a missing directory is an error', async () => {
    const problems = await RuleSet.validate([join(fx, 'does-not-exist')]);
    expect(problems).toEqual([expect.objectContaining({ level: 'error', message: 'rules directory not found' })]);
    await expect(RuleSet.load([join(fx, 'does-not-exist')])).rejects.toBeInstanceOf(ConfigError);
  });

  it('fromTables validates data and overlapping ranges', () => {
    const ok = RuleSet.fromTables([
      { id: 'test-quarterly', version: 'a', effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31', data: { release: 'a' } },
      { id: 'test-quarterly', version: 'b', effectiveFrom: '2021-01-01', effectiveTo: null, data: { release: 'b' } },
    ]);
    expect(ok.get('test-quarterly', '2021-01-01')?.version).toBe('b');
    expect(() =>
      RuleSet.fromTables([{ id: 'test-widgets', version: '1', effectiveFrom: '2020-01-01', effectiveTo: null, data: [{ code: 'J1', size: '1' }] }]),
    ).toThrow(/data\[0\]\.code/);
    expect(() =>
      RuleSet.fromTables([
        { id: 'test-quarterly', version: 'a', effectiveFrom: '2020-01-01', effectiveTo: null, data: {} },
        { id: 'test-quarterly', version: 'b', effectiveFrom: '2021-01-01', effectiveTo: null, data: {} },
      ]),
    ).toThrow(/overlaps/);
  });
});

describe('rules list / show', () => {
  it('lists every version with its range and layer', async () => {
    const set = await RuleSet.load([base, client], { pins: { 'test-quarterly': '2025Q3' } });
    const out = formatRuleList(set);
    expect(out).toMatch(/^ID\s+VERSION\s+EFFECTIVE\s+LAYER\s+DESCRIPTION/);
    expect(out).toMatch(/test-widgets\s+client-2024H2\s+2024-07-01 \.\. 2024-12-31\s+client 1/);
    expect(out).toMatch(/test-widgets\s+2\s+2025-01-01 \.\. open\s+built-in/);
    expect(out).toMatch(/2025Q3 \(pinned\)/);
    expect(out).toMatch(/3 tables, 7 versions\./);
  });

  it('shows one table with sources and data, undefined for an unknown id', async () => {
    const set = await RuleSet.load([base, client]);
    const out = formatRuleShow(set, 'test-widgets')!;
    expect(out).toMatch(/test-widgets version 1\n\s+effective: 2020-01-01 \.\. 2024-12-31/);
    expect(out).toMatch(/https:\/\/example\.org\/widgets/);
    expect(out).toMatch(/2 rows; columns: code, size/);
    expect(out).toMatch(/J2222\s+1000/);
    expect(formatRuleShow(set, 'nope')).toBeUndefined();
  });
});
