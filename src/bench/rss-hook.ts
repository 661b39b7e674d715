/**
 * Preloaded by the benchmark (`node --import`) into the audit process: at exit, writes the
 * process's peak resident memory (KiB) and CPU time (ms) as JSON to the file named by
 * INFUSION_AUDIT_BENCH_RSS_FILE.
 *
 * `bin/infusion-audit.js audit` runs the audit in a child node (a larger young generation) and that
 * child inherits this hook: it exits first and writes its figures; the launcher then adds its own.
 * So the file holds the sum of both processes' peaks (an upper bound of what they held at once)
 * and the sum of their CPU times.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const target = process.env['INFUSION_AUDIT_BENCH_RSS_FILE'];
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    let maxRSS = u.maxRSS;
    let cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
    let processes = 1;
    if (existsSync(target)) {
      const before = JSON.parse(readFileSync(target, 'utf8')) as { maxRSS: number; cpuMs: number; processes?: number };
      maxRSS += before.maxRSS;
      cpuMs += before.cpuMs;
      processes += before.processes ?? 1;
    }
    writeFileSync(target, JSON.stringify({ maxRSS, cpuMs, processes }));
  });
}
