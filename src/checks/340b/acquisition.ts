/**
 * How each drug claim line of an encounter was acquired (shared/domain/340b-and-billing-model.md
 * section 4): the pharmacy dispense rows behind the line, their inventory (340b | wac | gpo) and
 * billing model. The entity type says which modifier; only the dispense record says whether this
 * dose was 340B, so the `340b` and `billing-model` checks read the status from here.
 *
 * - A dispense row of the encounter belongs to a line when it carries the line's encounter_id, else
 *   (linked by patient) when its dispense_date is in [DOS - 1 day, DOS] (the linker joins a dispense
 *   row to the next day's claims only when its own date has none; in a multi-day encounter this
 *   keeps a row from backing the lines of other days).
 * - The line's drug matches a dispense row by the line's NDC when it carries a readable one (the
 *   dispense NDC equal to it, both as 11 digits), else by HCPCS (the dispense NDC through the ASP
 *   crosswalk, else the dispense drug text through the catalog: `dispenseFor`).
 * - A JW line takes the dispense rows of its administered line (same code and date, same NDC when
 *   both carry one).
 * - Status: every linked row `340b` -> `340b`; every row `wac`/`gpo` -> `non-340b`; both -> `mixed`;
 *   every row white/brown bag -> `bag` (never hospital stock; with wac/gpo rows: `non-340b`, with
 *   340b rows: `mixed`); no row, or a hospital row with a blank inventory -> `unknown` (never
 *   guessed: no finding, counted as not verifiable).
 *
 * Computed once per encounter (the last encounter is kept) and shared by every check of the run.
 */
import type { ClaimLine, DispenseRow } from '../../model.js';
import type { RuleSet } from '../../rules/index.js';
import type { Encounter } from '../types.js';
import { dispenseFor } from '../drug/lines.js';
import { drugView, ndc11 } from '../drug/units-helpers.js';
import { addDays } from '../../link/linker.js';
import { lastEncounter, memo2, memoByText } from '../memo.js';

export type AcquisitionStatus = '340b' | 'non-340b' | 'mixed' | 'bag' | 'unknown';
export type BillingModel = DispenseRow['billingModel'] | 'mixed';

/** One drug claim line with the dispense evidence behind it. */
export interface DrugAcquisition {
  line: ClaimLine;
  /** dispense rows behind the line (for a JW line: those of its administered line) */
  rows: readonly DispenseRow[];
  status: AcquisitionStatus;
  /** billing model of the rows; undefined when there is no row */
  billingModel?: BillingModel;
  /** the 340B modifier the line carries (JG or TB), first one written; undefined when neither */
  modifier?: 'JG' | 'TB';
  /** both JG and TB on the line */
  both: boolean;
  /** the line carries PN (non-excepted off-campus department) */
  pn: boolean;
}

const NO_ROWS: readonly DispenseRow[] = [];
const NONE: readonly DrugAcquisition[] = [];

const views = lastEncounter<readonly DrugAcquisition[]>();

/** The acquisition of every drug line of the encounter, claim order within each code and date. */
export function acquisitions(enc: Encounter, rules: RuleSet): readonly DrugAcquisition[] {
  if (enc.claims.length === 0) return NONE;
  return views(enc, rules, () => build(enc, rules));
}

/** An NDC text as 11 digits, remembered per text (no key strings built). */
const ndcOf = (rules: RuleSet, text: string | undefined): string | undefined =>
  text === undefined || text === '' ? undefined : memo2(rules, 'ndc11', text, '', () => ndc11(text));

function build(enc: Encounter, rules: RuleSet): readonly DrugAcquisition[] {
  const groups = drugView(enc, rules).groups;
  if (groups.length === 0) return NONE;
  const out: DrugAcquisition[] = [];
  const hasDispense = enc.dispense.length > 0;
  // the dispense rows' NDCs as 11 digits, once per encounter (rows are compared with every line)
  const ndcs = hasDispense ? enc.dispense.map((d) => ndcOf(rules, d.ndc)) : undefined;
  for (const g of groups) {
    const given: DrugAcquisition[] = [];
    for (const line of g.given) {
      const rows = hasDispense ? rowsFor(enc, line, rules, ndcs) : NO_ROWS;
      const a = make(line, rows);
      given.push(a);
      out.push(a);
    }
    for (const line of g.jw) {
      let rows: readonly DispenseRow[] = NO_ROWS;
      if (hasDispense) {
        const ndc = ndcOf(rules, line.ndc);
        const admin = given.find((a) => ndc === undefined || ndcOf(rules, a.line.ndc) === ndc) ?? given[0];
        rows = admin ? admin.rows : rowsFor(enc, line, rules, ndcs);
      }
      out.push(make(line, rows));
    }
  }
  return out;
}

