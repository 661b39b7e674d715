#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A larger young generation: an audit allocates millions of short-lived row objects, and with the
// default semi-space most of them are copied before they die (measured on 100k encounters: about
// 8% less time for about 100 MB more peak memory, well inside the 1 GB budget). Set before the
// program is loaded; NODE_OPTIONS still wins when it sets the flag itself.
if (!/--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? '')) setFlagsFromString('--max-semi-space-size=64');

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
