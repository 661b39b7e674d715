/**
 * `infusion-audit audit samples` finds every planted problem whose rule id a shipped check has, on
 * the planted encounter, and raises no finding of those checks' categories anywhere else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import type { AuditResult } from '../../src/model.js';
import { SAMPLES, readPlanted } from './planted.js';

let out: string;
let result: AuditResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ia-planted-'));
  result = (await runAudit({ dir: SAMPLES, rules: [], out, formats: new Set(['json']), redact: false })).result;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('audit samples: planted problems', () => {
  const planted = readPlanted();
  const shipped = new Set(ALL_CHECKS.map((c) => c.id));
  const covered = planted.filter((p) => shipped.has(p.rule_id));

  it('covers the administration plants with shipped rule ids', () => {
    expect(covered.map((p) => p.kind)).toEqual(expect.arrayContaining(['push-billed-as-infusion', 'hydration-30-minutes', 'two-initials', 'addon-without-primary', 'stop-missing', 'start-stop-reversed']));
  });

  it.each(covered.map((p) => [p.kind, p] as const))('finds %s', (_k, p) => {
    // on the planted encounter, or (an unreadable row belongs to none) on the planted row
    const hits = result.exceptions.filter(
      (e) => e.ruleId === p.rule_id && (e.encounterId === p.encounter_id || e.evidence.some((ev) => ev.file === p.file && String(ev.row) === p.row)),
    );
    expect(hits.length, `${p.rule_id} on ${p.encounter_id}`).toBeGreaterThan(0);
  });

  it('raises hierarchy and documentation findings only on planted encounters', () => {
    const plantedEnc = new Set(planted.map((p) => p.encounter_id));
    const stray = result.exceptions.filter((e) => (e.category === 'hierarchy' || e.category === 'documentation') && !plantedEnc.has(e.encounterId ?? ''));
    expect(stray.map((e) => `${e.ruleId} ${e.encounterId} ${e.message}`)).toEqual([]);
  });

  it('fills expectedAdminCodes for every encounter with MAR rows, equal to billed where nothing is planted', () => {
    const plantedEnc = new Set(planted.map((p) => p.encounter_id));
    const clean = result.encounters.filter((e) => !plantedEnc.has(e.encounterId));
    expect(clean.length).toBeGreaterThan(30);
    const withExpected = clean.filter((e) => e.expectedAdminCodes.length > 0);
    expect(withExpected.length).toBeGreaterThan(30);
    for (const e of withExpected) {
      const norm = (l: { code: string; units: number }[]) => l.map((c) => `${c.code}x${c.units}`).sort();
      expect(norm(e.expectedAdminCodes), e.encounterId).toEqual(norm(e.billedAdminCodes));
    }
  });
});
