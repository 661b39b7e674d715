import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportWriteError, Staging } from '../../src/report/index.js';
import { mode, tempDir } from './helpers.js';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p).map((x) => path.join(e.name, x)), e.name + '/');
    else out.push(e.name);
  }
  return out.sort();
}

describe('Staging', () => {
  it('writes in a private temp dir and commit moves only the final files, 0600, dirs 0700', async () => {
    const out = path.join(tempDir(), 'audit-out');
    const oldUmask = process.umask(0o022);
    try {
      const stage = await Staging.create(out);
      expect(mode(out)).toBe(0o700);
      const tmp = stage.path('report.json');
      expect(path.dirname(tmp)).not.toBe(out);
      expect(path.basename(path.dirname(tmp))).toMatch(/^\.infusion-audit-tmp-/);
      expect(mode(path.dirname(tmp))).toBe(0o700);
      fs.writeFileSync(tmp, '{}', { mode: 0o644 }); // a careless writer
      fs.writeFileSync(stage.path('annotated/claims.csv'), 'a,b\n');
      // nothing visible in outDir before commit
      expect(fs.readdirSync(out).filter((n) => !n.startsWith('.infusion-audit-tmp-'))).toEqual([]);
      const finals = await stage.commit();
      expect(finals).toEqual([path.join(out, 'annotated', 'claims.csv'), path.join(out, 'report.json')]);
      expect(walk(out)).toEqual(['annotated/', 'annotated/claims.csv', 'report.json']);
      for (const f of finals) expect(mode(f)).toBe(0o600);
      expect(mode(path.join(out, 'annotated'))).toBe(0o700);
      expect(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).toBe('{}');
    } finally {
      process.umask(oldUmask);
    }
  });

  it('abort leaves no report behind and removes an outDir it created', async () => {
    const out = path.join(tempDir(), 'new', 'audit-out');
    const stage = await Staging.create(out);
    fs.writeFileSync(stage.path('report.json'), '{"half":');
    fs.writeFileSync(stage.path('annotated/claims.csv'), 'a,b\n');
    await stage.abort();
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
    await stage.abort(); // idempotent
  });

  it('abort leaves an existing outDir as it was', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'keep.txt'), 'x');
    const stage = await Staging.create(out);
    fs.writeFileSync(stage.path('report.json'), '{');
    await stage.abort();
    expect(fs.readdirSync(out)).toEqual(['keep.txt']);
  });

  it('replaces the reports of an earlier run on commit', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'report.json'), 'old', { mode: 0o644 });
    const stage = await Staging.create(out);
    fs.writeFileSync(stage.path('report.json'), 'new');
    await stage.commit();
    expect(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).toBe('new');
    expect(mode(path.join(out, 'report.json'))).toBe(0o600);
    expect(fs.readdirSync(out)).toEqual(['report.json']);
  });

  it('refuses paths outside the staging area and use after commit', async () => {
    const stage = await Staging.create(tempDir());
    expect(() => stage.path('../escape.txt')).toThrow(ReportWriteError);
    expect(() => stage.path('/etc/passwd')).toThrow(ReportWriteError);
    await stage.commit();
    expect(() => stage.path('late.json')).toThrow(ReportWriteError);
  });

  it('reports an outDir that is a file as a ReportWriteError', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    await expect(Staging.create(file)).rejects.toBeInstanceOf(ReportWriteError);
  });
});
