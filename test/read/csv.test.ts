import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, openInput } from '../../src/read/index.js';
import { sniffDelimiter } from '../../src/read/sniff.js';
import { CLAIMS_HEADER, errorsOf, readAll, tempDir } from './helpers.js';

const file = tempDir();

function line(i: number, extra = ''): string {
  return `C${i},1,P${i},2025-01-05,Medicare,J9035,${(i % 4) + 1}${extra}`;
}

describe('delimiter sniffing', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('%j (%s), ignoring other delimiters inside quotes', async (d) => {
    const q = (s: string) => `"${s}"`;
    const text = [
      CLAIMS_HEADER.split(',').join(d),
      ['C1', '1', 'P1', '2025-01-05', q('Aetna, Inc; East|West\tDiv'), 'J9035', '2'].join(d),
      ['C2', '2', 'P2', '1/6/2025', 'Cigna', '96413', '1'].join(d),
    ].join('\n');
    const { input, rows } = await readAll('claims', file(`sniff-${d.charCodeAt(0)}.csv`, text));
    expect(input.delimiter).toBe(d);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.record?.payer).toBe('Aetna, Inc; East|West\tDiv');
    expect(rows[1]!.record?.serviceDate).toBe('2025-01-06');
  });

  it('prefers the delimiter that is consistent across records', () => {
    // the header has 2 commas in one name but 3 semicolons, repeated on every record
    const sample = 'a;b,c;d,e;f\n1;2;3;4\n5;6;7;8\n';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('falls back to comma for a single-column file', () => {
    expect(sniffDelimiter('claim_id\nC1\n')).toBe(',');
  });
});

describe('encodings and line breaks', () => {
  it('reads UTF-8 with a BOM (first header still matches, headerRaw has no BOM)', async () => {
    const text = '\uFEFF' + CLAIMS_HEADER + '\n' + line(1) + '\n';
    const { input, rows } = await readAll('claims', file('bom.csv', text));
    expect(input.header[0]).toBe('claim_id');
    expect(input.headerRaw).toBe(CLAIMS_HEADER);
    expect(rows[0]!.record?.claimId).toBe('C1');
  });

  it('reads CRLF files; raw has no line break', async () => {
    const text = CLAIMS_HEADER + '\r\n' + line(1) + '\r\n' + line(2) + '\r\n';
    const { rows } = await readAll('claims', file('crlf.csv', text));
    expect(rows.map((r) => r.raw)).toEqual([line(1), line(2)]);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[1]!.record?.units).toBe(3);
  });

  it('reads old-Mac CR-only files', async () => {
    const text = CLAIMS_HEADER + '\r' + line(1) + '\r' + line(2);
    const { rows } = await readAll('claims', file('cr.csv', text));
    expect(rows.map((r) => r.record?.claimId)).toEqual(['C1', 'C2']);
  });

  it('reads Windows-1252 files (Excel "CSV" on Windows) and keeps byte offsets right', async () => {
    const body = [
      CLAIMS_HEADER,
      'C1,1,P1,2025-01-05,Sécurité Santé,J9035,1',
      'C2,1,P2,2025-01-05,"Ünclosed,J9035,1', // unclosed quote after non-ASCII bytes
      'C3,1,P3,2025-01-05,Café Plan,J9035,1',
    ].join('\n');
    const { input, rows } = await readAll('claims', file('cp1252.csv', Buffer.from(body, 'latin1')));
    expect(input.encoding).toBe('windows-1252');
    expect(rows[0]!.record?.payer).toBe('Sécurité Santé');
    expect(rows[1]!.issues[0]!.code).toBe('malformed-row');
    expect(rows[1]!.raw).toBe('C2,1,P2,2025-01-05,"Ünclosed,J9035,1');
    expect(rows[2]!.record?.payer).toBe('Café Plan');
  });

  it('decodes UTF-8 multi-byte text', async () => {
    const text = CLAIMS_HEADER + '\n' + 'C1,1,P1,2025-01-05,Zoë — “Plan” 健康,J9035,1\n';
    const { input, rows } = await readAll('claims', file('utf8.csv', text));
    expect(input.encoding).toBe('utf8');
    expect(rows[0]!.record?.payer).toBe('Zoë — “Plan” 健康');
    expect(rows[0]!.raw).toBe('C1,1,P1,2025-01-05,Zoë — “Plan” 健康,J9035,1');
  });

  it('reads tab-separated text saved under an .xls name', async () => {
    const text = CLAIMS_HEADER.replace(/,/g, '\t') + '\n' + line(1).replace(/,/g, '\t') + '\n';
    const { input, rows } = await readAll('claims', file('export.xls', text));
    expect(input).toMatchObject({ format: 'csv', delimiter: '\t' });
    expect(rows[0]!.record?.claimId).toBe('C1');
  });

  it('rejects UTF-16 text with a plain message', async () => {
    const p = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLAIMS_HEADER, 'utf16le')]));
    await expect(openInput('claims', p, { inputIndex: 0 })).rejects.toThrow(/UTF-16.*CSV UTF-8/);
  });
});

