import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;

export async function tempDir(prefix = 'ia-samples-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function readCsv(path: string): Promise<Row[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Row[];
}

export interface SampleData {
  claims: Row[];
  mar: Row[];
  dispense: Row[];
  auths: Row[];
  planted: Row[];
}

export async function readSample(dir: string, withManifest = true): Promise<SampleData> {
  return {
    claims: await readCsv(join(dir, 'claims.csv')),
    mar: await readCsv(join(dir, 'mar.csv')),
    dispense: await readCsv(join(dir, 'dispense.csv')),
    auths: await readCsv(join(dir, 'auths.csv')),
    planted: withManifest ? await readCsv(join(dir, 'planted.csv')) : [],
  };
}

export function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** minutes between two `YYYY-MM-DD HH:MM` stamps */
export function minutesBetween(start: string, stop: string): number {
  return (Date.parse(`${stop.replace(' ', 'T')}:00Z`) - Date.parse(`${start.replace(' ', 'T')}:00Z`)) / 60000;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
