/**
 * The shared analysis of the JW/JZ (`waste`) checks (shared/domain/drug-billing.md section 9): the
 * lines of one drug code on one claim and date, whether JW/JZ applies to them (payer policy, bill
 * type, DOS, Medicare status indicator, container), the documented waste and the JW units the
 * records support. Built once per encounter and shared by every waste check (memoised on the
 * encounter object); the NDC container table is indexed once per table version.
 */
import '../../rules/waste-schemas.js';
import { lastEncounter, memoByText } from '../memo.js';
import type { ClaimLine, MarRow } from '../../model.js';
import type { PayerPolicy, ResolvedPayer, RuleSet } from '../../rules/index.js';
import { crosswalkFor, crosswalkForHcpcs } from '../../rules/cms.js';
import type { NdcContainerRow, NdcContainersData } from '../../rules/waste-schemas.js';
import type { CheckContext, Encounter, FindingInput } from '../types.js';
import type { CatalogDrug } from '../drug/catalog.js';
import {
  catalogDrug,
  dispenseFor,
  doseInDrugUnit,
  drugAmount,
  drugPrice,
  drugLinesOf,
  isJW,
  isJZ,
  isNocCode,
  marFor,
  statusIndicatorOf,
  unitRange,
  unitsForWaste,
  type DrugPrice,
} from '../drug/lines.js';

/** JW required for discarded single-dose amounts. */
export const JW_REQUIRED_FROM = '2017-01-01';
/** JZ created (optional). */
export const JZ_CREATED = '2023-01-01';
/** JZ required (claims without it: warning until the returns start). */
export const JZ_REQUIRED_FROM = '2023-07-01';
/** claims without the right modifier may be returned unprocessed. */
export const JZ_RETURNED_FROM = '2023-10-01';

export const SOURCE_NOTE = 'shared/domain/drug-billing.md section 9 (JW and JZ) and section 10 (amountAtRisk)';
export const CMS_SOURCES =
  'CMS JW/JZ policy as stated by Noridian "Drug wastage - JW and JZ modifiers" (https://med.noridianmedicare.com/web/jfb/topics/drugs-biologicals-injections/drug-wastage-jw-and-jz-modifiers), HHS "New claims modifier requirement" (https://www.hhs.gov/guidance/document/new-claims-modifier-requirement-drugs-and-biologicals-single-dose-container-or-single-use) and the CMS JW/JZ FAQ as summarised by NAHRI (https://nahri.org/articles/cms-publishes-faq-modifiers-jw-and-jz)';

export type Container = 'single-dose' | 'multi-dose' | 'unknown';

export interface ContainerFact {
  container: Container;
  /** the NDC that decided it (line, dispense or MAR) */
  ndc?: string;
  /** where the answer comes from, for messages */
  how: string;
}

export interface DocumentedWaste {
  /** scaled (x 1e6) amount in the catalog drug's unit */
  scaled: number;
  /** plain amount and unit, for messages */
  text: string;
  source: 'MAR' | 'dispense';
  rows: { kind: 'mar' | 'dispense'; record: { row: number; input: number } }[];
}

/** How JW/JZ applies to a group of lines. */
export type Scope =
  /** JW/JZ rules apply (single-dose, in scope) */
  | 'in'
  /** Medicare SI N: no JW/JZ expected; JZ ignored, JW a warning */
  | 'si-n'
  /** multi-dose container: JZ ignored, JW not allowed */
  | 'multi-dose'
  /** could not be decided (no NDC for a mixed code, container or SI unknown) */
  | 'unverifiable'
  /** payer policy not-required: only waste.both, waste.jz-with-waste and JW above waste, as warnings */
  | 'not-required'
  /** nothing to check (bill type, NOC, out of scope SI, no JW/JZ rule on the date) */
  | 'out';

/** The lines of one drug code on one claim and date, and what the records say about them. */
export interface WasteGroup {
  code: string;
  date: string;
  claimId: string;
  lines: ClaimLine[];
  /** lines without JW (the administered amount) */
  admin: ClaimLine[];
  /** lines with JW */
  jw: ClaimLine[];
  /** lines with JZ */
  jz: ClaimLine[];
  /** the line findings sit on: the first administered line, else the first line */
  first: ClaimLine;
  payer: ResolvedPayer;
  policy: PayerPolicy['jwjz'];
  drug?: CatalogDrug;
  si?: string;
  c9399: boolean;
  container: ContainerFact;
  scope: Scope;
  /** why the scope is `unverifiable` / `out` */
  scopeWhy: string;
  mar: readonly MarRow[];
  waste?: DocumentedWaste;
  /** floor(waste / size): JW units the records support; undefined when no waste is documented */
  wasteUnits?: number;
  /** administered units the MAR supports (billed when within the accepted range), else the billed units */
  adminUnits: number;
  /** true when adminUnits comes from MAR doses */
  adminFromMar: boolean;
  adminBilled: number;
  jwBilled: number;
  /** the rules the group was read with: its price is looked up only when a finding states an amount */
  rules: RuleSet;
}

