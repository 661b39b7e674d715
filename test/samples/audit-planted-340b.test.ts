/**
 * `infusion-audit audit samples` (a DSH hospital): the planted 340b.missing, 340b.wrong and
 * 340b.not-340b are found on their planted claim lines with their rule ids, annotated on the
 * modifiers cell with the dispense row as evidence, and no 340b finding is raised on an unplanted
 * encounter. The retrospective review block (summary.review340b, domain note section 7) accounts for
 * every drug line read from claims.csv once and its exception totals equal the 340b findings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { isDrugLine } from '../../src/checks/drug/lines.js';
import { openInput } from '../../src/read/index.js';
import { RuleSet, builtinRulesDir } from '../../src/rules/index.js';
import type { AuditResult, ClaimLine } from '../../src/model.js';
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

/** The drug claim lines of samples/claims.csv as the reader gives them (row and date), but for exact duplicate rows. */
async function drugRows(result: AuditResult): Promise<{ row: number; date: string }[]> {
  const rules = await RuleSet.load([builtinRulesDir()]);
  const dupes = new Set(result.exceptions.filter((e) => e.ruleId === 'input.duplicate-row' && e.evidence[0]?.file === 'claims.csv').map((e) => e.evidence[0]?.row));
  const input = await openInput('claims', join(SAMPLES, 'claims.csv'), { inputIndex: 0 });
  const rows: { row: number; date: string }[] = [];
  for await (const pr of input.rows()) {
    const line = pr.record as ClaimLine | undefined;
    if (line && !dupes.has(pr.row) && isDrugLine(rules, line)) rows.push({ row: pr.row, date: line.serviceDate });
  }
  return rows;
}

describe('audit samples: the retrospective 340B review (summary.review340b)', () => {
  it('counts every drug line once: lines over the cells = drug lines of claims.csv = the inventory counts', async () => {
    const rv = result.summary.review340b;
    expect(rv).toBeDefined();
    const rows = await drugRows(result);
    expect(rows.length).toBeGreaterThan(100);
    expect(rv?.drugLines).toBe(rows.length);
    expect(rv?.cells.reduce((n, c) => n + c.lines, 0)).toBe(rows.length);
    expect(Object.values(rv?.byInventory ?? {}).reduce((n, x) => n + x, 0)).toBe(rows.length);
    for (const inv of ['340b', 'non-340b', 'mixed', 'bag', 'unknown'] as const) {
      expect(rv?.cells.filter((c) => c.inventory === inv).reduce((n, c) => n + c.lines, 0), inv).toBe(rv?.byInventory[inv]);
    }
    // a DSH hospital in 2025Q4: Medicare 340B lines of SI K/G drugs are expected to carry TB
    expect(rv?.cells.some((c) => c.quarter === '2025Q4' && c.payerType === 'medicare' && c.entityType === 'dsh' && c.expectedModifier === 'TB' && c.billedModifier === 'TB' && c.inventory === '340b')).toBe(true);
  });

  it('exception totals equal the counts of those 340b findings; not verifiable = unknown lines; amountAtRisk adds up', () => {
    const rv = result.summary.review340b;
    const count = (...ids: string[]) => result.exceptions.filter((e) => ids.includes(e.ruleId)).length;
    expect(rv?.exceptions).toEqual({
      modifierMissing: count('340b.missing'),
      modifierWrong: count('340b.wrong', '340b.medicaid-identifier'),
      modifierOnNon340b: count('340b.not-340b'),
      mixed: count('340b.mixed'),
      duplicateDiscount: count('340b.duplicate-discount'),
      notVerifiable: rv?.byInventory.unknown,
    });
    // the planted ones are there
    expect(rv?.exceptions.modifierMissing).toBeGreaterThan(0);
    expect(rv?.exceptions.modifierWrong).toBeGreaterThan(0);
    expect(rv?.exceptions.modifierOnNon340b).toBeGreaterThan(0);
    const findings340b = result.exceptions.filter((e) => e.category === '340b').reduce((n, e) => n + (e.amountAtRisk ?? 0), 0);
    expect(rv?.cells.reduce((n, c) => n + c.amountAtRisk, 0)).toBeCloseTo(findings340b, 2);
  });

  it('audit.xlsx has the "340B review" sheet (one row per cell) and report.html the chart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-planted-340b-reports-'));
    try {
      const r = (await runAudit({ dir: SAMPLES, rules: [], out: dir, formats: new Set(['xlsx', 'html']), redact: false })).result;
      const cells = r.summary.review340b?.cells ?? [];
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'audit.xlsx'));
      const ws = wb.getWorksheet('340B review');
      expect(ws).toBeDefined();
      let lines = 0;
      for (let row = 2; row <= 1 + cells.length; row++) lines += Number(ws?.getRow(row).getCell(8).value);
      expect(lines).toBe(r.summary.review340b?.drugLines);
      expect(ws?.getRow(2 + cells.length).getCell(1).value ?? null).toBeNull();
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toContain('<section id="review-340b"><h2>340B review</h2>');
      expect(html).toMatch(/<rect class="inv-340b"[^>]*><title>2025Q4 340B: [\d,]+ lines<\/title>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with --since/--until only the drug lines of the period are reviewed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-planted-340b-period-'));
    try {
      const since = '2025-10-10';
      const until = '2025-10-20';
      const r = (await runAudit({ dir: SAMPLES, rules: [], out: dir, formats: new Set(['json']), redact: false, since, until })).result;
      const inPeriod = (await drugRows(r)).filter((x) => x.date >= since && x.date <= until).length;
      expect(inPeriod).toBeGreaterThan(0);
      expect(inPeriod).toBeLessThan(result.summary.review340b?.drugLines ?? 0);
      expect(r.summary.review340b?.drugLines).toBe(inPeriod);
      expect(r.summary.review340b?.cells.reduce((n, c) => n + c.lines, 0)).toBe(inPeriod);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
