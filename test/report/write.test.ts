import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotatedCsvWriter, Staging, writeReports, type Format } from '../../src/report/index.js';
import { makeFlagged, makeResult } from './fixtures.js';
import { mode, tempDir } from './helpers.js';

describe('writeReports', () => {
  it('writes the chosen formats and the annotated CSVs atomically into outDir, owner-only', async () => {
    const out = path.join(tempDir(), 'audit-out');
    const result = makeResult();
    const stage = await Staging.create(out);
    const w = await AnnotatedCsvWriter.open(stage.path('annotated/claims.csv'), { delimiter: ',', header: ['a'] });
    w.write({ cells: ['1'] }, 'ok', '');
    await w.close();
    await writeReports(stage, { result, flagged: makeFlagged(result) }, new Set<Format>(['json', 'csv', 'xlsx', 'html']));
    const finals = await stage.commit();
    expect(finals.map((f) => path.relative(out, f))).toEqual([
      path.join('annotated', 'claims.csv'),
      'audit.xlsx',
      'exceptions.csv',
      'report.html',
      'report.json',
    ]);
    expect(fs.readdirSync(out).sort()).toEqual(['annotated', 'audit.xlsx', 'exceptions.csv', 'report.html', 'report.json']);
    for (const f of finals) expect(mode(f)).toBe(0o600);
    expect(mode(out)).toBe(0o700);
  });

  it('writes only the requested formats', async () => {
    const out = tempDir();
    const stage = await Staging.create(out);
    await writeReports(stage, { result: makeResult(), flagged: [] }, new Set<Format>(['json', 'csv']));
    await stage.commit();
    expect(fs.readdirSync(out).sort()).toEqual(['exceptions.csv', 'report.json']);
  });
});
