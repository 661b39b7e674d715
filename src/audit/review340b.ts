/**
 * The retrospective 340B review (shared/domain/340b-and-billing-model.md section 7): every drug
 * claim line audited (the run keeps only lines inside --since/--until) is judged by the
 * `340b-modifiers` table row, the facility's designation (a dated list) and the payer policy in
 * force on its date of service, and counted in a pivot:
 *
 *   DOS quarter x payer type x payer x entity type x expected modifier x billed modifier x inventory
 *
 * with the measures lines, units, charges, estimated allowed (units x P, the ASP payment limit of
 * the date's quarter; absent without a price) and amountAtRisk (the `340b` findings on the lines);
 * plus exception totals by rule: modifier missing (`340b.missing`), modifier wrong (`340b.wrong`,
 * `340b.medicaid-identifier`), modifier on a non-340B drug (`340b.not-340b`), mixed (`340b.mixed`),
 * duplicate discount (`340b.duplicate-discount`) and lines not verifiable (unknown acquisition:
 * no dispense link or a blank inventory; section 4, never a finding).
 *
 * - Inventory status, billed JG/TB and PN come from `acquisitions()` (src/checks/340b/acquisition.ts,
 *   computed once per encounter and shared with the checks).
 * - Expected modifier: what the rules in force on the DOS ask of the line given its stock.
 *   340B stock: a Medicaid payer whose `medicaid340b` policy carves in with a state modifier -> that
 *   id (UD, U8, ...); carve-out -> `none` (the dose should not be there: duplicate discount);
 *   otherwise, for a payer whose `modifiers340b` policy uses the table and a covered entity, the
 *   table cell (`expectationFor`, src/checks/340b/common.ts): JG | TB | optional | none, or
 *   `not-judged` when the table says nothing (SI not K/G on the DOS, such as packaged N drugs, or
 *   no table in force); `none` for payers without 340B modifiers and for `entity_340b: none`;
 *   `unconfigured` for a Medicaid payer without a `medicaid340b` policy.
 *   Non-340B stock: `none`, or the state's non-340B modifier (carve-in `non340bModifier`, e.g. UC).
 *   Bagged dose: `none`. Mixed stock: `split` (one line per inventory, section 5). Unknown stock:
 *   `unknown` (the line is not verifiable).
 * - Billed modifier: JG, TB and the payer's state ids (medicaid340b modifier and non340bModifier)
 *   the line carries, in claim order, joined by `+`; `none` without any.
 * - Exception totals count the findings the run reports (noteFinding: severity overrides applied,
 *   `off` ones are gone), so they equal the counts of those rule ids in report.json.
 *
 * With no drug line the block is still emitted, every count 0 and no cell (the same shape always).
 *
 * Cheap on the hot path: per-date facts (quarter, entity, ASP release in force) once per date, the
 * payer and the code's expected modifier and price once per date, payer and code; cells found
 * through nested maps keyed by the dimension values (no key strings built per line); only the
 * encounter's priced `340b` findings are kept until its lines are counted.
 */
import {
  REVIEW_EXCEPTIONS,
  REVIEW_EXCEPTION_RULES,
  REVIEW_INVENTORY,
  type ClaimLine,
  type Finding,
  type Review340b,
  type Review340bCell,
  type ReviewException,
  type ReviewInventory,
} from '../model.js';
import { cmsRelease } from '../rules/cms.js';
import { entity340bOn, type Entity340b, type Facility, type PayerResolver, type ResolvedPayer, type RuleSet } from '../rules/index.js';
import type { Encounter } from '../checks/types.js';
import { acquisitions, type DrugAcquisition } from '../checks/340b/acquisition.js';
import { expectationFor } from '../checks/340b/common.js';
import { drugPrice } from '../checks/drug/lines.js';
import { quarterOf } from './reference-data.js';

const EXCEPTION_OF = new Map<string, ReviewException>();
for (const k of REVIEW_EXCEPTIONS) for (const id of REVIEW_EXCEPTION_RULES[k]) EXCEPTION_OF.set(id, k);

/** The finding fields the review reads. */
export type ReviewFinding = Pick<Finding, 'ruleId' | 'category' | 'claimId' | 'line' | 'amountAtRisk'>;

interface Cell {
  out: Review340bCell;
  allowed: number;
  priced: number;
}

/** Cells of one quarter, entity and payer: expected -> billed -> inventory. */
type Cells = Map<string, Map<string, Map<ReviewInventory, Cell>>>;

/** What a code is judged by on one date for one payer (computed once per date, payer and code). */
interface CodeFacts {
  /** the expected modifier of a 340B dose on a line without / with PN */
  due: [string | undefined, string | undefined];
  /** P per unit of the date's quarter; undefined when not known */
  perUnit: number | undefined;
}

