import { basename, extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  CATEGORIES,
  SEVERITIES,
  type AuditResult,
  type AuthRow,
  type Category,
  type ClaimLine,
  type Direction,
  type EncounterSummary,
  type Finding,
  type InputInfo,
  type InputKind,
  type ReconciliationRow,
  type Severity,
} from '../model.js';
import { openInput, loadProfile, type OpenedInput, type ParsedRow, type MappingProfile, type ReadIssue } from '../read/index.js';
import { Linker } from '../link/linker.js';
import {
  RuleSet,
  builtinRulesDir,
  defaultFacility,
  loadFacility,
  type Facility,
} from '../rules/index.js';
import { CHECKS, READER_CHECKS } from '../checks/registry.js';
import type { Check, Encounter, FindingInput } from '../checks/types.js';
import { AnnotatedCsvWriter, Staging, writeReports, type FlaggedRows, type Format } from '../report/index.js';
import { RowLog } from './rowlog.js';
import { EncounterChecker, makeFinding, redactorFor, type EvidenceFile } from './checker.js';
import { UsageError, resolveInputs } from './inputs.js';
import { TOOL_NAME, TOOL_VERSION, SCHEMA_VERSION } from '../version.js';

export interface AuditOptions {
  dir?: string;
  claims?: string;
  mar?: string;
  dispense?: string;
  auths?: string;
  facility?: string;
  /** client rule directories, layered over the built-in rules in order */
  rules: string[];
  out: string;
  formats: ReadonlySet<Format>;
  baseline?: string;
  since?: string;
  until?: string;
  profile?: string;
  sheet?: string;
  redact: boolean;
  /** salt for --redact (default: INFUSION_AUDIT_REDACT_SALT, else the facility name) */
  redactSalt?: string;
  /** called now and then with a progress line (the CLI passes one only on a TTY) */
  progress?: (line: string) => void;
  /** the clock, for reproducible tests */
  now?: Date;
}

export interface AuditOutcome {
  result: AuditResult;
  /** final paths of the files written */
  written: string[];
  /** how encounters were joined: streaming (sorted inputs) or in memory (unsorted) */
  linking: 'streaming' | 'in-memory';
}

/** Inputs were not sorted by date: the streaming join cannot be trusted, redo the pass in memory. */
class UnsortedInput extends Error {}

const STREAM_KINDS = ['claims', 'mar', 'dispense'] as const;
type StreamKind = (typeof STREAM_KINDS)[number];

/**
 * read -> link -> check -> report. Throws UsageError, InputError or ConfigError (exit 2) with
 * nothing left in `--out`; otherwise writes every report atomically and returns the result.
 */
export async function runAudit(opts: AuditOptions): Promise<AuditOutcome> {
  const paths = resolveInputs(opts.dir, {
    claims: opts.claims,
    mar: opts.mar,
    dispense: opts.dispense,
    auths: opts.auths,
    facility: opts.facility,
  });
  const facility = paths.facility !== undefined ? await loadFacility(paths.facility) : defaultFacility();
  const rules = await RuleSet.load([builtinRulesDir(), ...opts.rules], { pins: facility.rules });
  const profile = opts.profile !== undefined ? loadProfile(opts.profile) : undefined;
  for (const id of Object.keys(facility.severity)) {
    if (![...CHECKS, ...READER_CHECKS].some((c) => c.id === id) && !(CATEGORIES as readonly string[]).includes(id)) {
      throw new UsageError(`${paths.facility ?? 'facility.yaml'}: severity override for unknown rule id "${id}" (see \`infusion-audit rules list\` and \`explain\`)`);
    }
  }
  const baseline = opts.baseline !== undefined ? await loadBaseline(opts.baseline) : undefined;

  const stage = await Staging.create(opts.out);
  try {
    let pass: PassResult;
    try {
      pass = await runPass('streaming', { opts, paths: paths.files, facility, rules, profile, stage });
    } catch (e) {
      if (!(e instanceof UnsortedInput)) throw e;
      pass = await runPass('in-memory', { opts, paths: paths.files, facility, rules, profile, stage });
    }
    const result = pass.result;
    if (baseline) applyBaseline(result, baseline, opts.baseline ?? '');
    await writeReports(stage, { result, flagged: pass.flagged }, opts.formats);
    const written = await stage.commit();
    return { result, written, linking: pass.linking };
  } catch (e) {
    await stage.abort();
    throw e;
  }
}

