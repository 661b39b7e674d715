/**
 * The units and drug-code checks on the bundled samples: the planted units problems are found on
 * their planted lines, and no units or drug-code finding sits on an unplanted encounter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/model.js';
import { readCsv } from './helpers.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

type Plant = { encounter_id: string; claim_id: string; line: string; rule_id: string };

let out: string;
let result: AuditResult;
let planted: Plant[];
beforeAll(async () => {
  planted = (await readCsv(join(SAMPLES, 'planted.csv'))) as Plant[];
  out = mkdtempSync(join(tmpdir(), 'ia-planted-units-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('audit samples: units and drug-code checks', () => {
  it('finds units.over and units.under on their planted lines', () => {
    const plants = planted.filter((p) => p.rule_id === 'units.over' || p.rule_id === 'units.under');
    expect(plants.map((p) => p.rule_id).sort()).toEqual(['units.over', 'units.under']);
    for (const p of plants) {
      const hits = result.exceptions.filter((e) => e.ruleId === p.rule_id && e.encounterId === p.encounter_id && e.claimId === p.claim_id && e.line === p.line);
      expect(hits, `${p.rule_id} on ${p.claim_id} line ${p.line}`).toHaveLength(1);
    }
  });

  it('raises no units or drug-code finding on an unplanted encounter', () => {
    const plantedEnc = new Set(planted.map((p) => p.encounter_id));
    const stray = result.exceptions.filter(
      (e) => (e.category === 'units' || (e.category === 'drug-code' && e.ruleId !== 'drug-code.unknown-drug')) && !plantedEnc.has(e.encounterId ?? ''),
    );
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });
});
