/**
 * `infusion-audit audit samples`: the planted `ndc.missing` (Medicaid J1459 without NDC) is found on
 * its planted line, and the NDC checks raise nothing above info on unplanted encounters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/model.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

let out: string;
let result: AuditResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ia-planted-ndc-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const planted = () => {
  const [head, ...rows] = readFileSync(join(SAMPLES, 'planted.csv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split(',');
  return rows.map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split(',')[i] ?? ''])));
};

describe('audit samples: NDC checks', () => {
  it('finds the planted ndc.missing on its claim line, as an error with the whole line at risk', () => {
    const p = planted().find((x) => x['rule_id'] === 'ndc.missing');
    expect(p).toBeDefined();
    const hits = result.exceptions.filter((e) => e.ruleId === 'ndc.missing' && e.encounterId === p?.['encounter_id']);
    expect(hits).toHaveLength(1);
    const h = hits[0];
    expect(h?.claimId).toBe(p?.['claim_id']);
    expect(h?.line).toBe(p?.['line']);
    expect(h?.severity).toBe('error');
    expect(h?.direction).toBe('denial');
    expect(h?.evidence[0]).toMatchObject({ kind: 'claims', file: p?.['file'], row: Number(p?.['row']), column: 'ndc' });
  });

  it('raises no ndc finding above info on an unplanted encounter', () => {
    const plantedEnc = new Set(planted().map((x) => x['encounter_id']));
    const stray = result.exceptions.filter((e) => e.category === 'ndc' && e.severity !== 'info' && !plantedEnc.has(e.encounterId ?? ''));
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });
});
