/**
 * `npm run bench`: the SPEC "Performance" measurement.
 *
 * 1. Generates 100,000 encounters with `samples` (seed "bench", no planted problems, from 2023-01-01) into
 *    .bench/data (kept between runs; regenerated when missing).
 * 2. Baseline: csv-parse alone reads the same four CSV files, one after another, in array mode
 *    (`columns: false`, delimiter ',', every other option default), counting records and nothing
 *    else; fs.createReadStream piped into the parser. Best of 2 runs, in this process.
 * 3. Audit: `node bin/infusion-audit.js audit .bench/data --format json,csv --out <tmp> --quiet
 *    --fail-on never` as a child process; wall time from spawn to exit, peak RSS from the child's
 *    own process.resourceUsage() at exit.
 * Prints the ratio audit / baseline (target <= 2.5) and peak memory (target <= 1 GB).
 * Options: --encounters N (default 100000), --keep (keep the audit output).
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { generateSamples } from '../samples/generate.js';
import { PACKAGE_ROOT } from '../version.js';

const KINDS = ['claims', 'mar', 'dispense', 'auths'] as const;

async function countRecords(file: string): Promise<number> {
  let n = 0;
  const parser = createReadStream(file).pipe(parse({ columns: false, delimiter: ',' }));
  for await (const _record of parser) n++;
  return n;
}

async function baseline(dir: string): Promise<{ ms: number; records: number }> {
  let best = Infinity;
  let records = 0;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    records = 0;
    for (const k of KINDS) records += await countRecords(join(dir, `${k}.csv`));
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, records };
}

function runAudit(dir: string, out: string, rssFile: string): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(PACKAGE_ROOT, 'dist', 'bench', 'rss-hook.js'),
        join(PACKAGE_ROOT, 'bin', 'infusion-audit.js'),
        'audit',
        dir,
        '--format',
        'json,csv',
        '--out',
        out,
        '--quiet',
        '--fail-on',
        'never',
      ],
      { env: { ...process.env, INFUSION_AUDIT_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - t0, code, stderr }));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const nIdx = args.indexOf('--encounters');
  const encounters = nIdx >= 0 ? Number(args[nIdx + 1]) : 100_000;
  const keep = args.includes('--keep');
  const dir = join(PACKAGE_ROOT, '.bench', `data-${encounters}-2023`);
  if (!existsSync(join(dir, 'claims.csv'))) {
    const t0 = performance.now();
    await generateSamples(dir, { encounters, seed: 'bench', planted: false, from: '2023-01-01' });
    process.stderr.write(`generated ${encounters} encounters in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const sizes = KINDS.map((k) => statSync(join(dir, `${k}.csv`)).size).reduce((a, b) => a + b, 0);
  const base = await baseline(dir);
  const out = mkdtempSync(join(tmpdir(), 'infusion-audit-bench-'));
  const rssFile = join(out, '..', `${out.split('/').pop() ?? 'x'}.rss`);
  const audit = await runAudit(dir, join(out, 'out'), rssFile);
  const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(rssFile, { force: true });
  if (!keep) rmSync(out, { recursive: true, force: true });
  if (audit.code !== 0) {
    process.stderr.write(`audit failed with exit code ${audit.code}:\n${audit.stderr}\n`);
    return 1;
  }
  const ratio = audit.ms / base.ms;
  const mb = rssKiB / 1024;
  const lines = [
    `encounters:            ${encounters.toLocaleString('en-US')} (${base.records.toLocaleString('en-US')} CSV records, ${(sizes / 1e6).toFixed(1)} MB)`,
    `baseline (csv-parse):  ${(base.ms / 1000).toFixed(2)} s  (array mode, records counted, 4 files in sequence, best of 2)`,
    `audit --format json,csv: ${(audit.ms / 1000).toFixed(2)} s  (child process, spawn to exit)`,
    `ratio:                 ${ratio.toFixed(2)}x  (target <= 2.5x) ${ratio <= 2.5 ? 'OK' : 'OVER'}`,
    `peak memory (RSS):     ${mb.toFixed(0)} MB  (target <= 1024 MB) ${mb <= 1024 ? 'OK' : 'OVER'}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
