/** The real executable (built dist/ via bin/): exit codes, no stack traces, signal cleanup. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'infusion-audit.js');
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));

describe.runIf(built)('bin/infusion-audit.js', () => {
  it('exits 2 on an unknown command, with a message and no stack trace', () => {
    const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its version and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // `audit` runs in a child node (a larger young generation, see bin/): a signal sent to the launcher
  // alone must still reach the audit, which cleans up and exits with the conventional code
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s removes the half-written report and exits %i', async (signal, want) => {
    const dir = mkdtempSync(join(tmpdir(), `ia-${signal}-`));
    const data = join(dir, 'data');
    const gen = spawnSync(process.execPath, [bin, 'samples', '--out', data, '--encounters', '30000', '--seed', 'sig'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [bin, 'audit', data, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // wait until the run has started writing into its private temp folder, then interrupt it
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (existsSync(out) && readdirSync(out).some((n) => n.startsWith('.infusion-audit-tmp-'))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill(signal);
    const code = await exited;
    expect(code, stderr).toBe(want);
    expect(stderr).toContain('interrupted');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);
});
