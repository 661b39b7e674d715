/**
 * What the `340b` checks share (shared/domain/340b-and-billing-model.md sections 2-5): the payer's
 * 340B modifier policy for a line, the facility's OPPS designation on the date of service, the
 * modifier the `340b-modifiers` table expects, the payment difference of the cut and the finding
 * a check reports on a drug line (annotated on its `modifiers` cell, dispense rows as evidence).
 */
import '../../rules/340b-schemas.js';
import type { Severity } from '../../model.js';
import { entity340bOn, type Entity340b, type PayerPolicy, type RuleSet } from '../../rules/index.js';
import type { RuleTable } from '../../rules/types.js';
import { cmsRelease, statusIndicator } from '../../rules/cms.js';
import { modifierCell, type ModifierCell, type Modifiers340bData } from '../../rules/340b-schemas.js';
import type { CheckContext, Encounter, FindingInput } from '../types.js';
import { drugPrice } from '../drug/lines.js';
import { lastEncounter, memo2 } from '../memo.js';
import { acquisitions, type DrugAcquisition } from './acquisition.js';

export const TABLE = '340b-modifiers';

export const SOURCE_NOTE = 'shared/domain/340b-and-billing-model.md sections 1-5 (JG and TB both mean 340B-acquired; dispense inventory decides)';

const ENTITY_WORDS: Record<Entity340b, string> = {
  none: 'a facility that is not a 340B covered entity',
  dsh: 'a DSH hospital',
  rrc: 'a rural referral center',
  urban_sch: 'an urban sole community hospital',
  rural_sch: 'a rural sole community hospital',
  childrens: "a children's hospital",
  cancer: 'a cancer hospital',
  cah: 'a critical access hospital',
  grantee: 'a 340B grantee',
};
export const entityWords = (e: Entity340b): string => ENTITY_WORDS[e];

/** The payer's 340B modifier policy for a line (`none`: the payer does not use JG/TB: not checked). */
export function policyOf(ctx: CheckContext, payer: string): PayerPolicy['modifiers340b'] {
  return ctx.payers.resolve(payer).policy.modifiers340b;
}

/** The OPPS status indicator of a code on a date, remembered per (date, code). */
export function siOf(rules: RuleSet, code: string, date: string): string | undefined {
  return memo2(rules, '340b-si', date, code, () => statusIndicator(rules, code, date)?.si);
}

/** What the table expects of a line of 340B stock: undefined when the table says nothing (out of scope). */
export interface Expectation {
  entity: Entity340b;
  table: RuleTable<Modifiers340bData>;
  cell: ModifierCell;
  si: 'K' | 'G';
  /** the modifier due, when the cell names one (not optional / none) */
  want?: 'JG' | 'TB';
}

/** Expectations are few (table version x entity x PN x SI): one object each, built once. */
const expectations = new WeakMap<RuleTable<Modifiers340bData>, Map<Entity340b, (Expectation | null)[]>>();

/**
 * The table's cell for a drug line of 340B stock of the entity on the line's date of service (by PN
 * and the code's OPPS SI); undefined when the table says nothing (no table in force, SI not K/G).
 * Shared by the checks and the retrospective review (src/audit/review340b.ts).
 */
export function expectationFor(rules: RuleSet, a: Pick<DrugAcquisition, 'line' | 'pn'>, entity: Entity340b): Expectation | undefined {
  const line = a.line;
  const table = rules.get<Modifiers340bData>(TABLE, line.serviceDate);
  if (!table) return undefined;
  const si = siOf(rules, line.code, line.serviceDate);
  if (si !== 'K' && si !== 'G') return undefined;
  let byEntity = expectations.get(table);
  if (!byEntity) expectations.set(table, (byEntity = new Map()));
  let slots = byEntity.get(entity);
  if (!slots) byEntity.set(entity, (slots = [undefined, undefined, undefined, undefined] as unknown as (Expectation | null)[]));
  const k = (a.pn ? 2 : 0) + (si === 'K' ? 0 : 1);
  let x = slots[k];
  if (x === undefined) {
    const cell = modifierCell(table.data, entity, a.pn, si);
    const want = cell?.modifier;
    x = cell ? { entity, table, cell, si, ...(want === 'JG' || want === 'TB' ? { want } : {}) } : null;
    slots[k] = x;
  }
  return x ?? undefined;
}