// ---------------------------------------------------------------------------------------------
// NDC text and the container table

const NON_DIGIT_SEP = /[\s-]/g;
const ELEVEN = /^\d{11}$/;
const HYPHENATED = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/;
const N4 = /^N4/i;
const BILL_TYPE_OK = /^0?(13|85)/;

/** An NDC as 11 digits when it is certain (11 digits, or a hyphenated 10-digit label form); else undefined. */
export function ndc11(text: string | undefined): string | undefined {
  return text ? ndc11Memo(text) : undefined;
}

const ndc11Memo = memoByText(parseNdc11);

function parseNdc11(text: string): string | undefined {
  const t = text.trim().replace(N4, '').trim();
  const compact = t.replace(NON_DIGIT_SEP, '');
  if (ELEVEN.test(compact)) return compact;
  const m = HYPHENATED.exec(t);
  if (!m || compact.length !== 10) return undefined;
  return `${(m[1] ?? '').padStart(5, '0')}${(m[2] ?? '').padStart(4, '0')}${(m[3] ?? '').padStart(2, '0')}`;
}

const containerIndex = new WeakMap<object, Map<string, NdcContainerRow>>();

/** The container table row of an NDC (11 digits) on a date. */
export function ndcContainerRow(rules: RuleSet, ndc: string, date: string): NdcContainerRow | undefined {
  const t = rules.get<NdcContainersData>('ndc-containers', date);
  if (!t) return undefined;
  let m = containerIndex.get(t.data);
  if (!m) {
    m = new Map(t.data.map((r) => [r.ndc, r] as const));
    containerIndex.set(t.data, m);
  }
  return m.get(ndc);
}

const fmtNdc = (n: string): string => `${n.slice(0, 5)}-${n.slice(5, 9)}-${n.slice(9)}`;

// ---------------------------------------------------------------------------------------------
// The analysis

const groupsOf = lastEncounter<WasteGroup[]>();

/** The waste groups of an encounter (computed once for the encounter being checked). */
export function wasteGroups(enc: Encounter, ctx: Pick<CheckContext, 'rules' | 'payers'>): WasteGroup[] {
  return groupsOf(enc, ctx.payers, () => buildGroups(enc, ctx));
}

function buildGroups(enc: Encounter, ctx: Pick<CheckContext, 'rules' | 'payers'>): WasteGroup[] {
  const rules = ctx.rules;
  const byKey = new Map<string, ClaimLine[]>();
  for (const c of drugLinesOf(enc, rules)) {
    const key = `${c.claimId}|${c.serviceDate}|${c.code.toUpperCase()}`;
    const l = byKey.get(key);
    if (l) l.push(c);
    else byKey.set(key, [c]);
  }
  const out: WasteGroup[] = [];
  for (const lines of byKey.values()) {
    const g = analyse(enc, lines, ctx);
    if (g) out.push(g);
  }
  return out;
}

