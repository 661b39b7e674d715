/**
 * Golden CLI scenarios (Spectral-style): each folder under scenarios/ holds input files and a
 * command.json `{ args, exitCode, stdout?, stderr?, ruleIds?, noReport? }`. `{dir}` in args is the
 * scenario folder, `{out}` a fresh output folder. When expected-report.json exists, the run's
 * report.json, normalised (clock, version, absolute paths), must equal it; set UPDATE_GOLDEN=1 to
 * rewrite it after a deliberate change, and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from './run-cli.js';

interface Command {
  args: string[];
  exitCode: number;
  stdout?: string[];
  stderr?: string[];
  /** rule ids that must appear among the findings */
  ruleIds?: string[];
  /** the run must leave --out without any report */
  noReport?: boolean;
}

const root = join(import.meta.dirname, 'scenarios');

export function normaliseReport(text: string): unknown {
  const r = JSON.parse(text) as Record<string, unknown>;
  r['generatedAt'] = '<generatedAt>';
  (r['tool'] as Record<string, unknown>)['version'] = '<version>';
  for (const i of r['inputs'] as Record<string, unknown>[]) i['path'] = basename(String(i['path']));
  return r;
}

describe('golden CLI scenarios', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const cmdFile = join(dir, 'command.json');
    if (!existsSync(cmdFile)) continue;
    const cmd = JSON.parse(readFileSync(cmdFile, 'utf8')) as Command;
    it(name, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'ia-golden-')), 'out');
      const args = cmd.args.map((a) => a.replaceAll('{dir}', dir).replaceAll('{out}', out));
      const res = await runCli(args, { NO_COLOR: '1' });
      for (const s of cmd.stdout ?? []) expect(res.stdout).toContain(s);
      for (const s of cmd.stderr ?? []) expect(res.stderr).toContain(s);
      expect(res.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
      expect(res.code, res.stderr).toBe(cmd.exitCode);
      if (cmd.noReport) {
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
        return;
      }
      const reportPath = join(out, 'report.json');
      if (!existsSync(reportPath)) return;
      const text = readFileSync(reportPath, 'utf8');
      const report = JSON.parse(text) as { exceptions: { ruleId: string }[] };
      const ids = new Set(report.exceptions.map((e) => e.ruleId));
      for (const id of cmd.ruleIds ?? []) expect([...ids], `rule ${id}`).toContain(id);
      const golden = join(dir, 'expected-report.json');
      const normal = normaliseReport(text);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, JSON.stringify(normal, null, 2) + '\n');
      if (existsSync(golden)) expect(normal).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
