import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSink } from '../../src/report/sink.js';

describe('FileSink', () => {
  it('writes exactly the text given, across chunk boundaries, multi-byte characters and oversized pieces', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ia-sink-')), 'out.csv');
    const sink = await FileSink.open(path, 16);
    const pieces = ['abc', 'é€😀', 'x'.repeat(40), '', 'Ünïcödé,"quoted"\n', '12345678901234', 'z'];
    for (const p of pieces) sink.write(p);
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses writes after close', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ia-sink-')), 'out.csv');
    const sink = await FileSink.open(path);
    await sink.close();
    expect(() => sink.write('late')).toThrow(/after close/);
  });
});
