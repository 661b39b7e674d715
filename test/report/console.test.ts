import { describe, expect, it } from 'vitest';
import { consoleSummary } from '../../src/report/index.js';
import { makeResult, makeReview, summarise } from './fixtures.js';

describe('consoleSummary', () => {
  it('gives counts, dollars, skipped checks, unmatched payers and the baseline, with no patient ids', () => {
    const result = makeResult({ baseline: { path: 'b.json', new: 1, known: 3, resolved: 2 } });
    const text = consoleSummary(result, { color: false });
    expect(text).toContain('4 exceptions (2 errors, 1 warning, 1 info)');
    expect(text).toContain('3 encounters, 10 claim lines');
    expect(text).toContain('at risk: $1,065.50 (over $125.50, under $0.00, denial $940.00)');
    expect(text).toContain('authorization 1 ($900.00)');
    expect(text).toContain('no dispense input: dispense.not-billed');
    expect(text).toContain('unmatched payers (1, typed other): Acme Health Plan');
    expect(text).toContain('baseline: 1 new, 3 known, 2 resolved');
    expect(text).not.toMatch(/P\d{4}/);
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when asked', () => {
    expect(consoleSummary(makeResult(), { color: true })).toContain('\u001b[');
  });

  it('adds one 340B review line when there are drug lines, none without', () => {
    const base = makeResult();
    const text = consoleSummary(makeResult({ summary: { ...summarise(base.exceptions), review340b: makeReview() } }), { color: false });
    const lines = text.split('\n').filter((l) => l.includes('340B review'));
    expect(lines).toEqual([
      '  340B review: 12 drug lines, 7 340B, 2 not verifiable; modifier missing 1, wrong 2, on non-340B 1, mixed 0, duplicate discount 3',
    ]);
    const none = consoleSummary(makeResult({ summary: { ...summarise(base.exceptions), review340b: makeReview({ drugLines: 0, cells: [] }) } }), { color: false });
    expect(none).not.toContain('340B review');
    expect(consoleSummary(base, { color: false })).not.toContain('340B review');
  });
});