describe('quoted fields and row numbers', () => {
  it('keeps a quoted field with line breaks in one row; later rows keep spreadsheet numbers', async () => {
    const text = [
      CLAIMS_HEADER + ',note',
      line(1, ',"first line\nsecond line\r\nthird line"'),
      line(2, ',plain'),
      '',
      line(3, ',"x"'),
    ].join('\n');
    const { rows, stats } = await readAll('claims', file('multiline.csv', text));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 7]);
    expect(rows[0]!.cells[7]).toBe('first line\nsecond line\r\nthird line');
    expect(rows[0]!.raw).toBe(line(1, ',"first line\nsecond line\r\nthird line"'));
    expect(rows.every((r) => r.record !== undefined && r.issues.length === 0)).toBe(true);
    expect(stats.rows).toBe(3);
    expect(stats.blankRows).toBe(1);
  });

  it('counts blank lines as rows of the sheet but not as data rows (also before the header)', async () => {
    const text = '\n' + CLAIMS_HEADER + '\n\n' + line(1) + '\n , , \n' + line(2) + '\n\n';
    const { input, rows, stats } = await readAll('claims', file('blank.csv', text));
    expect(input.headerRow).toBe(2);
    expect(rows.map((r) => r.row)).toEqual([4, 6]);
    expect(stats).toMatchObject({ rows: 2, blankRows: 4 });
  });

  it('keeps leading zeros of NDC, revenue code, bill type and ids', async () => {
    const text = CLAIMS_HEADER + ',ndc,revenue_code,bill_type,encounter_id\n' + line(1, ',00069080901,0636,0131,007') + '\n';
    const { rows } = await readAll('claims', file('zeros.csv', text));
    expect(rows[0]!.record).toMatchObject({ ndc: '00069080901', revenueCode: '0636', billType: '0131', encounterId: '007' });
  });

  it('passes every record through unchanged (raw) and reports row counts and sha256', async () => {
    const lines = [CLAIMS_HEADER, line(1), '"C2",1,P2,2025-01-05,"Aetna ""Gold""",J9035,1', line(3)];
    const p = file('raw.csv', lines.join('\r\n'));
    const { input, rows, stats } = await readAll('claims', p);
    expect(input.headerRaw).toBe(CLAIMS_HEADER);
    expect(rows.map((r) => r.raw)).toEqual(lines.slice(1));
    expect(rows[1]!.record?.payer).toBe('Aetna "Gold"');
    expect(stats.rows).toBe(3);
    expect(stats.sha256).toBe(createHash('sha256').update(readFileSync(p)).digest('hex'));
  });

  it('stats() is only complete after rows() finished, and rows() is single pass', async () => {
    const p = file('once.csv', CLAIMS_HEADER + '\n' + line(1) + '\n');
    const input = await openInput('claims', p, { inputIndex: 3 });
    const rows = [];
    for await (const r of input.rows()) rows.push(r);
    expect(rows[0]!.record?.input).toBe(3);
    expect(input.stats().rows).toBe(1);
    expect(() => input.rows()).toThrow(/only be iterated once/);
  });
});

