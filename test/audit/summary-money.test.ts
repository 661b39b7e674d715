import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';

describe('summary money: a claim line counts once, at its largest amount', () => {
  it('on the samples, lines with two priced findings count once, and the categories add up to the total', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ia-money-'));
    try {
      const { result } = await runAudit({ dir: join(import.meta.dirname, '..', '..', 'samples'), rules: [], out, formats: new Set(['json']), redact: false });
      const priced = result.exceptions.filter((f) => f.amountAtRisk !== undefined);
      const byLine = new Map<string, number>();
      let unattached = 0;
      for (const f of priced) {
        if (f.claimId === undefined || f.line === undefined) {
          unattached += f.amountAtRisk ?? 0;
          continue;
        }
        const k = `${f.patientId}|${f.claimId}|${f.line}`;
        byLine.set(k, Math.max(byLine.get(k) ?? 0, f.amountAtRisk ?? 0));
      }
      // the samples do hold a line with two priced findings (E0000041: units.over and units.over-dispensed on Q5103)
      const naive = priced.reduce((n, f) => n + (f.amountAtRisk ?? 0), 0);
      const once = [...byLine.values()].reduce((n, a) => n + a, 0) + unattached;
      expect(naive).toBeGreaterThan(once + 1);
      expect(result.summary.amountAtRisk).toBeCloseTo(once, 2);
      const cats = Object.values(result.summary.amountAtRiskByCategory).reduce((n, a) => n + a, 0);
      expect(cats).toBeCloseTo(result.summary.amountAtRisk, 1);
      const dirs = Object.values(result.summary.amountAtRiskByDirection).reduce((n, a) => n + a, 0);
      expect(dirs).toBeCloseTo(result.summary.amountAtRisk, 1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