interface PassContext {
  opts: AuditOptions;
  paths: Partial<Record<InputKind, string>>;
  facility: Facility;
  rules: RuleSet;
  profile: MappingProfile | undefined;
  stage: Staging;
}

interface PassResult {
  result: AuditResult;
  flagged: FlaggedRows[];
  linking: 'streaming' | 'in-memory';
}

interface OpenFile {
  index: number;
  kind: InputKind;
  input: OpenedInput<InputKind>;
  log: RowLog;
  evidenceFile: string;
  recon: ReconciliationRow;
}

async function runPass(linking: 'streaming' | 'in-memory', pc: PassContext): Promise<PassResult> {
  const { opts, facility, rules, stage } = pc;
  const now = opts.now ?? new Date();
  const today = localDate(now);
  const wantXlsx = opts.formats.has('xlsx');
  const salt = opts.redactSalt ?? process.env['INFUSION_AUDIT_REDACT_SALT'] ?? `infusion-audit:${facility.name}`;
  const redact = redactorFor(opts.redact, salt);

  // ---- open inputs -------------------------------------------------------------------------
  const files: OpenFile[] = [];
  const byKind: Partial<Record<InputKind, OpenFile>> = {};
  const usedNames = new Set<string>();
  for (const kind of ['claims', 'mar', 'dispense', 'auths'] as const) {
    const path = pc.paths[kind];
    if (path === undefined) continue;
    try {
      await openFile(kind, path);
    } catch (e) {
      for (const f of files) await f.log.discard();
      throw e;
    }
  }
  async function openFile(kind: InputKind, path: string): Promise<void> {
    const index = files.length;
    const openOpts: { inputIndex: number; sheet?: string; profile?: MappingProfile } = { inputIndex: index };
    if (opts.sheet !== undefined) openOpts.sheet = opts.sheet;
    if (pc.profile !== undefined) openOpts.profile = pc.profile;
    const input = (await openInput(kind, path, openOpts)) as OpenedInput<InputKind>;
    let name = basename(path, extname(path)) + '.csv';
    if (usedNames.has(name)) name = `${kind}-${name}`;
    usedNames.add(name);
    const writerOpts: { delimiter: string; header: string[]; headerRaw?: string } = {
      delimiter: input.delimiter,
      header: input.header,
    };
    if (input.headerRaw !== undefined && !opts.redact) writerOpts.headerRaw = input.headerRaw;
    const writer = await AnnotatedCsvWriter.open(stage.path(`annotated/${name}`), writerOpts);
    const flagged: FlaggedRows | undefined = wantXlsx
      ? { kind, file: basename(path), header: input.header, columns: input.columns, rows: [] }
      : undefined;
    if (flagged && input.sheet !== undefined) flagged.sheet = input.sheet;
    const pidCol = input.columns['patient_id'];
    const redactCells =
      redact && pidCol !== undefined
        ? (cells: string[]) => {
            const c = cells.slice();
            const v = c[pidCol];
            if (v !== undefined && v !== '') c[pidCol] = redact(v);
            return c;
          }
        : undefined;
    const recon: ReconciliationRow = {
      kind,
      file: basename(path),
      rows: 0,
      audited: 0,
      unreadable: 0,
      outOfPeriod: 0,
      withFindings: 0,
    };
    if (input.sheet !== undefined) recon.sheet = input.sheet;
    const f: OpenFile = {
      index,
      kind,
      input,
      log: await RowLog.open(kind, writer, stage.path(`.spool-${index}-${name}`), flagged, redactCells),
      evidenceFile: basename(path),
      recon,
    };
    files.push(f);
    byKind[kind] = f;
  }
  try {
    const present = new Set(files.map((f) => f.kind));

    // ---- findings ----------------------------------------------------------------------------
    const findings: Finding[] = [];
    const skipped = CHECKS.filter((c) => c.needs.some((k) => !present.has(k)));
    const evidenceFiles: EvidenceFile[] = files.map((f) => (f.input.sheet !== undefined ? { file: f.evidenceFile, sheet: f.input.sheet } : { file: f.evidenceFile }));
    const maker = { facility, files: evidenceFiles, redact };
    const place = (f: Finding, rows: readonly number[]): void => {
      findings.push(f);
      for (let i = 0; i < rows.length; i += 2) files[rows[i] as number]?.log.attach(rows[i + 1] as number, f);
    };
    /** a finding of the reading thread (reader issues, duplicate rows) */
    const emit = (check: Check, fi: FindingInput, encounterId?: string): void => {
      const f = makeFinding(maker, check, fi, encounterId);
      if (!f) return;
      const rows: number[] = [];
      for (const r of fi.records) rows.push(r.record.input, r.record.row);
      place(f, rows);
    };

    const readerCheck = new Map(READER_CHECKS.map((c) => [c.id, c] as const));
    const readIssue = (file: OpenFile, pr: ParsedRow<InputKind>, issue: ReadIssue): void => {
      const check = readerCheck.get(`input.${issue.code}`);
      if (!check) throw new Error(`no reader check for issue code ${issue.code}`);
      const pidCol = file.input.columns['patient_id'];
      const patientId = (pidCol !== undefined ? pr.cells[pidCol] : undefined)?.trim() ?? '';
      const rec = { kind: file.kind, record: { row: pr.row, input: file.index } } as FindingInput['records'][number];
      if (issue.column !== undefined) rec.column = issue.column;
      emit(check, {
        message: issue.message,
        records: [rec],
        patientId,
        severity: issue.severity,
        discriminator: `${file.kind}:${pr.row}:${issue.column ?? ''}`,
      });
    };

    // ---- authorizations: read whole first (they span dates) ----------------------------------
    const auths: AuthRow[] = [];
    const authFile = byKind.auths;
    if (authFile) {
      for await (const pr of authFile.input.rows()) {
        authFile.log.add(pr.row, passThrough(pr), pr.cells);
        authFile.recon.rows++;
        for (const issue of pr.issues) readIssue(authFile, pr, issue);
        if (pr.record) {
          auths.push(pr.record as AuthRow);
          authFile.recon.audited++;
        } else authFile.recon.unreadable++;
      }
    }

    // ---- the check step ------------------------------------------------------------------------
    const encounters: EncounterSummary[] = [];
    const checker = new EncounterChecker({ facility, rules, present, files: evidenceFiles, today, redact, auths });

    // ---- stream claims, MAR and dispense merged by date ---------------------------------------
    const linker = new Linker(auths);
    const claimLines = { n: 0 };
    /** byte-identical rows: equal spooled lengths and records first (cheap), then the spooled text of both rows compared */
    const sameRow = (a: { row: number; input: number }, b: { row: number; input: number }): boolean => {
      if (a.input !== b.input) return false;
      const log = files[a.input]?.log;
      return log !== undefined && log.sameLength(a.row, b.row) && sameRecord(a, b) && log.sameText(a.row, b.row);
    };

    // claim and encounter ids of claim rows the reader could not read: their encounters' claims
    // are incomplete (a check of a missing line must not report a line that is only unreadable)
    const unreadableClaims = new Set<string>();
    const noteUnreadableClaim = (cols: Partial<Record<string, number>>, cells: readonly string[]): void => {
      for (const col of ['claim_id', 'encounter_id']) {
        const i = cols[col];
        const v = i !== undefined ? cells[i]?.trim() : undefined;
        if (v) unreadableClaims.add(v);
      }
    };
    /** Check closed encounters, after removing their duplicate rows; their rows are then done. */
    const checkEncounters = (encs: Encounter[]): void => {
      for (const enc of encs) {
        const dupes = dedupe(enc);
        if (unreadableClaims.size > 0 && ((enc.encounterId !== undefined && unreadableClaims.has(enc.encounterId)) || enc.claims.some((c) => unreadableClaims.has(c.claimId)))) {
          enc.claimsIncomplete = true;
        }
        const summary = checker.check(enc);
        for (const x of checker.take()) place(x.finding, x.rows);
        encounters.push(summary);
        for (const list of [enc.claims, enc.mar, enc.dispense, dupes]) {
          for (const r of list) files[r.input]?.log.markDone(r.row);
        }
      }
    };

    /** Byte-identical rows of one file within an encounter: reported once, left out of the checks. */
    const dedupe = (enc: Encounter): { row: number; input: number }[] => {
      const dupes: { row: number; input: number }[] = [];
      const pick = <T extends { row: number; input: number }>(list: T[], kind: InputKind): T[] => {
        if (list.length < 2) return list;
        // pairwise: encounters hold a handful of rows
        let keep: T[] | undefined;
        for (let i = 1; i < list.length; i++) {
          const cur = list[i] as T;
          let first = -1;
          for (let j = 0; j < i; j++) {
            if (sameRow(list[j] as T, cur)) {
              first = j;
              break;
            }
          }
          if (first < 0) {
            keep?.push(list[i] as T);
            continue;
          }
          keep ??= list.slice(0, i);
          const r = list[i] as T;
          const orig = list[first] as T;
          dupes.push(r);
          emit(readerCheck.get('input.duplicate-row') as Check, {
            message: `Row ${r.row} repeats row ${orig.row} of the ${kind} file exactly; it is counted once.`,
            records: [{ kind, record: r }, { kind, record: orig }],
            patientId: enc.patientId,
            serviceDate: enc.serviceDate,
            discriminator: `${kind}:dup:${orig.row}:${r.row}`,
          });
        }
        return keep ?? list;
      };
      enc.claims = pick(enc.claims, 'claims');
      enc.mar = pick(enc.mar, 'mar');
      enc.dispense = pick(enc.dispense, 'dispense');
      return dupes;
    };

    interface Head {
      file: OpenFile;
      it: AsyncIterator<ParsedRow<InputKind>[]>;
      batch: ParsedRow<InputKind>[];
      i: number;
      cur: ParsedRow<InputKind> | undefined;
      /** the current row's record date, if it has one */
      recDate: string | undefined;
      /** the date the merge orders by: recDate, else the stream's last date */
      date: string;
      last: string;
    }
    const heads: Head[] = [];
    for (const kind of STREAM_KINDS) {
      const f = byKind[kind];
      if (!f) continue;
      heads.push({ file: f, it: batchesOf(f.input)[Symbol.asyncIterator](), batch: [], i: 0, cur: undefined, recDate: undefined, date: '', last: '' });
    }
    /** Make the next row of the current batch the stream's current row (the batch must have one). */
    const take = (h: Head): void => {
      const pr = h.batch[h.i++] as ParsedRow<InputKind>;
      h.cur = pr;
      h.recDate = pr.record ? recordDate(h.file.kind as StreamKind, pr.record) : undefined;
      h.date = h.recDate ?? h.last;
    };
    /** Next row of a stream: from the current batch, awaiting the reader only when it is used up. */
    const advance = async (h: Head): Promise<void> => {
      while (h.i >= h.batch.length) {
        const n = await h.it.next();
        if (n.done) {
          h.cur = undefined;
          h.date = END;
          return;
        }
        h.batch = n.value;
        h.i = 0;
      }
      take(h);
    };
    await Promise.all(heads.map(advance));

    let watermark = '';
    let maxOpen = 0;
    let maxWaiting = 0;
    let lastProgress = Date.now();
    let processed = 0;
    const since = opts.since;
    const until = opts.until;
    for (;;) {
      let h: Head | undefined;
      for (const x of heads) if (x.cur && (h === undefined || x.date < h.date)) h = x;
      if (!h || !h.cur) break;
      const pr = h.cur;
      const file = h.file;
      file.recon.rows++;
      processed++;
      const rec = pr.record;
      const kind = file.kind as StreamKind;
      const date = h.recDate;
      if (rec && linking === 'streaming' && date !== undefined && date < watermark) {
        throw new UnsortedInput(`${file.evidenceFile} row ${pr.row} is dated before rows already read`);
      }
      file.log.add(pr.row, passThrough(pr), pr.cells);
      for (const issue of pr.issues) readIssue(file, pr, issue);
      if (!rec) {
        file.recon.unreadable++;
        file.log.markDone(pr.row);
        if (kind === 'claims') noteUnreadableClaim(file.input.columns, pr.cells);
      } else if (date !== undefined && ((since !== undefined && date < since) || (until !== undefined && date > until))) {
        file.log.setNotAudited(pr.row, `not audited: outside --since/--until (${date})`);
        file.recon.outOfPeriod++;
        file.log.markDone(pr.row);
      } else {
        file.recon.audited++;
        if (kind === 'claims') {
          claimLines.n++;
          linker.addClaim(rec as ClaimLine);
        } else linker.addOther(rec as Parameters<Linker['addOther']>[0], date);
      }
      h.last = h.date;
      // within a batch no promise per row
      if (h.i < h.batch.length) take(h);
      else await advance(h);
      if (linking === 'streaming') {
        let w = END;
        for (const x of heads) if (x.cur && x.date < w) w = x.date;
        if (w > watermark && w !== '' && w !== END) {
          watermark = w;
          if (linker.openEncounters > maxOpen) maxOpen = linker.openEncounters;
          if (linker.heldRows > maxWaiting) maxWaiting = linker.heldRows;
          checkEncounters(linker.closeBefore(w));
        }
      }
      if (opts.progress && (processed & 0x3fff) === 0 && Date.now() - lastProgress > 1000) {
        lastProgress = Date.now();
        opts.progress(`${processed.toLocaleString('en-US')} rows read, ${encounters.length.toLocaleString('en-US')} encounters checked`);
      }
    }
    if (linker.openEncounters > maxOpen) maxOpen = linker.openEncounters;
    if (linker.heldRows > maxWaiting) maxWaiting = linker.heldRows;
    checkEncounters(linker.closeAll());
    checker.end();
    for (const x of checker.take()) place(x.finding, x.rows);
    const totals = checker.totals();
    for (const f of files) f.log.markAllDone();
    for (const f of files) {
      await f.log.finish();
      f.recon.withFindings = f.log.rowsWithFindings;
    }

    // ---- result ------------------------------------------------------------------------------
    const inputs: InputInfo[] = files.map((f) => {
      const st = f.input.stats();
      const info: InputInfo = { kind: f.kind, path: f.input.path, rows: st.rows, sha256: st.sha256 };
      if (f.input.sheet !== undefined) info.sheet = f.input.sheet;
      return info;
    });
    findings.sort(compareFindings(files));
    encounters.sort((a, b) =>
      a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : a.encounterId < b.encounterId ? -1 : a.encounterId > b.encounterId ? 1 : 0,
    );
    const result: AuditResult = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      generatedAt: now.toISOString(),
      rulePacks: rules.used(),
      inputs,
      summary: { ...summarise2(findings, encounters.length, claimLines.n), review340b: totals.review340b },
      exceptions: findings,
      encounters,
      skippedChecks: skipped.map((c) => ({
        ruleId: c.id,
        reason: `no ${c.needs.filter((k) => !present.has(k)).join(', ')} input`,
      })),
      unmatchedPayers: totals.unmatchedPayers,
      linking: { mode: linking, maxOpenEncounters: maxOpen, maxRowsWaiting: maxWaiting },
      reconciliation: files.map((f) => f.recon),
      referenceData: totals.referenceData,
    };
    if (since !== undefined || until !== undefined) {
      result.period = {};
      if (since !== undefined) result.period.since = since;
      if (until !== undefined) result.period.until = until;
    }
    if (opts.redact) result.redacted = true;
    if (totals.checkErrors.length > 0) {
      (result as AuditResult & { checkErrors?: unknown }).checkErrors = totals.checkErrors;
    }
    return {
      result,
      flagged: files.map((f) => f.log.flagged).filter((x): x is FlaggedRows => x !== undefined),
      linking,
    };
  } catch (e) {
    // an abandoned pass (unsorted input, or a failure): close and remove its spools and annotated files
    for (const f of files) await f.log.discard();
    throw e;
  }
}

