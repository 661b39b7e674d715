import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AnnotatedCsvWriter } from '../../src/report/index.js';
import { mode, tempDir } from './helpers.js';

async function annotate(
  rows: { raw?: string; cells: string[] }[],
  opts: { delimiter: string; header: string[]; headerRaw?: string; eol?: string },
): Promise<string> {
  const file = path.join(tempDir(), 'claims.csv');
  const w = await AnnotatedCsvWriter.open(file, opts);
  for (const r of rows) w.write(r, 'warning', 'units.mismatch: billed 3; dose supports 2');
  await w.close();
  expect(mode(file)).toBe(0o600);
  return fs.readFileSync(file, 'utf8');
}

describe('annotated CSV', () => {
  it('passes raw text through unchanged with a ; delimiter and appends the audit fields', async () => {
    const text = await annotate(
      [
        { raw: 'C1;1;"P0001";J9035;3\r\n', cells: ['C1', '1', 'P0001', 'J9035', '3'] },
        { raw: 'C2;2;P0002;"J 1100";-5', cells: ['C2', '2', 'P0002', 'J 1100', '-5'] },
      ],
      { delimiter: ';', header: ['claim', 'line', 'mrn', 'code', 'units'], headerRaw: 'claim;line;mrn;code;units\r' },
    );
    expect(text).toBe(
      'claim;line;mrn;code;units;audit_status;audit_findings\n' +
        'C1;1;"P0001";J9035;3;warning;"units.mismatch: billed 3; dose supports 2"\n' +
        'C2;2;P0002;"J 1100";-5;warning;"units.mismatch: billed 3; dose supports 2"\n',
    );
  });

  it('passes a raw record with a quoted newline through', async () => {
    const text = await annotate(
      [{ raw: 'C1,"two\r\nlines"\r\n', cells: ['C1', 'two\r\nlines'] }],
      { delimiter: ',', header: ['a', 'b'] },
    );
    expect(text).toBe('a,b,audit_status,audit_findings\nC1,"two\r\nlines",warning,units.mismatch: billed 3; dose supports 2\n');
    const rows = parse(text) as string[][];
    expect(rows[1]?.[1]).toBe('two\r\nlines');
  });

  it('re-serialises a row when a cell needs neutralising', async () => {
    const text = await annotate(
      [{ raw: 'C1;=1+2;x', cells: ['C1', '=1+2', 'x'] }],
      { delimiter: ';', header: ['a', 'b', 'c'], headerRaw: 'a;b;c' },
    );
    const rows = parse(text, { delimiter: ';' }) as string[][];
    expect(rows[1]).toEqual(['C1', "'=1+2", 'x', 'warning', 'units.mismatch: billed 3; dose supports 2']);
  });

  it('quotes cells holding the delimiter, quotes or newlines when there is no raw text', async () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'];
    const text = await annotate([{ cells }], { delimiter: ',', header: ['h1', 'h2', 'h3', 'h4', 'h5'] });
    expect(text.split('\n')[1]).toBe('"a,b","say ""hi""","two');
    const rows = parse(text) as string[][];
    expect(rows[1]?.slice(0, 5)).toEqual(cells);
    expect(rows[1]?.[5]).toBe('warning');
  });

  it('pads short rows so the audit columns line up, and neutralises the header when needed', async () => {
    const text = await annotate(
      [{ raw: 'C1|1', cells: ['C1', '1'] }],
      { delimiter: '|', header: ['@id', 'line', 'code'], headerRaw: '@id|line|code', eol: '\r\n' },
    );
    expect(text).toBe(
      "'@id|line|code|audit_status|audit_findings\r\n" + 'C1|1||warning|units.mismatch: billed 3; dose supports 2\r\n',
    );
  });

  it('writes 500k rows quickly and in bounded memory', async () => {
    const file = path.join(tempDir(), 'big.csv');
    const header = ['claim_id', 'line', 'patient_id', 'service_date', 'payer', 'code', 'units', 'ndc'];
    const w = await AnnotatedCsvWriter.open(file, { delimiter: ',', header, headerRaw: header.join(',') });
    const t0 = performance.now();
    const heap0 = process.memoryUsage().heapUsed;
    let peak = 0;
    for (let i = 0; i < 500_000; i++) {
      const cells = [`C${i}`, '1', `P${i % 10000}`, '2024-03-04', 'Medicare', 'J9035', '3', '00000000001'];
      w.write({ raw: cells.join(','), cells }, i % 7 === 0 ? 'warning' : 'ok', i % 7 === 0 ? 'units.mismatch: x' : '');
      if (i % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
    }
    await w.close();
    const ms = performance.now() - t0;
    expect(w.rows).toBe(500_000);
    expect(fs.readFileSync(file, 'utf8').split('\n').length).toBe(500_002);
    expect(ms).toBeLessThan(5000);
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  });
});
