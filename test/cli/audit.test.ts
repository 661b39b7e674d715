import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

const scenarios = join(import.meta.dirname, 'scenarios');

interface Report {
  exceptions: { id: string; ruleId: string; status?: string; patientId: string; severity: string }[];
  resolved?: { id: string }[];
  baseline?: { new: number; known: number; resolved: number };
  reconciliation: { kind: string; rows: number; audited: number; unreadable: number; outOfPeriod: number }[];
  encounters: { patientId: string }[];
  summary: { claimLines: number; exceptions: number; encounters: number };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ia-audit-'));
}
function copyScenario(name: string): string {
  const d = join(tmp(), name);
  cpSync(join(scenarios, name), d, { recursive: true });
  return d;
}
function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
}

describe('audit end to end', () => {
  it('--baseline marks findings known, new and resolved, and only new ones decide the exit code', async () => {
    const dir = copyScenario('bad-rows');
    const first = join(tmp(), 'first');
    expect((await runCli(['audit', dir, '--out', first, '--format', 'json'])).code).toBe(1);
    const base = readReport(first);

    const again = join(tmp(), 'again');
    const r2 = await runCli(['audit', dir, '--out', again, '--format', 'json', '--baseline', join(first, 'report.json')]);
    expect(r2.code).toBe(0);
    const rep2 = readReport(again);
    expect(rep2.exceptions.every((e) => e.status === 'known')).toBe(true);
    expect(rep2.exceptions.map((e) => e.id)).toEqual(base.exceptions.map((e) => e.id));
    expect(rep2.baseline).toMatchObject({ new: 0, known: base.exceptions.length, resolved: 0 });

    // fix one NDC, break another line's NDC
    const claims = join(dir, 'claims.csv');
    const text = readFileSync(claims, 'utf8').replace('0703-3248-11', '00703-3248-11').replace('C206;1;P0008;2025-10-09;Medicare Part B;96413;1;;;\r\nC206', 'C206;1;P0008;2025-10-09;Medicare Part B;96413;1;;;\r\nC206');
    writeFileSync(claims, text.replace('C209;1;P0011;2025-10-10;Medicare Part B;96413;0;;;', 'C209;1;P0011;2025-10-10;Medicare Part B;96413;0;12345;1;UN'));
    const third = join(tmp(), 'third');
    const r3 = await runCli(['audit', dir, '--out', third, '--format', 'json', '--baseline', join(first, 'report.json')]);
    expect(r3.code).toBe(1);
    const rep3 = readReport(third);
    const fresh = rep3.exceptions.filter((e) => e.status === 'new');
    // the repaired NDC 00703-3248-11 is well formed but not a J9045 NDC in the ASP crosswalk: ndc.unknown (warning)
    expect(fresh.map((e) => e.ruleId)).toEqual(['ndc.unknown', 'ndc.malformed']);
    expect(rep3.resolved?.length).toBe(1);
    expect(rep3.baseline).toMatchObject({ new: 2, resolved: 1 });
  });

  it('--fail-on warning fails on warnings alone; error does not', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'claims.csv'),
      'claim_id,line,patient_id,service_date,payer,code,units\nC1,1,P1,2025-10-06,Medicare,96413,0\n',
    );
    expect((await runCli(['audit', dir, '--out', join(tmp(), 'o'), '--format', 'json'])).code).toBe(0);
    expect((await runCli(['audit', dir, '--out', join(tmp(), 'o'), '--format', 'json', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('--since/--until audits only lines within and accounts for the rest', async () => {
    const out = join(tmp(), 'o');
    const r = await runCli(['audit', join(scenarios, 'clean'), '--out', out, '--since', '2025-10-07', '--until', '2025-10-07', '--format', 'json,csv']);
    expect(r.code).toBe(0);
    const rep = readReport(out);
    const claims = rep.reconciliation.find((x) => x.kind === 'claims');
    expect(claims).toMatchObject({ rows: 5, audited: 2, outOfPeriod: 3, unreadable: 0 });
    expect(rep.summary.claimLines).toBe(2);
    const annotated = readFileSync(join(out, 'annotated', 'claims.csv'), 'utf8').trim().split('\n');
    expect(annotated).toHaveLength(6);
    expect(annotated.filter((l) => l.includes(',not-audited,'))).toHaveLength(3);
  });

  it('--redact hashes patient ids everywhere, the same way every run', async () => {
    const o1 = join(tmp(), 'o');
    const o2 = join(tmp(), 'o');
    await runCli(['audit', join(scenarios, 'bad-rows'), '--out', o1, '--format', 'json,csv', '--redact']);
    await runCli(['audit', join(scenarios, 'bad-rows'), '--out', o2, '--format', 'json,csv', '--redact']);
    const a = readFileSync(join(o1, 'report.json'), 'utf8');
    expect(a).not.toMatch(/P00\d\d/);
    expect(readFileSync(join(o1, 'exceptions.csv'), 'utf8')).not.toMatch(/P00\d\d/);
    expect(readFileSync(join(o1, 'annotated', 'claims.csv'), 'utf8')).not.toMatch(/P00\d\d/);
    const ids = (t: string) => (JSON.parse(t) as Report).exceptions.map((e) => e.patientId);
    expect(ids(a)).toEqual(ids(readFileSync(join(o2, 'report.json'), 'utf8')));
    expect(ids(a).filter((x) => x !== '').every((x) => /^R[0-9a-f]{16}$/.test(x))).toBe(true);
  });

  it('unsorted inputs give the same findings as sorted ones (joined in memory, with a note)', async () => {
    const sorted = copyScenario('clean');
    const lines = readFileSync(join(sorted, 'claims.csv'), 'utf8').trim().split('\n');
    const header = lines[0] ?? '';
    const body = lines.slice(1);
    // break one NDC so there is a finding to compare, then reverse the row order
    body[4] = (body[4] ?? '').replace('57894-0030-01', '5789400301');
    writeFileSync(join(sorted, 'claims.csv'), [header, ...body].join('\n') + '\n');
    const unsorted = copyScenario('clean');
    writeFileSync(join(unsorted, 'claims.csv'), [header, ...[...body].reverse()].join('\n') + '\n');
    const o1 = join(tmp(), 'o');
    const o2 = join(tmp(), 'o');
    const r1 = await runCli(['audit', sorted, '--out', o1, '--format', 'json']);
    const r2 = await runCli(['audit', unsorted, '--out', o2, '--format', 'json']);
    expect(r1.stderr).not.toContain('not sorted');
    expect(r2.stderr).toContain('not sorted by date');
    const ids = (o: string) => readReport(o).exceptions.map((e) => `${e.ruleId}:${e.id}`).sort();
    expect(ids(o2)).toEqual(ids(o1));
    expect(ids(o1)).toHaveLength(1);
    expect(readReport(o2).encounters).toHaveLength(2);
  });

  it('keeps only the open join window in memory when the inputs are sorted by date', async () => {
    const dir = join(tmp(), 'gen');
    const g = await runCli(['samples', '--out', dir, '--encounters', '2000', '--seed', 'window', '--from', '2025-01-01', '--to', '2025-06-30']);
    expect(g.code).toBe(0);
    const out = join(tmp(), 'o');
    await runCli(['audit', dir, '--out', out, '--format', 'json', '--fail-on', 'never']);
    const rep = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report & {
      linking: { mode: string; maxOpenEncounters: number; maxRowsWaiting: number };
    };
    expect(rep.summary.encounters).toBeGreaterThanOrEqual(2000);
    expect(rep.linking.mode).toBe('streaming');
    expect(rep.linking.maxOpenEncounters).toBeGreaterThan(0);
    expect(rep.linking.maxOpenEncounters).toBeLessThan(200);
    expect(rep.linking.maxRowsWaiting).toBeLessThan(2000);
  });

  it('writes only the formats asked for, owner-only, and every input row to the annotated CSV', async () => {
    const out = join(tmp(), 'o');
    await runCli(['audit', join(scenarios, 'bad-rows'), '--out', out, '--format', 'json']);
    expect(readdirSync(out).sort()).toEqual(['annotated', 'report.json']);
    expect(readdirSync(join(out, 'annotated'))).toEqual(['claims.csv']);
    expect(statSync(join(out, 'report.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'annotated')).mode & 0o777).toBe(0o700);
    const rep = readReport(out);
    const rows = rep.reconciliation[0]?.rows ?? 0;
    const annotated = readFileSync(join(out, 'annotated', 'claims.csv'), 'utf8').trim().split(/\r?\n/);
    expect(annotated).toHaveLength(rows + 1);
  });

  it('a bad --format or --since is a usage error (exit 2) and leaves no report', async () => {
    const out = join(tmp(), 'o');
    const r = await runCli(['audit', join(scenarios, 'clean'), '--out', out, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "pdf"');
    const r2 = await runCli(['audit', join(scenarios, 'clean'), '--out', out, '--since', '2025-13-01']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--since');
  });
});

describe('the messy copy of the samples', () => {
  it('an XLSX export with another vendor\'s headers and a profile gives the same findings as the CSV samples', async () => {
    const root = join(import.meta.dirname, '..', '..', 'samples');
    const o1 = join(tmp(), 'o');
    const o2 = join(tmp(), 'o');
    const a = await runCli(['audit', root, '--out', o1, '--format', 'json']);
    const b = await runCli(['audit', join(root, 'messy'), '--profile', join(root, 'messy', 'profile.yaml'), '--out', o2, '--format', 'json']);
    expect(a.code).toBe(b.code);
    const key = (o: string) => readReport(o).exceptions.map((e) => `${e.id} ${e.ruleId}`);
    expect(key(o2)).toEqual(key(o1));
    expect(key(o1).length).toBeGreaterThan(3);
    expect(readReport(o2).summary.claimLines).toBe(readReport(o1).summary.claimLines);
  });
});

describe('duplicate rows', () => {
  it('counts a byte-identical row once, but not a row that only reads the same ("1" vs "1.0")', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'claims.csv'),
      [
        'claim_id,line,patient_id,service_date,payer,code,units',
        'C1,1,P1,2025-10-06,Medicare,96413,1',
        'C1,1,P1,2025-10-06,Medicare,96413,1',
        'C2,1,P2,2025-10-06,Medicare,96413,1',
        'C2,1,P2,2025-10-06,Medicare,96413,1.0',
        '',
      ].join('\n'),
    );
    const out = join(tmp(), 'o');
    await runCli(['audit', dir, '--out', out, '--format', 'json']);
    const rep = readReport(out);
    const byRule = (id: string) => rep.exceptions.filter((e) => e.ruleId === id).map((e) => e.patientId);
    expect(byRule('input.duplicate-row')).toEqual(['P1']);
    expect(byRule('input.duplicate-line')).toEqual(['P2']);
    expect(rep.summary.claimLines).toBe(4);
  });
});
