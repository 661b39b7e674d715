import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

// synthetic patients only
const HEADER = 'encounter_id,patient_id,drug,route,access_site,start,stop,purpose';
const ROWS = [
  // E900001: antiemetic push, then a 250-minute chemo infusion: 96413 + 96415 x3 + 96375
  'E900001,PSYN0001,oxaliplatin 85 mg/m2,IV,Port,2025-10-06 09:00,2025-10-06 13:10,chemo',
  'E900001,PSYN0001,ondansetron 8 mg,IV push,Port,2025-10-06 08:45,2025-10-06 08:47,therapeutic',
  // E900002: the same drug pushed again 45 minutes later: 96374 + 96376 (96376 is facility only)
  'E900002,PSYN0002,ondansetron 8 mg,IV push,L forearm,2025-10-07 09:00,,therapeutic',
  'E900002,PSYN0002,ondansetron 8 mg,IV push,L forearm,2025-10-07 09:45,,therapeutic',
];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ia-code-'));
}
function marFile(rows: string[] = ROWS): string {
  const f = join(tmp(), 'mar.csv');
  writeFileSync(f, [HEADER, ...rows].join('\n') + '\n');
  return f;
}

interface Coded {
  encounterId: string;
  patientId: string;
  serviceDate: string;
  billedAdminCodes: unknown[];
  expectedAdminCodes: { code: string; units: number; modifiers: string[] }[];
  lines: { code: string; units: number; role: string; reason: string; marRows: number[] }[];
  notCoded: { reason: string; marRows: number[] }[];
  problems: { kind: string; message: string; marRow: number }[];
  complete: boolean;
}