const payerUse = lastEncounter<boolean>();

/** Does any claim line of the encounter go to a payer whose policy uses JG/TB? (once per encounter) */
export function usesModifiers(enc: Encounter, ctx: CheckContext): boolean {
  return payerUse(enc, ctx.payers, () => {
    let last = '';
    for (const c of enc.claims) {
      if (c.payer === last) continue;
      last = c.payer;
      if (ctx.payers.resolve(c.payer).policy.modifiers340b !== 'none') return true;
    }
    return false;
  });
}

/**
 * Calls `fn` for each drug line of 340B stock that the table judges (a JG or TB cell): lines that
 * carry a 340B modifier (`billed` true) or that carry none (`billed` false), for payers whose
 * policy uses JG/TB and dates on which the facility is a covered entity.
 */
export function forEachJudged(
  enc: Encounter,
  ctx: CheckContext,
  billed: boolean,
  fn: (a: DrugAcquisition, policy: PayerPolicy['modifiers340b'], x: Expectation & { want: 'JG' | 'TB' }) => void,
): void {
  if (!usesModifiers(enc, ctx)) return;
  for (const a of acquisitions(enc, ctx.rules)) {
    if (a.status !== '340b' || (a.modifier !== undefined) !== billed) continue;
    const policy = policyOf(ctx, a.line.payer);
    if (policy === 'none') continue;
    const entity = entityOn(ctx, a);
    if (entity === 'none') continue;
    const x = expectationFor(ctx.rules, a, entity);
    if (x?.want === undefined) continue;
    fn(a, policy, x as Expectation & { want: 'JG' | 'TB' });
  }
}

/** The facility's designation on the line's date. */
export const entityOn = (ctx: CheckContext, a: DrugAcquisition): Entity340b => entity340bOn(ctx.facility, a.line.serviceDate);

/** A severity capped at warning by the payer policy (`medicare-warn`) or a row of weak confidence. */
export function capped(sev: Severity, policy: PayerPolicy['modifiers340b'], cell?: ModifierCell): Severity {
  if (sev !== 'error') return sev;
  if (policy === 'medicare-warn') return 'warning';
  if (cell && (cell.confidence === 'medium-low' || cell.confidence === 'low')) return 'warning';
  return sev;
}

/**
 * The payment difference of the cut for the line (section 5): units x P x 0.285 / 1.06, with P the
 * ASP payment limit of the release in force on the date; undefined when that release is not loaded.
 */
export function cutAmount(rules: RuleSet, a: DrugAcquisition): number | undefined {
  const { code, serviceDate, units } = a.line;
  const rel = cmsRelease(rules, 'asp-pricing', serviceDate);
  if (!rel?.inForce) return undefined;
  const p = drugPrice(rules, code, serviceDate, 'medicare');
  if (!p || p.perUnit <= 0 || units <= 0) return undefined;
  return Math.round((units * p.perUnit * 0.285 * 100) / 1.06) / 100;
}

const showLine = (a: DrugAcquisition): string => `${a.line.code}${a.line.modifiers.length ? '-' + a.line.modifiers.join('-') : ''} x${a.line.units}`;
export { showLine };

/** The finding on the line's `modifiers` cell (or `column`), with the dispense rows behind it as evidence. */
export function lineFinding(
  a: DrugAcquisition,
  patientId: string,
  f: Omit<FindingInput, 'records' | 'patientId' | 'claimId' | 'line' | 'serviceDate' | 'code'>,
  column: 'modifiers' | 'payer' = 'modifiers',
): FindingInput {
  const l = a.line;
  return {
    records: [{ kind: 'claims', record: l, column }, ...a.rows.map((r) => ({ kind: 'dispense' as const, record: r, column: 'inventory' }))],
    patientId,
    claimId: l.claimId,
    line: l.line,
    serviceDate: l.serviceDate,
    code: l.code,
    ...f,
  };
}
