import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXCEPTION_COLUMNS, writeExceptionsCsv } from '../../src/report/index.js';
import { makeFinding } from './fixtures.js';
import { mode, tempDir } from './helpers.js';

describe('exceptions.csv', () => {
  it('has one row per exception with the flattened fields', async () => {
    const f1 = makeFinding({
      evidence: [
        { kind: 'claims', file: 'claims.csv', row: 14 },
        { kind: 'mar', file: 'mar.xlsx', sheet: 'MAR export', row: 3, column: 'stop' },
      ],
      status: 'new',
      amountAtRisk: 12.5,
    });
    const f2 = makeFinding({ message: 'multi\nline, with "quotes"', amountAtRisk: undefined, direction: undefined });
    const file = path.join(tempDir(), 'exceptions.csv');
    await writeExceptionsCsv(file, [f1, f2]);
    expect(mode(file)).toBe(0o600);
    const rows = parse(fs.readFileSync(file, 'utf8')) as string[][];
    expect(rows[0]).toEqual([...EXCEPTION_COLUMNS]);
    expect(rows).toHaveLength(3);
    const rec = Object.fromEntries(EXCEPTION_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(rec).toMatchObject({
      id: f1.id,
      ruleId: 'units.mismatch',
      category: 'units',
      severity: 'warning',
      patientId: 'P0001',
      claimId: 'C0001',
      line: '1',
      serviceDate: '2024-03-04',
      code: 'J9035',
      amountAtRisk: '12.50',
      direction: 'over',
      status: 'new',
      evidence: 'claims.csv!14; mar.xlsx[MAR export]!3',
    });
    expect(rows[2]?.[4]).toBe('multi\nline, with "quotes"');
    expect(rows[2]?.[12]).toBe('');
  });

  it('neutralises formula-looking cells but not plain negative numbers', async () => {
    const f = makeFinding({ message: '=HYPERLINK("http://x")', code: '@SUM(1)', line: '-5', expected: '+cmd', claimId: '-12.50' });
    const file = path.join(tempDir(), 'exceptions.csv');
    await writeExceptionsCsv(file, [f]);
    const rows = parse(fs.readFileSync(file, 'utf8')) as string[][];
    const rec = Object.fromEntries(EXCEPTION_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(rec.message).toBe('\'=HYPERLINK("http://x")');
    expect(rec.code).toBe("'@SUM(1)");
    expect(rec.expected).toBe("'+cmd");
    expect(rec.line).toBe('-5');
    expect(rec.claimId).toBe('-12.50');
  });

  it('writes only the header for no exceptions', async () => {
    const file = path.join(tempDir(), 'exceptions.csv');
    await writeExceptionsCsv(file, []);
    expect(fs.readFileSync(file, 'utf8')).toBe(EXCEPTION_COLUMNS.join(',') + '\n');
  });
});
