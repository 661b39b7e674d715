import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, normaliseHeader, parseDate, parseDateTime, parseLeadingDate, parseNumber, serialToIso } from '../../src/read/index.js';

describe('parseDate', () => {
  it.each([
    ['2025-01-05', '2025-01-05'],
    [' 2025-01-05 ', '2025-01-05'],
    ['2025/1/5', '2025-01-05'],
    ['2025.01.05', '2025-01-05'],
    ['1/5/2025', '2025-01-05'],
    ['01/05/2025', '2025-01-05'],
    ['01-05-2025', '2025-01-05'],
    ['12/31/9999', '9999-12-31'],
    ['1/5/25', '2025-01-05'],
    ['1/5/29', '2029-01-05'],
    ['1/5/30', '1930-01-05'],
    ['20250105', '2025-01-05'],
    ['05-Jan-2025', '2025-01-05'],
    ['5 JAN 25', '2025-01-05'],
    ['Jan 5, 2025', '2025-01-05'],
    ['January 5 2025', '2025-01-05'],
    ['45658', '2025-01-01'],
    ['45658.75', '2025-01-01'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['2025-01-05T13:05:00', '2025-01-05'],
    ['2025-01-05 13:05', '2025-01-05'],
    ['01/05/2025 1:05 PM', '2025-01-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%s -> %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it.each([
    '', '   ', 'abc', '13/45/2025', '2/30/2025', '2025-02-29', '2025-13-01', '0', '60' /* 1900-02-29 does not exist */,
    '05.01.2025' /* day-first: ambiguous, rejected */, '1/5/202', '2025-01-05T25:00', '2025-01-05Z',
    '2025-01-05T13:05:00Z', '2025-01-05 13:05 +01:00', '1899-12-31', '99999999', '3000000', '-1', 'Foo 5, 2025',
    '2025-01-05x',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('round-trips every valid ISO date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate(iso)).toBe(iso);
        const [y, m, dd] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDate(`${m}/${dd}/${y}`)).toBe(iso);
      }),
    );
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2025-01-05T13:05:00', '2025-01-05T13:05:00'],
    ['2025-01-05 13:05', '2025-01-05T13:05:00'],
    ['2025-01-05  13:05:30.250', '2025-01-05T13:05:30'],
    ['1/5/2025 13:05', '2025-01-05T13:05:00'],
    ['01/05/2025 13:05', '2025-01-05T13:05:00'],
    ['1/5/2025 1:05 PM', '2025-01-05T13:05:00'],
    ['1/5/2025 1:05PM', '2025-01-05T13:05:00'],
    ['1/5/2025 1:05:30 pm', '2025-01-05T13:05:30'],
    ['1/5/2025 1:05 p', '2025-01-05T13:05:00'],
    ['1/5/2025 1:05 a.m.', '2025-01-05T01:05:00'],
    ['1/5/2025 12:00 AM', '2025-01-05T00:00:00'],
    ['1/5/2025 12:30 PM', '2025-01-05T12:30:00'],
    ['1/5/2025 0:15', '2025-01-05T00:15:00'],
    ['1/5/2025 1305', '2025-01-05T13:05:00'],
    ['Jan 5, 2025 9:00 AM', '2025-01-05T09:00:00'],
    ['45658.5', '2025-01-01T12:00:00'],
    ['45658.0', '2025-01-01T00:00:00'],
    ['45658.99999999', '2025-01-02T00:00:00'],
    // the fast path's forms and their neighbours
    ['2025-01-05t13:05', '2025-01-05T13:05:00'],
    ['2025-01-05T13:05', '2025-01-05T13:05:00'],
    ['2025-01-05 13:05:59', '2025-01-05T13:05:59'],
    ['2024-02-29 23:59', '2024-02-29T23:59:00'],
    ['2025-1-05 13:05', '2025-01-05T13:05:00'],
    ['2025/01/05 13:05', '2025-01-05T13:05:00'],
    ['2025-01-05,13:05', '2025-01-05T13:05:00'],
    ['2025-01-05 1:05', '2025-01-05T01:05:00'],
  ])('%s -> %s', (text, want) => {
    expect(parseDateTime(text)).toBe(want);
  });

  it('reads YYYY-MM-DD HH:MM[:SS] exactly as the calendar and clock allow (fixed-seed sweep)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const p2 = (n: number): string => String(n).padStart(2, '0');
    for (let i = 0; i < 3000; i++) {
      const y = 1999 + rnd(30), m = rnd(14), d = rnd(33), h = rnd(26), mi = rnd(62), sec = rnd(62);
      const withSec = rnd(2) === 0;
      const sep = [' ', 'T', 't'][rnd(3)] as string;
      const text = `${y}-${p2(m)}-${p2(d)}${sep}${p2(h)}:${p2(mi)}${withSec ? `:${p2(sec)}` : ''}`;
      const dt = new Date(Date.UTC(y, m - 1, d));
      const validDate = m >= 1 && m <= 12 && d >= 1 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
      const valid = validDate && h <= 23 && mi <= 59 && (!withSec || sec <= 59);
      const want = valid ? `${y}-${p2(m)}-${p2(d)}T${p2(h)}:${p2(mi)}:${withSec ? p2(sec) : '00'}` : undefined;
      expect(parseDateTime(text), text).toBe(want);
    }
  });

  it.each([
    '2025-01-05', '45658', '1/5/2025 13:05 PM', '1/5/2025 0:05 AM', '1/5/2025 24:00', '1/5/2025 13:60', '1/5/2025 13:05:61',
    '1/5/2025 2500', '13:05', '2025-01-05T13:05Z', '2025-02-29 10:00', '2025-01-05 24:00', '2025-01-05 23:60', '2025-01-05 13:05:60',
    '2025-01-05 13-05', '2025-01-05x13:05', '2025-01-05 13:05 +0100', 'not a date 13:05',
  ])('rejects %j', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });
});

