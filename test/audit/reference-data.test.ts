import { describe, expect, it } from 'vitest';
import { ReferenceDataCounter, quarterOf } from '../../src/audit/reference-data.js';
import { consoleSummary } from '../../src/report/console.js';
import type { AuditResult } from '../../src/model.js';
import { builtinRules, claim } from '../checks/harness.js';

describe('reference data by date of service', () => {
  it('names the quarter of a date', () => {
    expect(quarterOf('2025-10-01')).toBe('2025Q4');
    expect(quarterOf('2025-12-31')).toBe('2025Q4');
    expect(quarterOf('2026-01-01')).toBe('2026Q1');
    expect(quarterOf('2026-09-30')).toBe('2026Q3');
  });

  it('counts drug and administration lines per release, and those judged by a release of another quarter', async () => {
    const rc = new ReferenceDataCounter(await builtinRules());
    rc.add(claim({ code: 'J9271', serviceDate: '2025-11-04' }));
    rc.add(claim({ code: '96413', units: 1, serviceDate: '2025-11-04' }));
    rc.add(claim({ code: '96413', units: 1, serviceDate: '2026-10-15' }));
    rc.add(claim({ code: '99213', units: 1, serviceDate: '2025-11-04' })); // neither: not counted
    const byId = new Map(rc.result().map((r) => [r.id, r] as const));
    expect(byId.get('asp-crosswalk')).toMatchObject({ version: '2025Q4', lines: 3, linesOutsideQuarter: 1, quartersToImport: ['2026Q4'] });
    expect(byId.get('ncci-mue')).toMatchObject({ version: '2026Q4', lines: 3, linesOutsideQuarter: 2, quartersToImport: ['2025Q4'] });
    expect(byId.get('opps-status')).toMatchObject({ version: '2026Q1', lines: 3, linesOutsideQuarter: 3, quartersToImport: ['2025Q4', '2026Q4'] });
  });

  it('the console summary names the quarters to import only when a count is not zero', () => {
    const base = {
      tool: { name: 'infusion-audit', version: '0' },
      summary: { encounters: 1, claimLines: 1, exceptions: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byCategory: {}, amountAtRisk: 0 },
      skippedChecks: [],
      unmatchedPayers: [],
    } as unknown as AuditResult;
    const rel = { id: 'ncci-mue', version: '2026Q4', effectiveFrom: '2026-10-01', effectiveTo: '2026-12-31', lines: 5 };
    expect(consoleSummary({ ...base, referenceData: [{ ...rel, linesOutsideQuarter: 0, quartersToImport: [] }] }, { color: false })).not.toContain('another quarter');
    const text = consoleSummary({ ...base, referenceData: [{ ...rel, linesOutsideQuarter: 5, quartersToImport: ['2025Q4'] }] }, { color: false });
    expect(text).toContain('reference data of another quarter: ncci-mue 2026Q4 judged 5 lines; import 2025Q4');
  });
});