function analyse(enc: Encounter, lines: ClaimLine[], ctx: Pick<CheckContext, 'rules' | 'payers'>): WasteGroup | undefined {
  const rules = ctx.rules;
  const head = lines[0];
  if (!head) return undefined;
  const code = head.code.toUpperCase();
  const date = head.serviceDate;
  const c9399 = code === 'C9399';
  if (isNocCode(rules, code, date) && !c9399) return undefined;
  const payer = ctx.payers.resolve(head.payer);
  // A payer whose policy is jwjz: not-required is judged only on JW or JZ lines it was sent
  // (waste.both, waste.jz-with-waste, JW above the documented waste): without either there is
  // nothing to analyse (most commercial and Medicaid lines; the audit's hot path).
  if (payer.policy.jwjz === 'not-required' && !lines.some((l) => isJW(l) || isJZ(l))) return undefined;
  const admin = lines.filter((l) => !isJW(l));
  const jw = lines.filter(isJW);
  const jz = lines.filter(isJZ);
  const first = admin[0] ?? head;
  const drug = catalogDrug(rules, code, date);
  const si = statusIndicatorOf(rules, code, date);
  const mar = marFor(enc, first, rules);

  // container: NDC on the line (a JW line without one takes its administered line's), else dispense, else MAR
  let ndc: string | undefined;
  for (const l of admin) ndc ??= ndc11(l.ndc);
  for (const l of jw) ndc ??= ndc11(l.ndc);
  const dispense = dispenseFor(enc, first, rules);
  for (const d of dispense) ndc ??= ndc11(d.ndc);
  for (const r of mar) ndc ??= ndc11(r.ndc);
  const container = containerOf(rules, code, date, ndc, drug);

  // documented waste: MAR `wasted`, else dispense `wasted` (in the drug's unit)
  let waste: DocumentedWaste | undefined;
  if (drug) {
    const marW = mar.filter((r) => r.wasted !== undefined);
    if (marW.length) {
      let s = 0;
      let ok = true;
      for (const r of marW) {
        const x = doseInDrugUnit(r.wasted ?? 0, r.doseUnit, drug);
        if (x === undefined) ok = false;
        else s += x;
      }
      if (ok) waste = { scaled: s, text: `${plain(s)} ${drug.unit}`, source: 'MAR', rows: marW.map((r) => ({ kind: 'mar' as const, record: r })) };
    } else {
      const dW = dispense.filter((d) => d.wasted !== undefined);
      let s = 0;
      let ok = dW.length > 0;
      for (const d of dW) {
        const x = doseInDrugUnit(d.wasted ?? 0, d.quantityUnit, drug);
        if (x === undefined) ok = false;
        else s += x;
      }
      if (ok) waste = { scaled: s, text: `${plain(s)} ${drug.unit}`, source: 'dispense', rows: dW.map((d) => ({ kind: 'dispense' as const, record: d })) };
    }
  }

  const adminBilled = admin.reduce((n, l) => n + l.units, 0);
  const jwBilled = jw.reduce((n, l) => n + l.units, 0);
  let adminUnits = adminBilled;
  let adminFromMar = false;
  if (drug && mar.length) {
    const range = unitRange(mar.map((r) => ({ dose: r.dose, doseUnit: r.doseUnit })), drug);
    if (range) {
      adminFromMar = true;
      adminUnits = adminBilled >= range.min && adminBilled <= range.max ? adminBilled : range.min;
    }
  }

  const g: WasteGroup = {
    code,
    date,
    claimId: head.claimId,
    lines,
    admin,
    jw,
    jz,
    first,
    payer,
    policy: payer.policy.jwjz,
    c9399,
    container,
    scope: 'out',
    scopeWhy: '',
    mar,
    adminUnits,
    adminFromMar,
    adminBilled,
    jwBilled,
    rules,
  };
  if (drug) g.drug = drug;
  if (si !== undefined) g.si = si;
  if (waste) {
    g.waste = waste;
    if (drug) g.wasteUnits = unitsForWaste(waste.scaled, drug);
  }
  [g.scope, g.scopeWhy] = scopeOf(g, lines);
  return g;
}

function containerOf(rules: RuleSet, code: string, date: string, ndc: string | undefined, drug: CatalogDrug | undefined): ContainerFact {
  if (ndc) {
    const row = ndcContainerRow(rules, ndc, date);
    if (row) return { container: row.container, ndc, how: `NDC ${fmtNdc(ndc)} is a ${row.container} package (${row.package}; ndc-containers table)` };
  }
  const c = drug?.container;
  if (c === 'single-dose' || c === 'multi-dose') {
    return { container: c, ...(ndc ? { ndc } : {}), how: `${code} is ${c} in the drug catalog` };
  }
  if (c === 'mixed') {
    return ndc
      ? { container: 'unknown', ndc, how: `${code} mixes single- and multi-dose packages and NDC ${fmtNdc(ndc)} is not in the ndc-containers table` }
      : { container: 'unknown', how: `${code} mixes single- and multi-dose packages and no NDC is on the line, the dispense or the MAR` };
  }
  return { container: 'unknown', ...(ndc ? { ndc } : {}), how: `the container of ${code} is not known (drug catalog: unknown; no ndc-containers row${ndc ? ` for ${fmtNdc(ndc)}` : ''})` };
}

