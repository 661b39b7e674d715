#!/usr/bin/env node
import { installSignalCleanup, run } from '../dist/cli/main.js';

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