const END = '\uffff';

/** Two records with the same fields (row and input aside): a cheap first test for identical rows. */
function sameRecord(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // for-in without allocating key lists: rows of one visit usually differ within the first fields
  let n = 0;
  for (const k in ra) {
    n++;
    if (k === 'row' || k === 'input') continue;
    const x = ra[k];
    const y = rb[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    return false;
  }
  let m = 0;
  for (const _k in rb) m++;
  return n === m;
}

/** The record text to pass through to the annotated CSV: none for a malformed record (its text would break the CSV). */
function passThrough(pr: ParsedRow<InputKind>): string | undefined {
  return pr.raw !== undefined && !pr.issues.some((i) => i.code === 'malformed-row') ? pr.raw : undefined;
}

/** The reader's rows in batches (one await per batch, not per row) when it offers them. */
function batchesOf(input: OpenedInput<InputKind>): AsyncIterable<ParsedRow<InputKind>[]> {
  if (input.batches) return input.batches();
  return (async function* () {
    for await (const r of input.rows()) yield [r];
  })();
}

function recordDate(kind: StreamKind, rec: unknown): string | undefined {
  if (kind === 'claims') return (rec as ClaimLine).serviceDate;
  if (kind === 'mar') return (rec as { date?: string }).date;
  return (rec as { dispenseDate: string }).dispenseDate;
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function summarise2(findings: Finding[], encounters: number, claimLines: number): AuditResult['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const byDir: Record<Direction, number> = { over: 0, under: 0, denial: 0 };
  const amountByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let total = 0;
  // Money: a claim line counts once, at the largest amount of its findings (a line denied for its
  // NDC is not also over-billed by its units: drug-billing.md section 10). Findings about no one
  // line (a missing code, a whole encounter) count on their own.
  const largest = new Map<string, Finding>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    if (f.amountAtRisk === undefined) continue;
    const key = f.claimId !== undefined && f.line !== undefined ? `${f.patientId}\u001f${f.claimId}\u001f${f.line}` : f.id;
    const prev = largest.get(key);
    if (!prev || (prev.amountAtRisk ?? 0) < f.amountAtRisk) largest.set(key, f);
  }
  for (const f of largest.values()) {
    const a = f.amountAtRisk ?? 0;
    total += a;
    byDir[f.direction ?? 'over'] += a;
    amountByCategory[f.category] += a;
  }
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    encounters,
    claimLines,
    exceptions: findings.length,
    bySeverity,
    byCategory,
    amountAtRisk: r2(total),
    amountAtRiskByDirection: { over: r2(byDir.over), under: r2(byDir.under), denial: r2(byDir.denial) },
    amountAtRiskByCategory: Object.fromEntries(CATEGORIES.map((c) => [c, r2(amountByCategory[c])])) as Record<Category, number>,
  };
}

