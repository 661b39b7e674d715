import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSamples } from '../../src/samples/generate.js';
import { removeDir, tempDir } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await tempDir('ia-speed-');
});

afterAll(async () => {
  await removeDir(dir);
});

it('generates 20,000 encounters quickly (target ~3 s; asserted generously)', async () => {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const r = await generateSamples(join(dir, 'out'), { encounters: 20_000, seed: 'speed' });
  const ms = performance.now() - t0;
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const size = (await stat(join(dir, 'out', 'claims.csv'))).size;
  console.log(
    `samples: 20,000 encounters, ${r.rows.claims} claim lines, ${r.rows.mar} MAR, ${r.rows.dispense} dispense, ${r.rows.auths} auth rows in ${ms.toFixed(0)} ms (claims.csv ${(size / 1e6).toFixed(1)} MB, heap +${(heapGrowth / 1e6).toFixed(0)} MB)`,
  );
  expect(r.encounters).toBe(20_000);
  expect(r.rows.claims).toBeGreaterThan(80_000);
  expect(ms).toBeLessThan(15_000);
  // rows are streamed: the heap must not grow with the output (claims.csv alone is several MB)
  expect(heapGrowth).toBeLessThan(200e6);
});