describe('malformed rows never swallow the rest of the file', () => {
  it('unclosed quote at the end: reported on its row', async () => {
    const text = [CLAIMS_HEADER, line(1), 'C2,1,P2,2025-01-05,"Medicare,J9035,1', line(3), line(4)].join('\n');
    const { rows, stats } = await readAll('claims', file('unclosed-eof.csv', text));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows.map((r) => r.record?.claimId)).toEqual(['C1', undefined, 'C3', 'C4']);
    const bad = rows[1]!;
    expect(bad.issues).toHaveLength(1);
    expect(bad.issues[0]).toMatchObject({ code: 'malformed-row', severity: 'error', row: 3 });
    expect(bad.issues[0]!.message).toMatch(/^unclosed-eof\.csv row 3: a quoted field .* never closed.*resumed on the next line/);
    expect(bad.raw).toBe('C2,1,P2,2025-01-05,"Medicare,J9035,1');
    expect(bad.cells[2]).toBe('P2'); // best-effort split, for context
    expect(bad.record).toBeUndefined();
    expect(stats.rows).toBe(4);
  });

  it('unclosed quote closed by a later quote (invalid closing quote)', async () => {
    const text = [CLAIMS_HEADER, 'C1,1,P1,2025-01-05,"Medicare,J9035,1', line(2), 'C3,1,P3,2025-01-05,"Aetna"x,J9035,1', line(4)].join('\n');
    const { rows } = await readAll('claims', file('unclosed-mid.csv', text));
    expect(rows.map((r) => [r.row, r.record?.claimId, r.issues.map((i) => i.code).join()])).toEqual([
      [2, undefined, 'malformed-row'],
      [3, 'C2', ''],
      [4, undefined, 'malformed-row'],
      [5, 'C4', ''],
    ]);
    expect(rows[2]!.issues[0]!.message).toMatch(/row 4: a quoted field is followed by other characters/);
  });

  it('a quote that swallows lines and closes cleanly (field count mismatch) is caught too', async () => {
    const text = [CLAIMS_HEADER, 'C1,1,P1,2025-01-05,"Medicare,J9035,1', 'C2,1,P2,2025-01-05,Aetna,J9035,2"', line(3)].join('\n');
    const { rows } = await readAll('claims', file('swallow.csv', text));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.issues[0]).toMatchObject({ code: 'malformed-row', row: 2 });
    // the swallowed line is read on its own again: a stray quote at its end
    expect(rows[1]!.issues[0]).toMatchObject({ code: 'malformed-row', row: 3 });
    expect(rows[2]!.record?.claimId).toBe('C3');
  });

  it('a long but valid quoted note is read; a record over 128,000 characters is malformed', async () => {
    const note = ('lorem ipsum, "dolor"\n').repeat(5000); // ~110 KB with quotes and line breaks
    const huge = 'x'.repeat(130_000);
    const lines = [CLAIMS_HEADER + ',note', line(1, `,"${note.replace(/"/g, '""')}"`), line(2, `,${huge}`), line(3, ',ok')];
    const { rows } = await readAll('claims', file('long.csv', lines.join('\n')));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]!.cells[7]).toBe(note);
    expect(rows[0]!.issues).toEqual([]);
    expect(rows[1]!.issues[0]!.message).toMatch(/row 3 \(line 5003\): the record is longer than 128,000 characters/);
    expect(rows[2]!.record?.claimId).toBe('C3');
  });

  it('a stray quote inside an unquoted field is read as a character, with a warning', async () => {
    const text = [CLAIMS_HEADER + ',note', line(1, ',5" needle'), line(2, ',ok')].join('\n');
    const { rows } = await readAll('claims', file('stray.csv', text));
    expect(rows[0]!.record?.claimId).toBe('C1');
    expect(rows[0]!.cells[7]).toBe('5" needle');
    expect(rows[0]!.issues).toEqual([expect.objectContaining({ code: 'malformed-row', severity: 'warning', row: 2 })]);
    expect(rows[0]!.raw).toBe(line(1, ',5" needle'));
    expect(rows[1]!.record?.claimId).toBe('C2');
  });

  it('recovers in the middle of a large file without losing or repeating rows', async () => {
    const n = 20000;
    const bad = new Set([3, 7000, 7001, 15000]);
    const lines = [CLAIMS_HEADER];
    for (let i = 1; i <= n; i++) lines.push(bad.has(i) ? `C${i},1,P${i},2025-01-05,"Medicare,J9035,1` : line(i));
    const { rows, stats } = await readAll('claims', file('big.csv', lines.join('\n') + '\n'));
    expect(stats.rows).toBe(n);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: n }, (_, k) => k + 2));
    const malformed = rows.filter((r) => r.issues.some((i) => i.code === 'malformed-row')).map((r) => r.row);
    expect(malformed).toEqual([...bad].map((i) => i + 1));
    const ids = rows.filter((r) => r.record).map((r) => r.record!.claimId);
    expect(ids).toHaveLength(n - bad.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.every((r) => r.record === undefined || r.record.claimId === `C${r.row - 1}`)).toBe(true);
  });
});

