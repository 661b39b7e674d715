/**
 * The check step of the pipeline (read -> link -> **check** -> report): runs every active check on
 * one encounter at a time, turns what they report into findings and summarises the encounter for
 * report.json. It owns what the checks share across encounters (payer resolution, the count of CMS
 * releases used, check errors); run.ts feeds it linked encounters and places the findings on rows.
 *
 * (Running it in a worker thread fed with linked encounters was measured in session 3 and lost:
 * structured cloning of the encounters' rows cost ~6 s of CPU on 100k encounters, more than the
 * second core gained.)
 */
import type { AdminCode, AuditResult, AuthRow, EncounterSummary, Finding, InputKind, Severity } from '../model.js';
import { PayerResolver, severityOverride, type Facility, type RuleSet } from '../rules/index.js';
import { CHECKS } from '../checks/registry.js';
import type { Check, CheckContext, Encounter, FindingInput } from '../checks/types.js';
import { fingerprint, redactId } from '../checks/fingerprint.js';
import { codingFor } from '../checks/admin/mar-input.js';
import { summariseLines, type Derivation } from '../checks/admin/derive.js';
import { adminCodeInfo } from '../checks/admin/billed.js';
import { ReferenceDataCounter } from './reference-data.js';
import { Review340bCounter } from './review340b.js';
import { byText, sortSmall } from '../util/sort.js';

/** How an input file is named in a finding's evidence. */
export interface EvidenceFile {
  file: string;
  sheet?: string;
}

/** What it takes to make a finding of a check's report (the checks' and the reader's alike). */
export interface FindingMaker {
  facility: Facility;
  files: readonly EvidenceFile[];
  redact: ((id: string) => string) | undefined;
}

/** The redaction of patient ids for a run (`--redact`), or undefined. */
export function redactorFor(redact: boolean, salt: string): ((id: string) => string) | undefined {
  return redact ? (id: string) => redactId(id, salt) : undefined;
}

/**
 * A check's report -> the finding of report.json (undefined when the facility turned the rule off).
 * `encounterId` fills the finding's encounter when the check did not name one.
 */
export function makeFinding(m: FindingMaker, check: Check, fi: FindingInput, encounterId: string | undefined): Finding | undefined {
  const override = severityOverride(m.facility, check.id, check.category);
  if (override === 'off') return undefined;
  const severity: Severity = override ?? fi.severity ?? check.severity;
  const encId = fi.encounterId ?? encounterId;
  const evidence = fi.records.map((r) => {
    const file = m.files[r.record.input];
    const ev: Finding['evidence'][number] = { kind: r.kind, file: file?.file ?? '?', row: r.record.row };
    if (file?.sheet !== undefined) ev.sheet = file.sheet;
    if (r.column !== undefined) ev.column = r.column;
    return ev;
  });
  if (fi.evidence) evidence.push(...fi.evidence);
  const patientId = m.redact && fi.patientId !== '' ? m.redact(fi.patientId) : fi.patientId;
  const f: Finding = {
    id: fingerprint({
      ruleId: check.id,
      patientId,
      encounterId: encId,
      claimId: fi.claimId,
      line: fi.line,
      code: fi.code,
      serviceDate: fi.serviceDate,
      discriminator: fi.discriminator,
    }),
    ruleId: check.id,
    category: check.category,
    severity,
    message: fi.message,
    patientId,
    evidence,
  };
  if (encId !== undefined) f.encounterId = encId;
  if (fi.claimId !== undefined) f.claimId = fi.claimId;
  if (fi.line !== undefined) f.line = fi.line;
  if (fi.serviceDate !== undefined) f.serviceDate = fi.serviceDate;
  if (fi.code !== undefined) f.code = fi.code;
  if (fi.expected !== undefined) f.expected = fi.expected;
  if (fi.amountAtRisk !== undefined && fi.amountAtRisk > 0) {
    f.amountAtRisk = Math.round(fi.amountAtRisk * 100) / 100;
    f.direction = fi.direction ?? 'over';
  }
  return f;
}

/** A finding with the input rows it is annotated on: pairs of (input index, row number). */
export interface PlacedFinding {
  finding: Finding;
  rows: number[];
}

/** What the check step adds to the result once every encounter has been checked. */
export interface CheckerTotals {
  checkErrors: { ruleId: string; count: number; message: string }[];
  unmatchedPayers: AuditResult['unmatchedPayers'];
  referenceData: NonNullable<AuditResult['referenceData']>;
  review340b: NonNullable<AuditResult['summary']['review340b']>;
}

export interface CheckerOptions {
  facility: Facility;
  rules: RuleSet;
  /** the input kinds present: a check needing another is skipped */
  present: ReadonlySet<InputKind>;
  files: readonly EvidenceFile[];
  today: string;
  redact: ((id: string) => string) | undefined;
  /** every authorization row read */
  auths: readonly AuthRow[];
}

