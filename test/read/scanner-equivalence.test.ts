/**
 * The fast line scanner (src/read/csv.ts splitPlainLine + the fast path of CsvReader.batches) must
 * read every file exactly as csv-parse does: same rows, lines, cells, raw text and issues, also
 * around quotes, multi-line fields, blank lines, stray and unclosed quotes, CRLF/LF/CR and non-ASCII
 * bytes. Random files (fixed seed) and hand-picked ones, read both ways.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvReader, splitPlainLine } from '../../src/read/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'ia-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function readAll(bytes: Buffer, delimiter: string, lineBreaks: 'crlf-lf' | 'cr', scanner: 'fast' | 'csv-parse', headerFields: number) {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const reader = new CsvReader({ path, size: bytes.length, dataStart: 0, delimiter, lineBreaks, encoding: 'utf8', label: 'x.csv', scanner });
  // the header's field count, known up front (open.ts sets it from the header row, which is its own
  // batch; setting it here keeps the comparison independent of how rows are batched)
  reader.headerLength = headerFields;
  reader.headerFields = headerFields;
  const out: unknown[] = [];
  for await (const batch of reader.batches()) {
    for (const pr of batch) out.push({ row: pr.row, line: pr.line, cells: pr.cells, raw: pr.raw, issues: pr.issues.map((i) => `${i.code}:${i.severity}:${i.message}`) });
  }
  return { rows: out, blank: reader.blankRows };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9 .\-/:]{0,8}$/) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ,;]{0,6}$/).map((s) => `"${s}"`) },
  { weight: 1, arbitrary: fc.constantFrom('"a""b"', '"x\ny"', '"x\r\ny"', '5" needle', '"open', '"a"b', 'é', 'Ã©x', '""', ' "q"', '"', 'a"') },
);

describe('fast scanner = csv-parse', () => {
  it('splitPlainLine: plain and simple quoted fields, undefined for anything csv-parse must judge', () => {
    expect(splitPlainLine('a,b,,c,', ',')).toEqual(['a', 'b', '', 'c', '']);
    expect(splitPlainLine('', ',')).toEqual(['']);
    expect(splitPlainLine('"a,b","c""d",e', ',')).toEqual(['a,b', 'c"d', 'e']);
    expect(splitPlainLine('"a",', ',')).toEqual(['a', '']);
    expect(splitPlainLine('5" needle,b', ',')).toBeUndefined();
    expect(splitPlainLine('"open,b', ',')).toBeUndefined();
    expect(splitPlainLine('"a"b,c', ',')).toBeUndefined();
  });

  it('random files read the same both ways (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        async (rows, delim, eol, trailing) => {
          const lines = rows.map((r) => r.join(delim));
          // a blank line now and then
          if (lines.length > 3) lines.splice(2, 0, '');
          const text = lines.join(eol) + (trailing ? eol : '');
          const bytes = Buffer.from(text, 'utf8');
          const mode = eol === '\r' ? 'cr' : 'crlf-lf';
          const h = (rows[0] ?? []).length;
          const a = await readAll(bytes, delim, mode, 'fast', h);
          const b = await readAll(bytes, delim, mode, 'csv-parse', h);
          expect(a).toEqual(b);
        },
      ),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('a large file with a bad row in the middle reads the same both ways', async () => {
    const rows = ['a,b,c'];
    for (let i = 0; i < 30_000; i++) rows.push(i === 15_000 ? '1,"unclosed,3' : i % 97 === 0 ? `"x${i}","y""${i}",z` : `${i},é${i},z`);
    const bytes = Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
    const a = await readAll(bytes, ',', 'crlf-lf', 'fast', 3);
    const b = await readAll(bytes, ',', 'crlf-lf', 'csv-parse', 3);
    expect(a.rows.length).toBe(30_001);
    expect(a).toEqual(b);
  });
});