/** One payer on one date. */
interface PayerDay {
  facts: DateFacts;
  payer: ResolvedPayer;
  /** shared by every date of the quarter with the same entity */
  cells: Cells;
  codes: Map<string, CodeFacts>;
}

interface DateFacts {
  quarter: string;
  entity: Entity340b;
  /** the ASP pricing release of the date's quarter is loaded (P known for the date) */
  aspInForce: boolean;
  payers: Map<string, PayerDay>;
}

function child<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

export class Review340bCounter {
  private readonly dates = new Map<string, DateFacts>();
  /** quarter -> entity -> payer -> cells */
  private readonly shared = new Map<string, Map<Entity340b, Map<string, Cells>>>();
  private readonly cells: Cell[] = [];
  /** priced `340b` findings of the encounter being checked, placed on its lines by add() */
  private readonly pending: ReviewFinding[] = [];
  private drugLines = 0;
  private readonly byInventory = Object.fromEntries(REVIEW_INVENTORY.map((s) => [s, 0])) as Record<ReviewInventory, number>;
  private readonly exceptions = Object.fromEntries(REVIEW_EXCEPTIONS.map((s) => [s, 0])) as Record<ReviewException, number>;

  constructor(
    private readonly rules: RuleSet,
    private readonly facility: Facility,
    private readonly payers: PayerResolver,
  ) {}

  /** the last payer day asked for: the lines of an encounter share their date and payer */
  private last: PayerDay | undefined;
  private lastDate = '';
  private lastPayer = '';

  /** The payer on the date (once per date and payer name). */
  private payerDay(date: string, payerName: string): PayerDay {
    if (this.last && date === this.lastDate && payerName === this.lastPayer) return this.last;
    this.lastDate = date;
    this.lastPayer = payerName;
    return (this.last = this.findPayerDay(date, payerName));
  }

  private findPayerDay(date: string, payerName: string): PayerDay {
    let facts = this.dates.get(date);
    if (!facts) {
      const entity = entity340bOn(this.facility, date);
      facts = { quarter: quarterOf(date), entity, aspInForce: cmsRelease(this.rules, 'asp-pricing', date)?.inForce === true, payers: new Map() };
      this.dates.set(date, facts);
    }
    let day = facts.payers.get(payerName);
    if (!day) {
      const byEntity = child(this.shared, facts.quarter, () => new Map<Entity340b, Map<string, Cells>>());
      const byPayer = child(byEntity, facts.entity, () => new Map<string, Cells>());
      day = { facts, payer: this.payers.resolve(payerName), cells: child(byPayer, payerName, (): Cells => new Map()), codes: new Map() };
      facts.payers.set(payerName, day);
    }
    return day;
  }

  /**
   * Note a finding the run reported while checking the current encounter (only `340b` ones are
   * kept): it counts in the exception totals, and its amountAtRisk goes to its line's cell at add().
   */
  noteFinding(f: ReviewFinding): void {
    if (f.category !== '340b') return;
    const k = EXCEPTION_OF.get(f.ruleId);
    if (k !== undefined) this.exceptions[k]++;
    if (f.amountAtRisk !== undefined && f.amountAtRisk > 0) this.pending.push(f);
  }

  /** Count the drug lines of one encounter, after its checks ran (and their findings were noted). */
  add(enc: Encounter): void {
    const list = acquisitions(enc, this.rules);
    if (list.length === 0) {
      this.pending.length = 0;
      return;
    }
    // the cell of each line, kept only when amounts are to be placed on lines
    const lineCells: Cell[] | undefined = this.pending.length > 0 ? [] : undefined;
    for (const a of list) {
      const cell = this.count(a);
      lineCells?.push(cell);
    }
    if (!lineCells) return;
    for (const f of this.pending) {
      const at = list.findIndex((a) => a.line.claimId === f.claimId && a.line.line === f.line);
      const cell = at < 0 ? undefined : lineCells[at];
      if (cell) cell.out.amountAtRisk += f.amountAtRisk ?? 0;
    }
    this.pending.length = 0;
  }

  private count(a: DrugAcquisition): Cell {
    const line = a.line;
    const day = this.payerDay(line.serviceDate, line.payer);
    const facts = day.facts;
    const payer = day.payer;
    let code = day.codes.get(line.code);
    if (!code) {
      const price = facts.aspInForce ? drugPrice(this.rules, line.code, line.serviceDate, payer.type) : undefined;
      code = { due: [undefined, undefined], perUnit: price?.perUnit };
      day.codes.set(line.code, code);
    }
    const expected = this.expected(a, payer, facts.entity, code);
    const billed = billedModifier(line, payer);
    const status = a.status;
    // no closures on the per-line path
    let byBilled = day.cells.get(expected);
    if (!byBilled) day.cells.set(expected, (byBilled = new Map()));
    let byStatus = byBilled.get(billed);
    if (!byStatus) byBilled.set(billed, (byStatus = new Map()));
    let cell = byStatus.get(status);
    if (!cell) cell = this.newCell(byStatus, facts, payer, line.payer, expected, billed, status);
    const o = cell.out;
    o.lines++;
    o.units += line.units;
    if (line.charge !== undefined) o.charges += line.charge;
    if (code.perUnit !== undefined) {
      cell.allowed += line.units * code.perUnit;
      cell.priced++;
    }
    this.drugLines++;
    this.byInventory[status]++;
    if (status === 'unknown') this.exceptions.notVerifiable++;
    return cell;
  }