export class EncounterChecker {
  readonly active: readonly Check[];
  private readonly maker: FindingMaker;
  private readonly payers: PayerResolver;
  private readonly refData: ReferenceDataCounter;
  private readonly review340b: Review340bCounter;
  private readonly ctxs: Map<Check, CheckContext>;
  /** the checks with a perEncounter hook and their contexts, in registry order */
  private readonly perEncounter: readonly { check: Check; ctx: CheckContext }[];
  private readonly errors = new Map<string, { count: number; message: string }>();
  private current: Encounter | undefined;
  private out: PlacedFinding[] = [];

  constructor(private readonly o: CheckerOptions) {
    this.active = CHECKS.filter((c) => !c.needs.some((k) => !o.present.has(k)));
    this.maker = { facility: o.facility, files: o.files, redact: o.redact };
    this.payers = new PayerResolver(o.facility);
    this.refData = new ReferenceDataCounter(o.rules);
    this.review340b = new Review340bCounter(o.rules, o.facility, this.payers);
    this.ctxs = new Map(
      this.active.map((check) => [
        check,
        {
          rules: o.rules,
          facility: o.facility,
          payers: this.payers,
          auths: o.auths,
          today: o.today,
          report: (fi: FindingInput) => this.emit(check, fi),
        },
      ]),
    );
    this.perEncounter = this.active.filter((c) => c.perEncounter !== undefined).map((check) => ({ check, ctx: this.ctx(check) }));
    for (const c of this.active) c.start?.(this.ctx(c));
  }

  private ctx(c: Check): CheckContext {
    return this.ctxs.get(c) as CheckContext;
  }

  private emit(check: Check, fi: FindingInput): void {
    const finding = makeFinding(this.maker, check, fi, this.current?.encounterId);
    if (!finding) return;
    this.review340b.noteFinding(finding);
    const rows: number[] = [];
    for (const r of fi.records) rows.push(r.record.input, r.record.row);
    this.out.push({ finding, rows });
  }

  /** A check that throws is counted and reported in the result, never stops the audit. */
  private failed(c: Check, err: unknown): void {
    const e = this.errors.get(c.id) ?? { count: 0, message: err instanceof Error ? err.message : String(err) };
    e.count++;
    this.errors.set(c.id, e);
  }

  /** Check one encounter (its duplicate rows already removed); returns its summary for report.json. */
  check(enc: Encounter): EncounterSummary {
    for (const c of enc.claims) this.refData.add(c);
    this.current = enc;
    const per = this.perEncounter;
    for (let i = 0; i < per.length; i++) {
      const { check, ctx } = per[i] as { check: Check; ctx: CheckContext };
      // try/catch in the loop, not a closure per check and encounter (millions of allocations)
      try {
        (check.perEncounter as NonNullable<Check['perEncounter']>)(enc, ctx);
      } catch (err) {
        this.failed(check, err);
      }
    }
    this.current = undefined;
    this.review340b.add(enc);
    const { rules, facility, redact } = this.o;
    return summarise(enc, rules, redact, codingFor(enc, { rules, facility, payers: this.payers }));
  }

  /** The findings reported since the last call. */
  take(): PlacedFinding[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Run the checks' end hooks (their findings come with the next take()). */
  end(): void {
    for (const c of this.active) c.end?.(this.ctx(c));
  }

  totals(): CheckerTotals {
    return {
      checkErrors: [...this.errors].map(([ruleId, e]) => ({ ruleId, ...e })),
      unmatchedPayers: this.payers.unmatched(),
      referenceData: this.refData.result(),
      review340b: this.review340b.result(),
    };
  }
}

function summarise(enc: Encounter, rules: RuleSet, redact: ((id: string) => string) | undefined, coding: Derivation | undefined): EncounterSummary {
  const billed = new Map<string, AdminCode>();
  for (const c of enc.claims) {
    if (adminCodeInfo(rules, c.code, c.serviceDate) === undefined) continue;
    const mods = c.modifiers.length < 2 ? c.modifiers.slice() : sortSmall(c.modifiers.slice(), byText);
    const k = `${c.code}|${mods.join(',')}`;
    const prev = billed.get(k);
    if (prev) prev.units += c.units;
    else billed.set(k, { code: c.code, units: c.units, modifiers: mods });
  }
  return {
    // without an encounter_id the key is patient|date: never leak the patient id through it
    encounterId: enc.encounterId ?? (redact ? `${redact(enc.patientId)}|${enc.serviceDate}` : enc.key),
    patientId: redact ? redact(enc.patientId) : enc.patientId,
    serviceDate: enc.serviceDate,
    billedAdminCodes: sortSmall([...billed.values()], (a, b) => byText(a.code, b.code)),
    expectedAdminCodes: coding ? summariseLines(coding.lines) : [],
  };
}
