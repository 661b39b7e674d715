/**
 * Preloaded by the benchmark (`node --import`) into the audit process: at exit, writes the
 * process's peak resident memory (KiB) and CPU time (ms) as JSON to the file named by
 * INFUSION_AUDIT_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['INFUSION_AUDIT_BENCH_RSS_FILE'];
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
