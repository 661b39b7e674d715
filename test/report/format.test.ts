import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, findingsCell, formatMoney, neutralise, worstSeverity } from '../../src/report/index.js';
import { makeFinding } from './fixtures.js';

describe('neutralise', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    ['--5', "'--5"],
    ['-5', '-5'],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['-.5', '-.5'],
    ['-1e3', '-1e3'],
    ['-5 ', "'-5 "],
    ['J9035', 'J9035'],
    ['00002-7510-01', '00002-7510-01'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j -> %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', ',', 'plain'],
    ['a,b', ',', '"a,b"'],
    ['a;b', ',', 'a;b'],
    ['a;b', ';', '"a;b"'],
    ['say "hi"', ',', '"say ""hi"""'],
    ['two\nlines', ',', '"two\nlines"'],
    ['cr\r', ',', '"cr\r"'],
    ['tab\tsep', '\t', '"tab\tsep"'],
  ])('%j with %j', (value, delim, expected) => {
    expect(csvField(value, delim)).toBe(expected);
  });

  it('quotes exactly like csv-stringify does by default', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', ' ', '=', '-', '1') }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(',', ';', '|', '\t'),
        (cells, delimiter) => {
          // a record of only empty cells is written as "" by csv-stringify; not a case we meet
          fc.pre(cells.some((c) => c !== ''));
          const ours = cells.map((c) => csvField(c, delimiter)).join(delimiter) + '\n';
          expect(ours).toBe(stringify([cells], { delimiter }));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '$0.00'],
    [1234.5, '$1,234.50'],
    [-5, '-$5.00'],
    [0.004, '$0.00'],
    [-0.001, '$0.00'],
    [1e6, '$1,000,000.00'],
    [Number.NaN, 'n/a'],
  ])('%d -> %s', (n, s) => {
    expect(formatMoney(n)).toBe(s);
  });
});

describe('findingsCell', () => {
  it('lists rule and message, one line, each finding once', () => {
    const a = makeFinding({ ruleId: 'ndc.malformed', message: "NDC '1234'\nis not 11 digits" });
    const b = makeFinding({ ruleId: 'input.bad-value', message: 'units is not a number' });
    expect(findingsCell([a, b, a])).toBe("ndc.malformed: NDC '1234' is not 11 digits | input.bad-value: units is not a number");
    expect(findingsCell([])).toBe('');
  });

  it('stays short when a row has many findings', () => {
    const many = Array.from({ length: 50 }, (_v, i) => makeFinding({ ruleId: `r.${i}`, message: 'x'.repeat(60) }));
    const cell = findingsCell(many);
    expect(cell.length).toBeLessThan(1100);
    expect(cell).toMatch(/\(\+\d+ more\)$/);
  });
});

describe('worstSeverity', () => {
  it('ranks error > warning > info > ok', () => {
    expect(worstSeverity([])).toBe('ok');
    expect(worstSeverity([makeFinding({ severity: 'info' }), makeFinding({ severity: 'warning' })])).toBe('warning');
    expect(worstSeverity([makeFinding({ severity: 'info' }), makeFinding({ severity: 'error' })])).toBe('error');
  });
});
