/**
 * `infusion-audit audit samples`: the planted JW/JZ problems are found with their exact rule ids on
 * the planted claim line, and no waste finding above `info` appears on an unplanted encounter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { AuditResult } from '../../src/model.js';
import { SAMPLES, readPlanted } from './planted.js';

let out: string;
let result: AuditResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ia-planted-waste-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('audit samples: planted JW/JZ problems', () => {
  const planted = readPlanted();
  const waste = planted.filter((p) => p.rule_id.startsWith('waste.'));

  it('the samples plant waste.jz-missing, waste.jz-with-waste and waste.jw-undocumented', () => {
    expect(waste.map((p) => p.rule_id).sort()).toEqual(['waste.jw-undocumented', 'waste.jz-missing', 'waste.jz-with-waste']);
  });

  it.each(waste.map((p) => [p.rule_id, p] as const))('finds %s on its planted claim line', (_id, p) => {
    const hits = result.exceptions.filter((e) => e.ruleId === p.rule_id && e.encounterId === p.encounter_id);
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    expect(hit?.claimId).toBe(p.claim_id);
    expect(hit?.line).toBe(p.line);
    expect(hit?.evidence[0]).toMatchObject({ file: p.file, row: Number(p.row) });
  });

  it('raises no waste finding above info on an unplanted encounter', () => {
    const plantedEnc = new Set(planted.map((p) => p.encounter_id));
    const stray = result.exceptions.filter((e) => e.category === 'waste' && e.severity !== 'info' && !plantedEnc.has(e.encounterId ?? ''));
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });

  it('raises on a planted encounter only the waste finding planted there', () => {
    const byEnc = new Map(waste.map((p) => [p.encounter_id, p.rule_id] as const));
    const extra = result.exceptions.filter((e) => e.category === 'waste' && e.severity !== 'info' && byEnc.has(e.encounterId ?? '') && byEnc.get(e.encounterId ?? '') !== e.ruleId);
    expect(extra.map((e) => `${e.ruleId} ${e.encounterId}`)).toEqual([]);
  });
});
