/** The rule tables' CSV fast path reads exactly what csv-parse reads, or steps aside. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { plainCsv } from '../../src/rules/table-file.js';

const OPTS = { bom: true, skip_empty_lines: true, info: true, trim: true } as const;
const reference = (text: string) =>
  (parseCsv(text, OPTS) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => ({ record: r.record, lines: r.info.lines }));
const fast = (text: string) => plainCsv(text)?.map((r) => ({ record: r.record, lines: r.info.lines }));

function csvFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...csvFiles(p));
    else if (name.endsWith('.csv')) out.push(p);
  }
  return out;
}

describe('plainCsv', () => {
  const root = join(import.meta.dirname, '..', '..');
  const files = [...csvFiles(join(root, 'rules')), ...csvFiles(join(root, 'test', 'fixtures', 'rules'))];

  it('reads every shipped rule CSV as csv-parse does (the CMS tables take the fast path)', () => {
    expect(files.length).toBeGreaterThan(5);
    let taken = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const got = fast(text);
      if (got === undefined) continue;
      taken++;
      expect(got, f).toEqual(reference(text));
    }
    expect(taken).toBeGreaterThan(5);
    expect(fast(readFileSync(join(root, 'rules', 'cms', '2025Q4', 'asp-crosswalk.csv'), 'utf8'))).toBeDefined();
  });

  it.each([
    ['a,b\n1,2\n'],
    ['\uFEFFa,b\r\n 1 , 2 \r\n\r\n3,4'],
    ['a,b\n\n\n1,2\n'],
    ['a,b\n1,\t2\t\n'],
    ['a,b\n,\n'],
    ['a,b\n"Grifols USA, LLC",2\n'],
    ['a,b\n"say ""hi""",\u00fc\n'],
  ])('%j: taken, with the records and lines csv-parse gives', (text) => {
    expect(fast(text)).toBeDefined();
    expect(fast(text)).toEqual(reference(text));
  });

  it.each([
    ['a,b\n" 1,5",2\n', 'a quoted field with a blank at its edge'],
    ['a,b\n "1,5",2\n', 'a blank before the quote'],
    ['a,b\n"1\n5",2\n', 'a field over two lines'],
    ['a,b\n1,2,3\n', 'a record of another width (csv-parse reports it)'],
    ['a,b\n   \n1,2\n', 'a line of blanks'],
    ['a,b\r1,2\r', 'a lone carriage return'],
  ])('%j steps aside: %s', (text) => {
    expect(fast(text)).toBeUndefined();
  });
});
