import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { InputKind } from '../../src/model.js';
import { openInput, type OpenOptions, type ParsedRow } from '../../src/read/index.js';

/** A private temp dir for this test file, removed after the file's tests. */
export function tempDir(): (name: string, content?: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), 'ia-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name: string, content?: string | Buffer) => {
    const p = join(dir, name);
    if (content !== undefined) writeFileSync(p, content);
    return p;
  };
}

export const CLAIMS_HEADER = 'claim_id,line,patient_id,service_date,payer,code,units';

export async function readAll<K extends InputKind>(kind: K, path: string, opts: Partial<OpenOptions> = {}) {
  const input = await openInput(kind, path, { inputIndex: 0, ...opts });
  const rows: ParsedRow<K>[] = [];
  for await (const r of input.rows()) rows.push(r);
  return { input, rows, stats: input.stats() };
}

export function errorsOf(rows: ParsedRow<InputKind>[]) {
  return rows.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));
}