describe('field counts', () => {
  it('more fields than the header: error, no record; trailing empty fields are fine', async () => {
    const text = [CLAIMS_HEADER, 'C1,1,P1,2025-01-05,Aetna, Inc,J9035,1', line(2, ',,'), line(3)].join('\n');
    const { rows } = await readAll('claims', file('extra.csv', text));
    expect(rows[0]!.record).toBeUndefined();
    expect(rows[0]!.issues).toEqual([
      expect.objectContaining({ code: 'extra-fields', severity: 'error', row: 2, message: expect.stringMatching(/8 fields but the header has 7/) }),
    ]);
    expect(rows[1]!.issues).toEqual([]);
    expect(rows[1]!.record?.claimId).toBe('C2');
  });

  it('fewer fields: warning, missing cells read as empty', async () => {
    const text = [CLAIMS_HEADER + ',charge', line(1), 'C2,1,P2'].join('\n');
    const { rows } = await readAll('claims', file('fewer.csv', text));
    expect(rows[0]!.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(['missing-fields:warning']);
    expect(rows[0]!.record?.charge).toBeUndefined();
    const codes = rows[1]!.issues.map((i) => `${i.code}:${i.column ?? ''}`);
    expect(codes).toEqual([
      'missing-fields:',
      'missing-required:service_date',
      'missing-required:payer',
      'missing-required:code',
      'missing-required:units',
    ]);
    expect(rows[1]!.record).toBeUndefined();
  });

  it('a repeated header row (joined exports) is a warning, not data', async () => {
    const text = [CLAIMS_HEADER, line(1), CLAIMS_HEADER, line(2)].join('\n');
    const { rows } = await readAll('claims', file('rehead.csv', text));
    expect(rows[1]!.issues).toEqual([expect.objectContaining({ code: 'malformed-row', severity: 'warning', row: 3 })]);
    expect(rows[1]!.record).toBeUndefined();
    expect(errorsOf(rows)).toEqual([]);
  });
});

describe('fatal input errors', () => {
  it.each([
    ['missing file', () => file('nope.csv'), /nope\.csv: file not found/],
    ['empty file', () => file('empty.csv', ''), /empty\.csv: no header row/],
    ['only blank lines', () => file('blank-only.csv', '\n\n \n'), /no header row/],
    ['a directory', () => file(''), /is a directory/],
    ['legacy xls', () => file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])), /legacy Excel \.xls/],
    ['an .xlsx that is not a zip', () => file('fake.xlsx', 'a,b\n'), /not a valid \.xlsx/],
    ['unreadable header', () => file('badhead.csv', 'claim_id,"line\n'), /badhead\.csv row 1: .*header row cannot be read/],
  ])('%s', async (_name, make, re) => {
    const err = await openInput('claims', make(), { inputIndex: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(re);
  });
});
