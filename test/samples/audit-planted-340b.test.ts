/**
 * `infusion-audit audit samples` (a DSH hospital): the planted 340b.missing, 340b.wrong and
 * 340b.not-340b are found on their planted claim lines with their rule ids, annotated on the
 * modifiers cell with the dispense row as evidence, and no 340b finding is raised on an unplanted
 * encounter.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/model.js';
import { SAMPLES, readPlanted } from './planted.js';

let out: string;
let result: AuditResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ia-planted-340b-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The code on a row of the samples' claims.csv (spreadsheet row: header = 1; code is the 9th column, never quoted). */
const claimCode = (row: string): string => readFileSync(join(SAMPLES, 'claims.csv'), 'utf8').split('\n')[Number(row) - 1]?.split(',')[8] ?? '';

describe('audit samples: 340B checks', () => {
  // `expected` for the planted line's code (the samples are regenerated when the generator changes)
  const expected = [
    { rule: '340b.missing', severity: 'error', expected: (code: string) => `${code} with modifier TB` },
    // 2025: JG and TB pay the same, so the wrong one is a warning (domain note section 5)
    { rule: '340b.wrong', severity: 'warning', expected: (code: string) => `${code} with modifier TB instead of JG` },
    { rule: '340b.not-340b', severity: 'error', expected: (code: string) => `${code} without JG or TB` },
  ];
  for (const want of expected) {
    it(`finds the planted ${want.rule} on its claim line`, () => {
      const p = readPlanted().find((x) => x.rule_id === want.rule);
      expect(p).toBeDefined();
      const hit = result.exceptions.find((e) => e.ruleId === want.rule && e.claimId === p?.claim_id && e.line === p?.line);
      expect(hit).toBeDefined();
      expect(hit?.encounterId).toBe(p?.encounter_id);
      expect(hit?.severity).toBe(want.severity);
      expect(hit?.expected).toBe(want.expected(claimCode(p?.row ?? '')));
      expect(hit?.evidence[0]).toMatchObject({ kind: 'claims', file: p?.file, row: Number(p?.row), column: 'modifiers' });
      expect(hit?.evidence.some((e) => e.kind === 'dispense')).toBe(true);
    });
  }

  it('raises no 340b finding on an unplanted encounter', () => {
    const plantedEnc = new Set(readPlanted().filter((x) => x.rule_id.startsWith('340b.')).map((x) => x.encounter_id));
    const stray = result.exceptions.filter((e) => e.category === '340b' && !plantedEnc.has(e.encounterId ?? ''));
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });
});
