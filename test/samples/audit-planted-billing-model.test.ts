/**
 * `infusion-audit audit samples`: the planted `billing-model.bag-charged` (a white-bagged drug
 * charged), `billing-model.bag-line-missing` (a white-bagged drug of a penny-policy payer billed
 * without its $0.01 line) and `billing-model.not-billed` (a drug given and dispensed, no drug line)
 * are found on their planted encounters, and no billing-model finding is raised on an unplanted encounter (the
 * samples' unreadable drug lines must not read as drugs not billed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/model.js';
import { SAMPLES, readPlanted as planted } from './planted.js';

let out: string;
let result: AuditResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ia-planted-bm-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('audit samples: billing-model checks', () => {
  it('finds the planted bag-charged on its drug line: error, charge column, overbilled', () => {
    const p = planted().find((x) => x.rule_id === 'billing-model.bag-charged');
    expect(p).toBeDefined();
    const hits = result.exceptions.filter((e) => e.ruleId === 'billing-model.bag-charged' && e.encounterId === p?.encounter_id);
    expect(hits).toHaveLength(1);
    const h = hits[0];
    expect(h?.claimId).toBe(p?.claim_id);
    expect(h?.line).toBe(p?.line);
    expect(h?.severity).toBe('error');
    expect(h?.direction).toBe('over');
    expect(h?.amountAtRisk).toBeGreaterThan(0);
    expect(h?.evidence[0]).toMatchObject({ kind: 'claims', file: p?.file, row: Number(p?.row), column: 'charge' });
    expect(h?.evidence[1]).toMatchObject({ kind: 'dispense', column: 'billing_model' });
  });

  it('finds the planted not-billed on its MAR row: error, revenue missed', () => {
    const p = planted().find((x) => x.rule_id === 'billing-model.not-billed');
    expect(p).toBeDefined();
    const hits = result.exceptions.filter((e) => e.ruleId === 'billing-model.not-billed' && e.encounterId === p?.encounter_id);
    expect(hits).toHaveLength(1);
    const h = hits[0];
    expect(h?.severity).toBe('error');
    expect(h?.direction).toBe('under');
    expect(h?.code).toMatch(/^[JQ]\d{4}$/);
    expect(h?.amountAtRisk).toBeGreaterThan(0);
    expect(h?.evidence[0]).toMatchObject({ kind: 'mar', file: p?.file, row: Number(p?.row) });
  });

  it('finds the planted bag-line-missing on its MAR row (Blue Cross, drugLine: penny): warning, the administration at risk of denial, nothing else on the encounter', () => {
    const p = planted().find((x) => x.rule_id === 'billing-model.bag-line-missing');
    expect(p).toBeDefined();
    const onEncounter = result.exceptions.filter((e) => e.encounterId === p?.encounter_id);
    expect(onEncounter.map((e) => e.ruleId)).toEqual(['billing-model.bag-line-missing']);
    const h = onEncounter[0];
    expect(h?.severity).toBe('warning');
    expect(h?.direction).toBe('denial');
    expect(h?.amountAtRisk).toBeGreaterThan(0);
    expect(h?.line).toBeUndefined(); // never on the administration line
    expect(h?.evidence[0]).toMatchObject({ kind: 'mar', file: p?.file, row: Number(p?.row) });
    expect(h?.evidence[1]).toMatchObject({ kind: 'dispense', column: 'billing_model' });
  });

  it('raises no billing-model finding on an unplanted encounter', () => {
    const plantedEnc = new Map(planted().map((x) => [x['encounter_id'], x.rule_id]));
    const stray = result.exceptions.filter((e) => e.category === 'billing-model' && plantedEnc.get(e.encounterId ?? '') !== e.ruleId);
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });
});