async function codeJson(args: string[]): Promise<Coded[]> {
  const r = await runCli(['code', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as { encounters: Coded[] };
  expect(Object.keys(out)).toEqual(['encounters']);
  return out.encounters;
}

describe('infusion-audit code --mar FILE', () => {
  it('table output: one header line per encounter and the reason of every line', async () => {
    const r = await runCli(['code', '--mar', marFile()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('E900001  patient PSYN0001  2025-10-06: 96375, 96413, 96415 x3');
    expect(r.stdout).toMatch(/oxaliplatin 85 mg\/m2 09:00-13:10, 250 min: 96413 \+ 96415 x3 {3}\(MAR row 2\)/);
    expect(r.stdout).toMatch(/ondansetron 8 mg 08:45-08:47: 96375 {3}\(MAR row 3\)/);
    expect(r.stdout).toContain('E900002  patient PSYN0002  2025-10-07: 96374, 96376');
    expect(r.stdout).toMatch(/ondansetron 8 mg 09:45 \(45 min after the previous push of it started\): 96376/);
    expect(r.stdout).not.toContain('incomplete');
  });

  it('--format json prints { encounters: [...] } with the report.json fields and the additive lines', async () => {
    const encs = await codeJson(['--mar', marFile()]);
    expect(encs.map((e) => [e.encounterId, e.patientId, e.serviceDate])).toEqual([
      ['E900001', 'PSYN0001', '2025-10-06'],
      ['E900002', 'PSYN0002', '2025-10-07'],
    ]);
    for (const e of encs) {
      expect(e).toHaveProperty('billedAdminCodes');
      expect(e.billedAdminCodes).toEqual([]); // MAR alone: nothing billed
      expect(Array.isArray(e.lines) && Array.isArray(e.notCoded) && Array.isArray(e.problems)).toBe(true);
      expect(e.complete).toBe(true);
    }
    const [e1, e2] = encs as [Coded, Coded];
    expect(e1.expectedAdminCodes).toEqual([
      { code: '96375', units: 1, modifiers: [] },
      { code: '96413', units: 1, modifiers: [] },
      { code: '96415', units: 3, modifiers: [] },
    ]);
    expect(e1.lines.find((l) => l.code === '96415')).toMatchObject({ units: 3, role: 'add-on hour', marRows: [2], reason: expect.stringContaining('250 min: 96413 + 96415 x3') });
    expect(e2.expectedAdminCodes.map((c) => c.code)).toEqual(['96374', '96376']);
    expect(e2.lines.map((l) => [l.code, l.role, l.marRows])).toEqual([
      ['96374', 'initial', [4]],
      ['96376', 'repeat push', [5]],
    ]);
  });

  // Regression (fixed), src/cli/code.ts toCsv: `return out.join('')` joins the records with nothing (csvRecord in
  // src/report/format.ts returns a record without its line break), so the whole CSV is one line:
  // "...,mar_rows,completeE900001,PSYN0001,...". Should be out.map((r) => r + '\n').join('') (or \r\n).
  it('--format csv: the header and every line record are written, in order', async () => {
    const r = await runCli(['code', '--mar', marFile(), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const want = [
      'encounter_id,patient_id,service_date,code,units,modifiers,role,reason,mar_rows,complete',
      'E900001,PSYN0001,2025-10-06,96375,1,,sequential,ondansetron 8 mg 08:45-08:47: 96375,3,true',
      'E900001,PSYN0001,2025-10-06,96413,1,,initial,"oxaliplatin 85 mg/m2 09:00-13:10, 250 min: 96413 + 96415 x3",2,true',
      'E900001,PSYN0001,2025-10-06,96415,3,,add-on hour,"oxaliplatin 85 mg/m2 09:00-13:10, 250 min: 96413 + 96415 x3",2,true',
      'E900002,PSYN0002,2025-10-07,96374,1,,initial,ondansetron 8 mg 09:00: 96374,4,true',
      'E900002,PSYN0002,2025-10-07,96376,1,,repeat push,ondansetron 8 mg 09:45 (45 min after the previous push of it started): 96376,5,true',
    ];
    let at = 0;
    for (const rec of want) {
      const i = r.stdout.indexOf(rec, at);
      expect(i, rec).toBeGreaterThanOrEqual(at);
      at = i + rec.length;
    }
  });

  it('--format csv: a header and one row per line', async () => {
    const r = await runCli(['code', '--mar', marFile(), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split(/\r?\n/).filter((l) => l !== '');
    expect(rows[0]).toBe('encounter_id,patient_id,service_date,code,units,modifiers,role,reason,mar_rows,complete');
    // 96375, 96413, 96415 (E900001) + 96374, 96376 (E900002); nothing not coded, no problems
    expect(rows).toHaveLength(1 + 5);
    expect(rows[1]).toBe('E900001,PSYN0001,2025-10-06,96375,1,,sequential,ondansetron 8 mg 08:45-08:47: 96375,3,true');
    expect(rows).toContain('E900001,PSYN0001,2025-10-06,96415,3,,add-on hour,"oxaliplatin 85 mg/m2 09:00-13:10, 250 min: 96413 + 96415 x3",2,true');
    expect(rows.filter((l) => l.startsWith('E900002,')).map((l) => l.split(',')[3])).toEqual(['96374', '96376']);
  });

  it('an unreadable row is reported on stderr with file and row; the other rows are still coded', async () => {
    // row 4 has no patient id (a required value)
    const f = marFile([ROWS[0] as string, ROWS[1] as string, 'E900002,,ondansetron 8 mg,IV push,L forearm,2025-10-07 09:00,,therapeutic', ROWS[3] as string]);
    const r = await runCli(['code', '--mar', f, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${f}: row 4`);
    expect(r.stderr).toMatch(/patient_id/);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    const encs = (JSON.parse(r.stdout) as { encounters: Coded[] }).encounters;
    expect(encs.find((e) => e.encounterId === 'E900001')?.expectedAdminCodes.map((c) => c.code)).toEqual(['96375', '96413', '96415']);
    // the row 09:45 push is now the only push of E900002: initial 96374
    const e2 = encs.find((e) => e.encounterId === 'E900002');
    expect(e2?.lines.map((l) => [l.code, l.marRows])).toEqual([['96374', [5]]]);
  });

  it('a missing --mar file exits 2 with a message and no stack trace', async () => {
    const missing = join(tmp(), 'no-such-mar.csv');
    const r = await runCli(['code', '--mar', missing]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no-such-mar.csv');
    expect(r.stderr).toMatch(/not found|no such file/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('--facility with setting: office drops the facility-only 96376 and says why', async () => {
    const dir = tmp();
    const facility = join(dir, 'facility.yaml');
    writeFileSync(facility, 'name: Synthetic Physician Office\nsetting: office\n');
    const mar = marFile();
    const hopd = await codeJson(['--mar', mar]);
    expect(hopd.find((e) => e.encounterId === 'E900002')?.expectedAdminCodes.map((c) => c.code)).toEqual(['96374', '96376']);
    const office = await codeJson(['--mar', mar, '--facility', facility]);
    const e2 = office.find((e) => e.encounterId === 'E900002') as Coded;
    expect(e2.expectedAdminCodes.map((c) => c.code)).toEqual(['96374']);
    expect(e2.notCoded).toEqual([{ reason: expect.stringMatching(/96376 is reported by hospitals only \(setting: office\)/), marRows: [5] }]);
    // the rest is unchanged
    expect(office.find((e) => e.encounterId === 'E900001')?.expectedAdminCodes).toEqual(hopd.find((e) => e.encounterId === 'E900001')?.expectedAdminCodes);
  });

  it('the bundled samples: every encounter is complete (the drug catalog knows every sample drug)', async () => {
    const encs = await codeJson(['--mar', join(import.meta.dirname, '..', '..', 'samples', 'mar.csv')]);
    expect(encs.length).toBeGreaterThan(0);
    const incomplete = encs.filter((e) => !e.complete).map((e) => `${e.encounterId}: ${e.problems.map((p) => p.message).join('; ')}`);
    expect(incomplete).toEqual([]);
  });
});
