/** The bundled samples and their planted problems (samples/planted.csv), for the sample audit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

export type Plant = { encounter_id: string; claim_id: string; line: string; rule_id: string; kind: string; file: string; row: string };

export function readPlanted(): Plant[] {
  const [head, ...rows] = readFileSync(join(SAMPLES, 'planted.csv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split(',');
  return rows.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ''])) as Plant;
  });
}
