/**
 * `npm run bench`: the SPEC "Performance" measurement.
 *
 * 1. Generates 100,000 encounters with `samples` (seed "bench", no planted problems, from 2023-01-01) into
 *    .bench/data (kept between runs; regenerated when missing).
 * 2. Baseline: csv-parse alone reads the same four CSV files, one after another, in array mode
 *    (`columns: false`, delimiter ',', every other option default), counting records and nothing
 *    else; fs.createReadStream piped into the parser, in this process.
 * 3. Audit: `node bin/infusion-audit.js audit .bench/data --format json,csv --out <tmp> --quiet
 *    --fail-on never` as a child process; wall time from spawn to exit, peak RSS from the child's
 *    own process.resourceUsage() at exit. The launcher runs the audit in a node of its own (a larger
 *    young generation, see bin/): peak RSS and CPU time are then the sums over both processes.
 * Baseline and audit alternate for --rounds rounds (default 3) so that load from other processes
 * hits both alike; the figures are the best (lowest) of each. Prints the ratio audit / baseline
 * (target <= 2.5) and the highest peak memory (target <= 1 GB); also the ratio of CPU times
 * (user + system), which other load on the machine disturbs less than wall time.
 * Options: --encounters N (default 100000), --rounds R, --keep (keep the last audit output), --from DATE
 * and --to DATE (the dates of service generated; a multi-year retrospective: --from 2022-01-01 --to
 * 2025-12-31), --planted (plant the samples' problems, so that findings are written too).
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

async function baseline(dir: string): Promise<{ ms: number; cpuMs: number; records: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let records = 0;
  for (const k of KINDS) records += await countRecords(join(dir, `${k}.csv`));
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, records };
}

function runAudit(dir: string, out: string, rssFile: string, extra: readonly string[]): Promise<{ ms: number; code: number | null; stderr: string }> {
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
        ...extra,
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
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const from = arg('--from') ?? '2023-01-01';
  const to = arg('--to');
  // --planted: the samples' planted problems too (findings to write), as in a real client's data
  const planted = args.includes('--planted');
  const dir = join(PACKAGE_ROOT, '.bench', from === '2023-01-01' && to === undefined && !planted ? `data-${encounters}-2023` : `data-${encounters}-${from}-${to ?? 'open'}${planted ? '-planted' : ''}`);
  // a retrospective review names its period, as `audit --since --until` would
  const period = to !== undefined ? ['--since', from, '--until', to] : [];
  if (!existsSync(join(dir, 'claims.csv'))) {
    const t0 = performance.now();
    await generateSamples(dir, { encounters, seed: 'bench', planted, from, ...(to !== undefined ? { to } : {}) });
    process.stderr.write(`generated ${encounters} encounters in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const sizes = KINDS.map((k) => statSync(join(dir, `${k}.csv`)).size).reduce((a, b) => a + b, 0);
  const rIdx = args.indexOf('--rounds');
  const rounds = rIdx >= 0 ? Math.max(1, Number(args[rIdx + 1])) : 3;
  const base = { ms: Infinity, cpuMs: Infinity, records: 0 };
  const audit = { ms: Infinity, cpuMs: Infinity };
  let rssKiB = 0;
  let procs = 1;
  for (let round = 1; round <= rounds; round++) {
    const b = await baseline(dir);
    base.ms = Math.min(base.ms, b.ms);
    base.cpuMs = Math.min(base.cpuMs, b.cpuMs);
    base.records = b.records;
    const out = mkdtempSync(join(tmpdir(), 'infusion-audit-bench-'));
    const rssFile = join(out, 'rss');
    const a = await runAudit(dir, join(out, 'out'), rssFile, period);
    if (a.code !== 0) {
      process.stderr.write(`audit failed with exit code ${a.code}:\n${a.stderr}\n`);
      return 1;
    }
    audit.ms = Math.min(audit.ms, a.ms);
    const usage = existsSync(rssFile)
      ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpuMs: number; processes?: number })
      : { maxRSS: NaN, cpuMs: NaN, processes: 0 };
    procs = usage.processes ?? 1;
    rssKiB = Math.max(rssKiB, usage.maxRSS);
    audit.cpuMs = Math.min(audit.cpuMs, usage.cpuMs);
    process.stderr.write(
      `round ${round}: csv-parse ${(b.ms / 1000).toFixed(2)} s (cpu ${(b.cpuMs / 1000).toFixed(2)} s), ` +
        `audit ${(a.ms / 1000).toFixed(2)} s (cpu ${(usage.cpuMs / 1000).toFixed(2)} s)\n`,
    );
    if (!keep || round < rounds) rmSync(out, { recursive: true, force: true });
    else process.stderr.write(`audit output kept in ${out}\n`);
  }
  const ratio = audit.ms / base.ms;
  const mb = rssKiB / 1024;
  const lines = [
    `encounters:            ${encounters.toLocaleString('en-US')} (${base.records.toLocaleString('en-US')} CSV records, ${(sizes / 1e6).toFixed(1)} MB; dates of service from ${from}${to !== undefined ? ` to ${to}, audited with --since/--until` : ''}${planted ? ', planted problems' : ''})`,
    `baseline (csv-parse):  ${(base.ms / 1000).toFixed(2)} s  (array mode, records counted, 4 files in sequence, best of ${rounds})`,
    `audit --format json,csv: ${(audit.ms / 1000).toFixed(2)} s  (child process, spawn to exit, best of ${rounds})`,
    `ratio:                 ${ratio.toFixed(2)}x  (target <= 2.5x) ${ratio <= 2.5 ? 'OK' : 'OVER'}`,
    `cpu time ratio:        ${(audit.cpuMs / base.cpuMs).toFixed(2)}x  (audit ${(audit.cpuMs / 1000).toFixed(2)} s incl. GC threads / csv-parse ${(base.cpuMs / 1000).toFixed(2)} s; steadier than wall time on a busy machine)`,
    `peak memory (RSS):     ${mb.toFixed(0)} MB  (target <= 1024 MB) ${mb <= 1024 ? 'OK' : 'OVER'}${procs > 1 ? ` (sum of the ${procs} processes' peaks: launcher + audit)` : ''}`,
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
