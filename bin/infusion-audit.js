#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

// `audit` runs with a larger young generation: it allocates millions of short-lived row objects, and
// with V8's default 16 MB semi-space most of them are copied before they die (100k encounters:
// about 530 scavenges taking ~20% of the CPU time; with 64 MB, ~145 and ~15% less CPU time, for
// about 80 MB more peak memory, well inside the 1 GB budget). V8 reads the flag only when the heap
// is created (v8.setFlagsFromString at this point has no effect), so the launcher runs the audit in
// a child node with the flag. NODE_OPTIONS or node's own flags still win when they set it, and
// INFUSION_AUDIT_NO_RESPAWN=1 keeps everything in this process.
const SEMI_SPACE = '--max-semi-space-size=64';
const flagSet = (s) => /--max-semi-space-size/.test(s);
if (
  process.argv[2] === 'audit' &&
  process.env.INFUSION_AUDIT_NO_RESPAWN !== '1' &&
  !flagSet(process.env.NODE_OPTIONS ?? '') &&
  !process.execArgv.some(flagSet)
) {
  const child = spawn(process.execPath, [...process.execArgv, SEMI_SPACE, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, INFUSION_AUDIT_NO_RESPAWN: '1' },
  });
  // a signal sent to this process alone (kill PID, a cron timeout) reaches the audit too, which
  // removes its half-written reports; Ctrl-C already reaches both through the process group
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    });
  }
  child.on('error', (err) => {
    process.stderr.write(`infusion-audit: internal error: could not start the audit process (${err.message})\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 2);
  });
} else {
  await main();
}

async function main() {
  const { installSignalCleanup, run } = await import('../dist/cli/main.js');

  installSignalCleanup();

  let finished = false;
  // If the event loop empties before run() settles, something awaited forever: say so and fail,
  // never exit 0 with half a run.
  process.on('beforeExit', () => {
    if (!finished) {
      finished = true;
      process.stderr.write('infusion-audit: internal error: the run stopped before it finished (nothing left to wait for)\n');
      process.exitCode = 2;
    }
  });

  run(process.argv.slice(2)).then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (err) => {
      finished = true;
      // main() turns every expected failure into a message; this is the last guard against a stack trace.
      process.stderr.write(`infusion-audit: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