/** The dispense rows of the line's drug: by its NDC when it carries one, else through its HCPCS. */
function rowsFor(enc: Encounter, line: ClaimLine, rules: RuleSet, ndcs: readonly (string | undefined)[] | undefined): readonly DispenseRow[] {
  const ndc = ndcOf(rules, line.ndc);
  if (ndc === undefined) {
    const rows = dispenseFor(enc, line, rules).filter((r) => linksTo(r, line));
    return rows.length ? rows : NO_ROWS;
  }
  let rows: DispenseRow[] | undefined;
  const list = enc.dispense;
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as DispenseRow;
    if ((ndcs ? ndcs[i] : ndcOf(rules, r.ndc)) === ndc && linksTo(r, line)) (rows ??= []).push(r);
  }
  return rows ?? NO_ROWS;
}

/** The day before a date, remembered per date (a handful of dates per run). */
const dayBefore = memoByText((date: string) => addDays(date, -1));

/**
 * Section 4: a dispense row backs a line by encounter_id, else by patient with dispense_date in
 * [DOS - 1 day, DOS].
 */
export function linksTo(r: DispenseRow, line: ClaimLine): boolean {
  if (r.encounterId !== undefined && r.encounterId === line.encounterId) return true;
  const d = r.dispenseDate;
  const dos = line.serviceDate;
  return d === dos || (d < dos && d === dayBefore(dos));
}

function make(line: ClaimLine, rows: readonly DispenseRow[]): DrugAcquisition {
  let modifier: 'JG' | 'TB' | undefined;
  let both = false;
  let pn = false;
  for (const m of line.modifiers) {
    if (m === 'JG' || m === 'TB') {
      if (modifier === undefined) modifier = m;
      else if (modifier !== m) both = true;
    } else if (m === 'PN') pn = true;
  }
  const a: DrugAcquisition = { line, rows, status: statusOf(rows), both, pn };
  if (modifier !== undefined) a.modifier = modifier;
  const model = modelOf(rows);
  if (model !== undefined) a.billingModel = model;
  return a;
}

/** The inventory status of the rows behind a line (section 4). */
export function statusOf(rows: readonly DispenseRow[]): AcquisitionStatus {
  if (rows.length === 0) return 'unknown';
  let s340b = false;
  let other = false;
  let bag = false;
  let blank = false;
  for (const r of rows) {
    if (r.billingModel !== 'buy_and_bill') bag = true;
    else if (r.inventory === '340b') s340b = true;
    else if (r.inventory === undefined) blank = true;
    else other = true;
  }
  if (s340b && (other || bag)) return 'mixed';
  if (blank) return 'unknown';
  if (s340b) return '340b';
  if (other) return 'non-340b';
  return 'bag';
}

function modelOf(rows: readonly DispenseRow[]): BillingModel | undefined {
  let m: BillingModel | undefined;
  for (const r of rows) {
    if (m === undefined) m = r.billingModel;
    else if (m !== r.billingModel) return 'mixed';
  }
  return m;
}

/** The line is of 340B stock, a 340B modifier matters on it: the status words used in messages. */
export function describeStatus(a: DrugAcquisition): string {
  const ids = a.rows.map((r) => r.dispenseId).join(', ');
  switch (a.status) {
    case '340b':
      return `dispensed from 340B stock (${ids})`;
    case 'non-340b':
      return `dispensed from ${[...new Set(a.rows.map((r) => (r.inventory ?? '').toUpperCase()))].join('/')} stock, not 340B (${ids})`;
    case 'mixed':
      return `dispensed from both 340B and non-340B stock (${ids})`;
    case 'bag':
      return `${a.rows[0]?.billingModel === 'brown_bag' ? 'brought by the patient (brown bag)' : 'shipped by the payer\'s specialty pharmacy (white bag)'}, not hospital stock (${ids})`;
    default:
      return 'no dispense record links to the line';
  }
}