  private newCell(byStatus: Map<ReviewInventory, Cell>, facts: DateFacts, payer: ResolvedPayer, payerName: string, expected: string, billed: string, status: ReviewInventory): Cell {
    const cell: Cell = {
      out: {
        quarter: facts.quarter,
        payerType: payer.type,
        payer: payerName,
        entityType: facts.entity,
        expectedModifier: expected,
        billedModifier: billed,
        inventory: status,
        lines: 0,
        units: 0,
        charges: 0,
        amountAtRisk: 0,
      },
      allowed: 0,
      priced: 0,
    };
    byStatus.set(status, cell);
    this.cells.push(cell);
    return cell;
  }

  /** What the rules in force ask of the line given its stock (see the module comment). */
  private expected(a: DrugAcquisition, payer: ResolvedPayer, entity: Entity340b, code: CodeFacts): string {
    const policy = payer.policy;
    const medicaid = payer.type === 'medicaid' ? policy.medicaid340b : undefined;
    switch (a.status) {
      case 'unknown':
        return 'unknown';
      case 'mixed':
        return 'split';
      case 'bag':
        return 'none';
      case 'non-340b':
        return medicaid?.carve === 'in' && medicaid.non340bModifier ? medicaid.non340bModifier : 'none';
    }
    const k = a.pn ? 1 : 0;
    let due = code.due[k];
    if (due === undefined) {
      if (medicaid) due = medicaid.carve === 'in' && medicaid.modifier !== undefined ? medicaid.modifier : 'none';
      else if (policy.modifiers340b === 'none') due = payer.type === 'medicaid' ? 'unconfigured' : 'none';
      else if (entity === 'none') due = 'none';
      else due = expectationFor(this.rules, a, entity)?.cell.modifier ?? 'not-judged';
      code.due[k] = due;
    }
    return due;
  }

  result(): Review340b {
    const r2 = (n: number) => Math.round(n * 100) / 100;
    const cells = this.cells.map((c) => {
      const { amountAtRisk, ...dims } = c.out;
      // key order of the report: the dimensions, then lines, units, charges, estimatedAllowed, amountAtRisk
      const o: Omit<Review340bCell, 'amountAtRisk'> = { ...dims, units: Math.round(c.out.units * 1e6) / 1e6, charges: r2(c.out.charges) };
      if (c.priced > 0) o.estimatedAllowed = r2(c.allowed);
      if (c.priced < c.out.lines) o.unpricedLines = c.out.lines - c.priced;
      return { ...o, amountAtRisk: r2(amountAtRisk) };
    });
    cells.sort(compareCells);
    return { drugLines: this.drugLines, byInventory: { ...this.byInventory }, exceptions: { ...this.exceptions }, cells };
  }
}

/** JG, TB and the payer's state ids on the line, in claim order (`none` without any). */
export function billedModifier(line: ClaimLine, payer: ResolvedPayer): string {
  const m = payer.type === 'medicaid' ? payer.policy.medicaid340b : undefined;
  const state = m?.modifier;
  const non340b = m?.non340bModifier ?? undefined;
  let first: string | undefined;
  let more: string[] | undefined;
  for (const x of line.modifiers) {
    if (x !== 'JG' && x !== 'TB' && x !== state && x !== non340b) continue;
    if (first === undefined) first = x;
    else if (x !== first && !more?.includes(x)) (more ??= [first]).push(x);
  }
  return more ? more.join('+') : (first ?? 'none');
}

const INVENTORY_ORDER = new Map(REVIEW_INVENTORY.map((s, i) => [s, i] as const));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareCells(a: Review340bCell, b: Review340bCell): number {
  return (
    cmp(a.quarter, b.quarter) ||
    cmp(a.payerType, b.payerType) ||
    cmp(a.payer, b.payer) ||
    cmp(a.entityType, b.entityType) ||
    cmp(a.expectedModifier, b.expectedModifier) ||
    cmp(a.billedModifier, b.billedModifier) ||
    (INVENTORY_ORDER.get(a.inventory) ?? 0) - (INVENTORY_ORDER.get(b.inventory) ?? 0)
  );
}