describe('parseLeadingDate', () => {
  it.each([
    ['1/5/2025 25:99', '2025-01-05'],
    ['2025-01-05Tgarbage', '2025-01-05'],
    ['1/5/2025', '2025-01-05'],
    ['01/05/2025 1:05 PM', '2025-01-05'],
    ['garbage', undefined],
    ['1/5/2025garbage', undefined],
  ])('%s -> %s', (text, want) => {
    expect(parseLeadingDate(text)).toBe(want);
  });
});

describe('serialToIso (both date systems)', () => {
  it.each([
    [45658, false, false, '2025-01-01'],
    [45662.5454861111, false, true, '2025-01-05T13:05:30'],
    [44200, true, false, '2025-01-05'],
    [44200.25, true, true, '2025-01-05T06:00:00'],
    [0, true, false, '1904-01-01'],
    [1, false, false, '1900-01-01'],
    [60, false, false, undefined],
    [61, false, false, '1900-03-01'],
    [2958465, false, false, '9999-12-31'],
    [2958466, false, false, undefined],
    [-1, false, false, undefined],
  ])('%d (1904: %s, time: %s) -> %s', (serial, d1904, withTime, want) => {
    expect(serialToIso(serial, d1904, withTime)).toBe(want);
  });

  it('a serial and its 1904 twin name the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2_000_000 }), (s) => {
        expect(serialToIso(s - 1462, true, false)).toBe(serialToIso(s, false, false));
      }),
    );
  });
});

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    [' 3 ', 3],
    ['-3.5', -3.5],
    ['+2', 2],
    ['.5', 0.5],
    ['12.', 12],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['$12.00', 12],
    ['$ 1,200.50', 1200.5],
    ['-$5', -5],
    ['$-5', -5],
    ['(12.00)', -12],
    ['($1,000)', -1000],
    ['0', 0],
    ['-0', 0],
  ])('%j -> %d', (text, want) => {
    expect(parseNumber(text)).toBe(want);
  });

  it.each(['', ' ', 'abc', '12,5', '1,23', '1.2.3', '5 mg', '1e3', '--5', '(-5)', '$', '12$', 'NaN', 'Infinity', '1 000'])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );

  it('reads back every formatted number to the 15 significant digits formatNumber keeps', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const back = parseNumber(formatNumber(n));
        expect(back).toBeDefined();
        // 15 significant digits: relative error at most 5e-15, plus a floor for values near zero
        expect(Math.abs((back as number) - n)).toBeLessThanOrEqual(Math.max(Math.abs(n) * 1e-14, 1e-15));
      }),
    );
  });

  it('reads back a large value with a fraction (15 significant digits, as Excel keeps)', () => {
    const n = -161087882.9666495;
    expect(formatNumber(n)).toBe('-161087882.96665');
    expect(parseNumber(formatNumber(n))).toBe(-161087882.96665);
  });
});

describe('formatNumber', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [12, '12'],
    [69080901, '69080901'],
    [1234.5, '1234.5'],
    [-2.675, '-2.675'],
  ])('%d -> %s', (n, want) => {
    expect(formatNumber(n)).toBe(want);
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['HCPCS/CPT', 'hcpcscpt'],
    ['Date of Service', 'dateofservice'],
    ['  DOS  ', 'dos'],
    ['service_date', 'servicedate'],
    ['Service-Date', 'servicedate'],
    ['SERVICE DATE', 'servicedate'],
    ['Modifier #1', 'modifier1'],
    ['Número', 'numero'],
    ['\uFEFFclaim_id', 'claimid'],
    ['Start\nTime', 'starttime'],
  ])('%j -> %s', (h, want) => {
    expect(normaliseHeader(h)).toBe(want);
  });
});
