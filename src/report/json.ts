/**
 * report.json: exactly the AuditResult, top-level fields in model.ts order, written as a
 * stream. Small sections are pretty-printed (2 spaces); the big arrays (exceptions,
 * encounters, resolved) hold one item per line, written item by item, so 200k exceptions never
 * become one giant string, and a finding is one greppable, diffable line.
 * JSON values are data and are never neutralised.
 */
import type { AuditResult, EncounterSummary, Evidence, Finding } from '../model.js';
import { FileSink } from './sink.js';

/** Field order of AuditResult as declared in model.ts; any other field follows in its own order. */
export const RESULT_KEYS = [
  'schemaVersion',
  'tool',
  'generatedAt',
  'rulePacks',
  'inputs',
  'summary',
  'exceptions',
  'encounters',
  'skippedChecks',
  'unmatchedPayers',
  'resolved',
  'baseline',
  'period',
  'redacted',
  'reconciliation',
] as const;

const STREAMED = new Set<string>(['exceptions', 'encounters', 'resolved']);

const FINDING_KEYS = [
  'id',
  'ruleId',
  'category',
  'severity',
  'message',
  'patientId',
  'encounterId',
  'claimId',
  'line',
  'serviceDate',
  'code',
  'expected',
  'evidence',
  'amountAtRisk',
  'direction',
  'status',
] as const;
const EVIDENCE_KEYS = ['kind', 'file', 'sheet', 'row', 'column'] as const;
const ENCOUNTER_KEYS = ['encounterId', 'patientId', 'serviceDate', 'billedAdminCodes', 'expectedAdminCodes'] as const;

/** A copy of obj with `keys` first (when present and defined) and any other keys after. */
function ordered(obj: object, keys: readonly string[]): Record<string, unknown> {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

export function orderFinding(f: Finding): Record<string, unknown> {
  const o = ordered(f, FINDING_KEYS);
  if (Array.isArray(f.evidence)) o.evidence = f.evidence.map((e: Evidence) => ordered(e, EVIDENCE_KEYS));
  return o;
}

function orderEncounter(e: EncounterSummary): Record<string, unknown> {
  return ordered(e, ENCOUNTER_KEYS);
}

/** Yield to the event loop every this many items so a TTY progress line can still move. */
const YIELD_EVERY = 20_000;

/** Write `result` as report.json to `path` (mode 0600). */
export async function writeJsonReport(path: string, result: AuditResult): Promise<void> {
  const sink = await FileSink.open(path);
  try {
    await streamJson(result, (s) => sink.write(s));
    await sink.close();
  } catch (err) {
    sink.discard();
    throw err;
  }
}

/** Serialise `result` through `emit` in pieces (exported for tests and other sinks). */
export async function streamJson(result: AuditResult, emit: (chunk: string) => void): Promise<void> {
  const src = result as unknown as Record<string, unknown>;
  const keys: string[] = [...RESULT_KEYS.filter((k) => src[k] !== undefined)];
  for (const k of Object.keys(src)) if (!keys.includes(k) && src[k] !== undefined) keys.push(k);

  emit('{');
  let first = true;
  for (const key of keys) {
    const value = src[key];
    emit(first ? '\n  ' : ',\n  ');
    first = false;
    emit(JSON.stringify(key) + ': ');
    if (STREAMED.has(key) && Array.isArray(value)) {
      const order = (key === 'encounters' ? orderEncounter : orderFinding) as (item: unknown) => Record<string, unknown>;
      await emitArray(value as unknown[], order, emit);
    } else {
      emit(JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
    }
  }
  emit('\n}\n');
}

async function emitArray<T>(
  items: readonly T[],
  order: (item: T) => Record<string, unknown>,
  emit: (chunk: string) => void,
): Promise<void> {
  if (items.length === 0) {
    emit('[]');
    return;
  }
  emit('[');
  for (let i = 0; i < items.length; i++) {
    // JSON.stringify escapes newlines inside strings, so every item is exactly one line
    emit((i === 0 ? '\n    ' : ',\n    ') + JSON.stringify(order(items[i] as T)));
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((r) => setImmediate(r));
  }
  emit('\n  ]');
}
