import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonReport } from '../../src/report/index.js';
import { RESULT_KEYS } from '../../src/report/json.js';
import { makeFinding, makeResult, pid } from './fixtures.js';
import { mode, tempDir } from './helpers.js';

describe('report.json', () => {
  it('round-trips a small result exactly, fields in model order', async () => {
    const result = makeResult({
      baseline: { path: 'old/report.json', new: 1, known: 3, resolved: 1 },
      resolved: [makeFinding({ id: 'gone1', message: 'was "here"\nbefore' })],
      period: { since: '2024-01-01', until: '2024-03-31' },
      redacted: false,
    });
    const file = path.join(tempDir(), 'report.json');
    await writeJsonReport(file, result);
    const text = fs.readFileSync(file, 'utf8');
    const back = JSON.parse(text) as Record<string, unknown>;
    expect(back).toStrictEqual(JSON.parse(JSON.stringify(result)));
    expect(Object.keys(back)).toEqual(RESULT_KEYS.filter((k) => k in result));
    expect(mode(file)).toBe(0o600);
    // values are data: a formula-looking message is not neutralised in JSON
    expect(text).not.toContain("'=");
  });

  it('keeps finding fields in model order and one finding per line', async () => {
    const f = makeFinding();
    // build the same finding with keys in a scrambled order
    const scrambled = Object.fromEntries(Object.entries(f).reverse()) as typeof f;
    const file = path.join(tempDir(), 'report.json');
    await writeJsonReport(file, makeResult({ exceptions: [scrambled] }));
    const text = fs.readFileSync(file, 'utf8');
    const line = text.split('\n').find((l) => l.includes(`"id":"${f.id}"`));
    expect(line).toBeDefined();
    expect(line?.trim().startsWith(`{"id":"${f.id}","ruleId":`)).toBe(true);
  });

  it('writes unknown extra fields after the known ones', async () => {
    const result = { ...makeResult(), review340b: { lines: 3 } };
    const file = path.join(tempDir(), 'report.json');
    await writeJsonReport(file, result);
    const keys = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
    expect(keys[keys.length - 1]).toBe('review340b');
  });

  it('streams 50k exceptions', async () => {
    const exceptions = Array.from({ length: 50_000 }, (_v, i) =>
      makeFinding({ id: `id${i}`, patientId: pid(i % 9999), message: `finding ${i} with "quotes", <tags> and \u00e9` }),
    );
    const file = path.join(tempDir(), 'report.json');
    await writeJsonReport(file, makeResult({ exceptions }));
    const back = JSON.parse(fs.readFileSync(file, 'utf8')) as { exceptions: { id: string; message: string }[] };
    expect(back.exceptions).toHaveLength(50_000);
    expect(back.exceptions[49_999]?.id).toBe('id49999');
    expect(back.exceptions[7]?.message).toBe('finding 7 with "quotes", <tags> and \u00e9');
  });

  it('writes empty arrays as []', async () => {
    const file = path.join(tempDir(), 'report.json');
    await writeJsonReport(file, makeResult({ exceptions: [], encounters: [] }));
    const back = JSON.parse(fs.readFileSync(file, 'utf8')) as { exceptions: unknown[]; encounters: unknown[] };
    expect(back.exceptions).toEqual([]);
    expect(back.encounters).toEqual([]);
  });
});