function scopeOf(g: WasteGroup, lines: ClaimLine[]): [Scope, string] {
  const bt = lines.find((l) => l.billType !== undefined && l.billType.trim() !== '')?.billType?.trim();
  if (bt !== undefined && !BILL_TYPE_OK.test(bt)) return ['out', `bill type ${bt} is not 13x/85x`];
  if (g.c9399) return ['out', 'C9399 is billed as 1 unit, waste in remarks, no JW line'];
  const billedModifier = g.jw.length > 0 || g.jz.length > 0;
  const medicare = g.payer.type === 'medicare';
  if (g.policy === 'not-required') return ['not-required', `payer policy jwjz: not-required`];
  if (medicare) {
    if (g.si === undefined) return ['unverifiable', `the OPPS status indicator of ${g.code} is not known`];
    if (g.si === 'N') return ['si-n', `${g.code} is status indicator N (packaged)`];
    if (g.si !== 'K' && g.si !== 'G') return ['out', `${g.code} is status indicator ${g.si}`];
  }
  if (g.container.container === 'multi-dose') return ['multi-dose', g.container.how];
  if (g.container.container === 'unknown') {
    // a billed JW/JZ asserts a single-dose container: judge the modifiers as billed
    if (billedModifier) return ['in', `${g.container.how}; judged as the single-dose container the billed modifier asserts`];
    return ['unverifiable', g.container.how];
  }
  if (!g.drug) return ['unverifiable', `${g.code} is not in the drug catalog (unit size unknown)`];
  return ['in', g.container.how];
}

const plain = (scaled: number): string => String(Math.round(scaled) / 1_000_000);

// ---------------------------------------------------------------------------------------------
// Finding helpers

/** "J9042 x 135 + J9042-JW x 15" (JZ on the single line when no waste). */
export function expectedText(g: WasteGroup, jwUnits: number, opts: { jz?: boolean } = {}): string {
  const mods = (l: ClaimLine | undefined, add: string[]): string => {
    const keep = (l?.modifiers ?? []).map((m) => m.toUpperCase()).filter((m) => m !== 'JW' && m !== 'JZ');
    const all = [...add, ...keep];
    return all.length ? `-${all.join('-')}` : '';
  };
  const jz = opts.jz ?? jwUnits === 0;
  const base = `${g.code}${mods(g.first, jz ? ['JZ'] : [])} x ${g.adminUnits}`;
  return jwUnits > 0 ? `${base} + ${g.code}${mods(g.first, ['JW'])} x ${jwUnits}` : base;
}

/** Cents for `units` of the group's code, and whether it is an estimate. */
export function amount(g: WasteGroup, units: number): Pick<FindingInput, 'amountAtRisk'> {
  const a = drugAmount(groupPrice(g), units);
  return a === undefined ? {} : { amountAtRisk: a };
}

export function priceNote(g: WasteGroup): string {
  const price = groupPrice(g);
  if (!price) return '';
  if (price.perUnit <= 0) return ' (no separate payment: $0 at risk)';
  return price.estimate ? ` (estimate at the Medicare ASP limit, ${price.release})` : '';
}

/** The price of a unit of the group's code for its payer (asked only for findings: most groups report none). */
function groupPrice(g: WasteGroup): DrugPrice | undefined {
  return drugPrice(g.rules, g.code, g.date, g.payer.type);
}

/** The base of a finding on `line`: records[0] is that claim line with `column`, then the other lines and the waste rows. */
export function findingOn(
  enc: Encounter,
  g: WasteGroup,
  line: ClaimLine,
  column: 'modifiers' | 'units',
  extra: Omit<FindingInput, 'records' | 'patientId'>,
): FindingInput {
  const records: FindingInput['records'] = [{ kind: 'claims', record: line, column }];
  for (const l of g.lines) if (l !== line) records.push({ kind: 'claims', record: l });
  for (const r of g.waste?.rows ?? []) records.push(r);
  return {
    patientId: enc.patientId,
    claimId: line.claimId,
    line: line.line,
    serviceDate: line.serviceDate,
    code: g.code,
    discriminator: `${g.code}|${line.serviceDate}|${line.line}`,
    records,
    ...extra,
  };
}

/** The smallest package (billing units per item) of the same HCPCS and labeler as the NDC, from the crosswalk. */
export function smallestPackage(rules: RuleSet, g: WasteGroup): { units: number; ndc: string } | undefined {
  const ndc = g.container.ndc;
  if (!ndc) return undefined;
  const own = crosswalkFor(rules, ndc, g.date).find((e) => e.hcpcs === g.code);
  if (!own) return undefined;
  let best: { units: number; ndc: string } | undefined;
  for (const e of crosswalkForHcpcs(rules, g.code, g.date)) {
    if (e.labeler !== own.labeler || e.billUnits === undefined || e.billUnits <= 0) continue;
    if (!best || e.billUnits < best.units) best = { units: e.billUnits, ndc: e.ndc };
  }
  return best;
}

export const fmtNdc11 = fmtNdc;
