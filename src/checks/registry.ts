import type { Check, ReaderCheck } from './types.js';
import { readerChecks } from './input/reader.js';
import { duplicateLine } from './input/duplicate-line.js';
import { impossibleValue } from './input/impossible.js';
import { ndcAmbiguous } from './input/ndc-ambiguous.js';
import { ndcMalformed } from './ndc/malformed.js';
import { unknownDrug } from './drug/unknown-drug.js';

/** Every check the tool runs, in the order they run. Add new checks here (and a test table). */
export const CHECKS: readonly Check[] = [duplicateLine, impossibleValue, ndcAmbiguous, ndcMalformed, unknownDrug];

/** Checks raised by the read layer: documented here, raised by the pipeline. */
export const READER_CHECKS: readonly ReaderCheck[] = readerChecks;

export const ALL_CHECKS: readonly Check[] = [...READER_CHECKS, ...CHECKS];

const byId = new Map(ALL_CHECKS.map((c) => [c.id, c] as const));

export function findCheck(id: string): Check | undefined {
  return byId.get(id);
}