/** Deterministic order: by the file and row of the first evidence, then rule, then id. */
function compareFindings(files: OpenFile[]): (a: Finding, b: Finding) => number {
  const order = new Map(files.map((f, i) => [f.evidenceFile, i] as const));
  return (a, b) => {
    const ea = a.evidence[0];
    const eb = b.evidence[0];
    const fa = ea ? (order.get(ea.file) ?? 99) : 99;
    const fb = eb ? (order.get(eb.file) ?? 99) : 99;
    if (fa !== fb) return fa - fb;
    const ra = ea?.row ?? 0;
    const rb = eb?.row ?? 0;
    if (ra !== rb) return ra - rb;
    if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

// ---- baseline ---------------------------------------------------------------------------------

const baselineSchema = z.object({
  exceptions: z.array(z.object({ id: z.string() }).passthrough()),
});

async function loadBaseline(path: string): Promise<Finding[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path}: cannot read the baseline (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${path}: the baseline is not JSON (expected a report.json of an earlier run)`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    throw new UsageError(`${path}: not a report.json of infusion-audit (no exceptions list with ids)`);
  }
  return parsed.data.exceptions as unknown as Finding[];
}

function applyBaseline(result: AuditResult, baseline: Finding[], path: string): void {
  const known = new Set(baseline.map((f) => f.id));
  const current = new Set<string>();
  let nNew = 0;
  let nKnown = 0;
  for (const f of result.exceptions) {
    current.add(f.id);
    if (known.has(f.id)) {
      f.status = 'known';
      nKnown++;
    } else {
      f.status = 'new';
      nNew++;
    }
  }
  const resolved = baseline.filter((f) => !current.has(f.id)).map((f) => {
    const copy = { ...f };
    delete copy.status;
    return copy;
  });
  result.resolved = resolved;
  result.baseline = { path, new: nNew, known: nKnown, resolved: resolved.length };
}

/** Exit code for `--fail-on`: with a baseline only `new` findings count. */
export function exitCodeFor(result: AuditResult, failOn: 'error' | 'warning' | 'never'): 0 | 1 {
  if (failOn === 'never') return 0;
  const counts = (s: Severity) => failOn === 'error' ? s === 'error' : s === 'error' || s === 'warning';
  for (const f of result.exceptions) {
    if (f.status === 'known') continue;
    if (counts(f.severity)) return 1;
  }
  return 0;
}

