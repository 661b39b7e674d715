/**
 * Synthetic inputs of a 340B DSH hospital's outpatient infusion center: claims, MAR, pharmacy
 * dispense, prior authorizations and facility.yaml. The same seed and options give byte-identical
 * files. Rows are written day by day, sorted like nightly exports (service date, patient, claim,
 * line; auths by start date), through buffered streams, so memory stays bounded.
 *
 * Billing follows the domain notes: administration codes per administration-coding.md
 * (src/samples/coding.ts), units = ceil(dose / unit size), JW/JZ for Medicare single-dose SI K
 * drugs (JZ from 2023-07-01), JG/TB on 340B-acquired SI K drugs for Medicare and Medicare Advantage
 * (JG 2018-2024, TB from 2025 for a DSH hospital), Medicaid carved out (WAC stock), white-bagged
 * biologics for one commercial payer (administration only), auths for SI K drugs of non-Medicare
 * payers. A small deterministic share of encounters gets exactly one planted problem each
 * (src/samples/planted.ts), listed in `planted.csv` when `manifest` is set.
 */

import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_CHARGES, PAYERS, drug, drugCharge, facilityYaml, type Drug, type DrugPackage } from './catalog.js';
import { aggregateCodes, assignAdministrationCodes, type CodingAdmin } from './coding.js';
import { CsvFileWriter, csvCell } from './csv-writer.js';
import { PLANT_KINDS, type PlantKind, type PlantTools } from './planted.js';
import { REGIMEN_WEIGHTS, type PatientView } from './regimens.js';
import { Rng, addMonths, fmtDateTime, fmtDay, parseDay, weekday } from './rng.js';
import type { AuthRec, DrugGroup, Encounter, LineRec, MarRec, Patient } from './types.js';

export interface SampleOptions {
  encounters: number;
  seed: number | string;
  /** YYYY-MM-DD, default 2025-10-01 */
  from?: string;
  /** YYYY-MM-DD; default: one month after `from`, longer when the encounters need it (150 a business day) */
  to?: string;
  /** plant problems in a small deterministic share of encounters (default true) */
  planted?: boolean;
  /** also write planted.csv (default false; the bundled samples set it) */
  manifest?: boolean;
}

export interface SampleResult {
  files: string[];
  encounters: number;
  rows: Record<'claims' | 'mar' | 'dispense' | 'auths', number>;
  /** encounters that carry a planted problem */
  planted: number;
  /** the date range used (YYYY-MM-DD) */
  from: string;
  to: string;
}

/** a bad option value; the CLI reports it as a usage error */
export class SampleOptionsError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'SampleOptionsError';
  }
}

/** the output directory or one of its files could not be written */
export class SampleWriteError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SampleWriteError';
  }
}

function writeError(path: string, e: unknown): SampleWriteError {
  const reason = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
  return new SampleWriteError(path, `cannot write samples to ${path} (${reason})`, { cause: e });
}

export const DEFAULT_FROM = '2025-10-01';
/** encounters a business day when the range has to grow to hold them */
export const ENCOUNTERS_PER_BUSINESS_DAY = 150;
export const MAX_ENCOUNTERS = 5_000_000;
/** how many plants may run ahead of the even spread, to catch rare situations */
const PLANT_BORROW = 3;
/** expected share of each day's encounters that are a new patient's first visit */
const NEW_PATIENT_SHARE = 0.25;

export const CLAIMS_COLUMNS = ['claim_id', 'line', 'encounter_id', 'patient_id', 'service_date', 'payer', 'bill_type', 'revenue_code', 'code', 'modifiers', 'units', 'charge', 'ndc', 'ndc_quantity', 'ndc_unit'] as const;
export const MAR_COLUMNS = ['administration_id', 'encounter_id', 'patient_id', 'drug', 'code', 'ndc', 'dose', 'dose_unit', 'route', 'access_site', 'start', 'stop', 'purpose', 'wasted'] as const;
export const DISPENSE_COLUMNS = ['dispense_id', 'encounter_id', 'patient_id', 'dispense_date', 'drug', 'ndc', 'quantity', 'quantity_unit', 'inventory', 'billing_model'] as const;
export const AUTHS_COLUMNS = ['auth_id', 'patient_id', 'payer', 'code', 'start_date', 'end_date', 'units_approved', 'visits_approved', 'status'] as const;
export const PLANTED_COLUMNS = ['encounter_id', 'claim_id', 'line', 'file', 'row', 'kind', 'rule_id', 'description'] as const;

export interface ManifestRow {
  encounterId: string;
  claimId: string;
  line: string;
  file: string;
  row: number;
  kind: string;
  ruleId: string;
  description: string;
}

/** how many encounters get a planted problem: ~7%, but every kind at least once for small runs */
export function plantedCount(encounters: number): number {
  if (encounters <= 0) return 0;
  return Math.max(Math.round(encounters * 0.07), Math.min(PLANT_KINDS.length, Math.floor(encounters / 2)));
}

export function resolveRange(opts: Pick<SampleOptions, 'encounters' | 'from' | 'to'>): { fromDay: number; toDay: number } {
  const fromText = opts.from ?? DEFAULT_FROM;
  const fromDay = parseDay(fromText);
  if (fromDay === undefined) throw new SampleOptionsError('from', `--from: "${fromText}" is not a date (YYYY-MM-DD)`);
  if (opts.to !== undefined) {
    const toDay = parseDay(opts.to);
    if (toDay === undefined) throw new SampleOptionsError('to', `--to: "${opts.to}" is not a date (YYYY-MM-DD)`);
    if (toDay < fromDay) throw new SampleOptionsError('to', `--to ${opts.to} is before --from ${fromText}`);
    return { fromDay, toDay };
  }
  const monthEnd = addMonths(fromDay, 1) - 1;
  const businessDays = Math.ceil(opts.encounters / ENCOUNTERS_PER_BUSINESS_DAY);
  const calendarDays = Math.ceil((businessDays * 7) / 5) + 2;
  return { fromDay, toDay: Math.max(monthEnd, fromDay + calendarDays - 1) };
}

const JW_FROM = parseDay('2017-01-01') as number;
const JZ_FROM = parseDay('2023-07-01') as number;
const MOD340B_FROM = parseDay('2018-01-01') as number;
const TB_FROM = parseDay('2025-01-01') as number;

/** Medicare 340B modifier of a DSH hospital on an SI K drug line (340b-and-billing-model.md §2) */
export function modifier340b(day: number): '' | 'JG' | 'TB' {
  if (day < MOD340B_FROM) return '';
  return day < TB_FROM ? 'JG' : 'TB';
}

function ceilDiv(a: number, b: number): number {
  return a % b === 0 ? a / b : Math.floor(a / b) + 1;
}

export function fmtNum(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(3)));
}

function fmtMilli(milli: number): string {
  return fmtNum(milli / 1000);
}

const digitCache = new Map<string, string>();
function digitsOf(s: string): string {
  let d = digitCache.get(s);
  if (d === undefined) {
    d = s.replace(/\D/g, '');
    digitCache.set(s, d);
  }
  return d;
}

const PAYER_WEIGHTS = PAYERS.map((p) => [p.weight, p] as const);
const PIV_SITES = ['R forearm PIV', 'L forearm PIV', 'L hand PIV', 'R antecubital PIV'] as const;
const SC_SITES = ['Abdomen', 'L upper arm', 'R upper arm'] as const;
const IM_SITES = ['L gluteal', 'R gluteal'] as const;

function validate(opts: SampleOptions): void {
  const n = opts.encounters;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_ENCOUNTERS) {
    throw new SampleOptionsError('encounters', `--encounters must be a whole number from 0 to ${MAX_ENCOUNTERS}`);
  }
  if (typeof opts.seed !== 'string' && (typeof opts.seed !== 'number' || !Number.isFinite(opts.seed))) {
    throw new SampleOptionsError('seed', '--seed must be a number or a string');
  }
}

export async function generateSamples(outDir: string, opts: SampleOptions): Promise<SampleResult> {
  validate(opts);
  const range = resolveRange(opts);
  try {
    await mkdir(outDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw writeError(outDir, e);
  }
  const g = new Generator(outDir, opts, range.fromDay, range.toDay);
  try {
    return await g.run();
  } catch (e) {
    if (e instanceof SampleWriteError) throw e;
    const path = (e as NodeJS.ErrnoException | undefined)?.path;
    throw writeError(typeof path === 'string' ? path : outDir, e);
  }
}

class Generator {
  private readonly rng: Rng;
  private readonly planted: boolean;
  private readonly padPatient: number;
  private patients = 0;
  private encounterNo = 0;
  private marNo = 0;
  private dispenseNo = 0;
  private authNo = 0;
  private readonly authBuffer: AuthRec[] = [];
  private lastAuthFlush = -Infinity;
  private approvedAuths = 0;
  private expiringAuths = 0;
  readonly manifest: ManifestRow[] = [];
  private claims!: CsvFileWriter;
  private mar!: CsvFileWriter;
  private dispense!: CsvFileWriter;
  private auths!: CsvFileWriter;
  // planting
  private readonly plantTotal: number;
  private plantDebt = 0;
  private plantedSoFar = 0;
  private readonly plantUse: number[];
  private readonly tools: PlantTools;
  private current: Encounter | undefined;

  constructor(
    private readonly outDir: string,
    private readonly opts: SampleOptions,
    private readonly fromDay: number,
    private readonly toDay: number,
  ) {
    this.rng = new Rng(opts.seed);
    this.planted = opts.planted ?? true;
    this.padPatient = Math.max(6, String(opts.encounters).length);
    this.plantTotal = this.planted ? plantedCount(opts.encounters) : 0;
    this.plantUse = PLANT_KINDS.map(() => 0);
    this.tools = {
      rng: this.rng,
      claimNdc: (ndc) => this.claimNdc(this.cur(), ndc),
      newMarId: () => this.newMarId(),
      buildGroup: (enc, d, admins) => this.buildGroup(enc, d, admins),
      adminLine: (code, units) => adminLine(code, units),
      sortLines,
      endCourse: (enc) => {
        enc.patient.remaining = 1;
      },
    };
  }

  private cur(): Encounter {
    if (!this.current) throw new Error('no current encounter');
    return this.current;
  }

  async run(): Promise<SampleResult> {
    const dir = this.outDir;
    const files = ['claims.csv', 'mar.csv', 'dispense.csv', 'auths.csv'].map((f) => join(dir, f));
    this.claims = new CsvFileWriter(files[0] as string, CLAIMS_COLUMNS);
    this.mar = new CsvFileWriter(files[1] as string, MAR_COLUMNS);
    this.dispense = new CsvFileWriter(files[2] as string, DISPENSE_COLUMNS);
    this.auths = new CsvFileWriter(files[3] as string, AUTHS_COLUMNS);
    const writers = [this.claims, this.mar, this.dispense, this.auths];
    try {
      await this.days();
      this.authBuffer.sort(byAuthOrder);
      for (const a of this.authBuffer) this.writeAuth(a);
      this.authBuffer.length = 0;
      for (const w of writers) await w.close();
    } catch (e) {
      for (const w of writers) w.destroy();
      throw e;
    }
    const facility = join(dir, 'facility.yaml');
    await writeFile(facility, facilityYaml(), { mode: 0o600 });
    await chmod(facility, 0o600);
    files.push(facility);
    if (this.planted && this.opts.manifest) {
      const planted = new CsvFileWriter(join(dir, 'planted.csv'), PLANTED_COLUMNS);
      for (const m of this.manifest) {
        planted.row([m.encounterId, m.claimId, m.line, m.file, String(m.row), m.kind, m.ruleId, m.description]);
      }
      await planted.close();
      files.push(planted.path);
    }
    return {
      files,
      encounters: this.encounterNo,
      rows: { claims: this.claims.rows, mar: this.mar.rows, dispense: this.dispense.rows, auths: this.auths.rows },
      planted: this.plantedSoFar,
      from: fmtDay(this.fromDay),
      to: fmtDay(this.toDay),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Calendar and patient flow

  private async days(): Promise<void> {
    const n = this.opts.encounters;
    let open: number[] = [];
    for (let d = this.fromDay; d <= this.toDay; d++) if (weekday(d) !== 0 && weekday(d) !== 6) open.push(d);
    if (open.length === 0) open = Array.from({ length: this.toDay - this.fromDay + 1 }, (_, i) => this.fromDay + i);
    const buckets = new Map<number, Patient[]>();
    const total = open.length;
    for (let i = 0; i < total; i++) {
      const day = open[i] as number;
      const quota = Math.floor(((i + 1) * n) / total) - Math.floor((i * n) / total);
      const due = buckets.get(day) ?? [];
      buckets.delete(day);
      due.sort((a, b) => a.num - b.num);
      // some chairs go to new patients every day; patients who cannot be seen move to the next
      // business day, and after 2 moves their course continues elsewhere (home infusion)
      const newMin = Math.min(quota, Math.floor(quota * NEW_PATIENT_SHARE + this.rng.next()));
      const today = due.slice(0, quota - newMin);
      const late = due.slice(quota - newMin).filter((p) => {
        p.moved += 1;
        return p.moved <= 2;
      });
      const nextOpen = open[i + 1];
      if (late.length > 0 && nextOpen !== undefined) pushBucket(buckets, nextOpen, late);
      while (today.length < quota) today.push(this.newPatient(day));
      today.sort((a, b) => a.num - b.num);
      for (const p of today) {
        const enc = this.buildEncounter(p, day);
        this.current = enc;
        this.maybePlant(enc);
        for (const a of enc.newAuths) this.authBuffer.push(a);
        this.emit(enc);
        this.current = undefined;
        p.remaining -= 1;
        p.moved = 0;
        if (p.remaining > 0) {
          const next = nextVisit(day, p.interval);
          if (next <= this.toDay) pushBucket(buckets, next, [p]);
        }
      }
      this.flushOldAuths(day);
      await this.claims.maybeFlush();
      await this.mar.maybeFlush();
      await this.dispense.maybeFlush();
      await this.auths.maybeFlush();
    }
  }

  private newPatient(day: number): Patient {
    const r = this.rng;
    this.patients += 1;
    const num = this.patients;
    const regimen = r.weighted(REGIMEN_WEIGHTS);
    const payer = r.weighted(PAYER_WEIGHTS);
    const setup = regimen.setup(r);
    const weight = r.int(48, 118);
    const height = r.int(150, 192);
    const bsa = Number(Math.sqrt((height * weight) / 3600).toFixed(2));
    const early = day - this.fromDay < setup.interval * setup.course;
    const prior = setup.course > 1 && early && r.chance(0.6) ? r.int(1, setup.course - 1) : 0;
    return {
      num,
      id: `P${String(num).padStart(this.padPatient, '0')}`,
      payer,
      regimen,
      interval: setup.interval,
      remaining: setup.course - prior,
      visitNo: prior,
      weight,
      bsa,
      gfr: r.int(55, 110),
      choice: setup.choice,
      whiteBag: !!payer.whiteBag && !!regimen.whiteBagDrug && r.chance(0.6),
      auths: new Map(),
      moved: 0,
    };
  }

  private newMarId(): string {
    this.marNo += 1;
    return `M${String(this.marNo).padStart(8, '0')}`;
  }

  // -------------------------------------------------------------------------------------------
  // One encounter

  private buildEncounter(p: Patient, day: number): Encounter {
    const r = this.rng;
    this.encounterNo += 1;
    const no = String(this.encounterNo).padStart(7, '0');
    p.visitNo += 1;
    const view: PatientView = { weight: p.weight, bsa: p.bsa, gfr: p.gfr, choice: p.choice, visitNo: p.visitNo };
    const steps = p.regimen.steps(view, r);
    const access = p.regimen.access;
    const ivSite = access === 'port' ? 'Port' : access === 'picc' ? 'PICC R arm' : r.pick(PIV_SITES);
    let planned = 0;
    for (const s of steps) {
      if (s.route === 'IV push') planned += 15;
      else if (s.route === 'IV' && !s.concurrent && s.minutes <= 480) planned += s.minutes + 5;
    }
    const latest = Math.min(930, Math.max(450, 1080 - planned));
    let t = 450 + 5 * r.int(0, Math.floor((latest - 450) / 5));
    const mar: MarRec[] = [];
    let prev: MarRec | undefined;
    for (const s of steps) {
      const d = drug(s.drug);
      const rec: MarRec = { id: this.newMarId(), drug: d, dose: s.dose, route: s.route, site: ivSite, start: t, stop: null, purpose: s.purpose ?? '', wasted: null };
      if (s.route === 'SC' || s.route === 'IM') {
        rec.site = s.route === 'SC' ? r.pick(SC_SITES) : r.pick(IM_SITES);
        t += 10;
      } else if (s.route === 'IV push') {
        rec.stop = t + r.int(2, 5);
        t = Math.max(rec.stop + r.int(5, 12), rec.start + 15);
      } else if (s.concurrent && prev && prev.stop !== null) {
        rec.start = prev.start;
        rec.stop = rec.start + (s.minutes > 0 ? s.minutes : prev.stop - prev.start);
        t = Math.max(t, rec.stop + r.int(2, 8));
      } else {
        rec.stop = t + s.minutes;
        t = rec.stop + r.int(2, 8);
      }
      mar.push(rec);
      prev = rec;
    }
    const assignments = assignAdministrationCodes(mar.map(toCodingAdmin));
    const enc: Encounter = {
      id: `E${no}`,
      claimId: `C${no}`,
      patient: p,
      day,
      mar,
      assignments,
      groups: [],
      lines: [],
      dispenses: [],
      newAuths: [],
    };
    this.current = enc;
    const byDrug = new Map<string, MarRec[]>();
    for (const m of mar) {
      const list = byDrug.get(m.drug.key);
      if (list) list.push(m);
      else byDrug.set(m.drug.key, [m]);
    }
    for (const admins of byDrug.values()) {
      const g = this.buildGroup(enc, (admins[0] as MarRec).drug, admins);
      enc.groups.push(g);
      enc.dispenses.push(g.dispense);
    }
    for (const c of aggregateCodes(assignments)) enc.lines.push(adminLine(c.code, c.units));
    for (const g of enc.groups) enc.lines.push(...g.lines);
    sortLines(enc.lines);
    this.ensureAuths(enc);
    return enc;
  }

  private claimNdc(enc: Encounter, ndc11: string): string {
    const t = enc.patient.payer.type;
    return t === 'medicare' || t === 'medicare_advantage' ? ndc11 : digitsOf(ndc11);
  }

  private buildGroup(enc: Encounter, d: Drug, admins: MarRec[]): DrugGroup {
    const r = this.rng;
    const p = enc.patient;
    let doseMilli = 0;
    for (const a of admins) doseMilli += Math.round(a.dose * d.doseFactor * 1000);
    const sizeMilli = Math.round(d.unitSize * 1000);
    let best: { pkg: DrugPackage; vials: number; waste: number } | undefined;
    for (const pkg of d.packages) {
      const amount = Math.round(pkg.billUnits * d.unitSize * 1000);
      const vials = ceilDiv(doseMilli, amount);
      const waste = vials * amount - doseMilli;
      if (!best || waste < best.waste || (waste === best.waste && vials < best.vials)) best = { pkg, vials, waste };
    }
    if (!best) throw new Error(`sample catalog: ${d.key} has no package`);
    const { pkg, vials, waste: wasteMilli } = best;
    const adminUnits = ceilDiv(doseMilli, sizeMilli);
    const jwUnits = Math.floor(wasteMilli / sizeMilli);
    const last = admins[admins.length - 1] as MarRec;
    if (wasteMilli > 0) last.wasted = Number((wasteMilli / 1000 / d.doseFactor).toFixed(3));
    else if (d.cls !== 'hydration') last.wasted = 0;

    const whiteBag = p.whiteBag && d.si === 'K';
    let inventory: DrugGroup['inventory'];
    if (whiteBag) inventory = '';
    else if (d.cls === 'hydration') inventory = 'gpo';
    else if (p.payer.type === 'medicaid') inventory = 'wac';
    else inventory = r.chance(0.88) ? '340b' : 'wac';

    this.dispenseNo += 1;
    const g: DrugGroup = {
      drug: d,
      admins,
      pkg,
      vials,
      doseMilli,
      wasteMilli,
      adminUnits,
      jwUnits,
      inventory,
      model: whiteBag ? 'white_bag' : 'buy_and_bill',
      dispense: {
        id: `D${String(this.dispenseNo).padStart(8, '0')}`,
        drugName: d.name,
        ndc: digitsOf(pkg.ndc),
        quantity: String(vials),
        unit: 'UN',
        inventory,
        model: whiteBag ? 'white_bag' : 'buy_and_bill',
      },
      lines: [],
    };
    if (whiteBag) return g;

    const payerType = p.payer.type;
    const day = enc.day;
    const wasteRules = payerType === 'medicare' && d.si === 'K' && d.singleDose && day >= JW_FROM;
    const jw = wasteRules && jwUnits >= 1;
    const jz = wasteRules && !jw && day >= JZ_FROM;
    const m340 = (payerType === 'medicare' || payerType === 'medicare_advantage') && d.si === 'K' && inventory === '340b' ? modifier340b(day) : '';
    const ndc = this.claimNdc(enc, pkg.ndc);
    const rev = d.cls === 'hydration' ? '0258' : '0636';
    let adminQty: string;
    let jwQty = '';
    if (d.ndcUnit === 'UN') {
      if (jw) {
        const adminQtyMilli = Math.round((adminUnits * 1000) / pkg.billUnits);
        adminQty = fmtMilli(adminQtyMilli);
        jwQty = fmtMilli(vials * 1000 - adminQtyMilli);
      } else {
        adminQty = String(vials);
      }
    } else {
      const ml = d.mlPerCodeUnit ?? 1;
      const amountMilli = Math.round(pkg.billUnits * d.unitSize * 1000);
      adminQty = fmtMilli(Math.round((jw ? doseMilli : vials * amountMilli) * ml));
      if (jw) jwQty = fmtMilli(Math.round(wasteMilli * ml));
    }
    const mods = [...(jz ? ['JZ'] : []), ...(m340 ? [m340] : [])];
    g.lines.push({
      code: d.hcpcs,
      modifiers: mods,
      units: String(adminUnits),
      charge: drugCharge(d, adminUnits).toFixed(2),
      ndc,
      ndcQty: adminQty,
      ndcUnit: d.ndcUnit,
      rev,
      group: g,
    });
    if (jw) {
      g.lines.push({
        code: d.hcpcs,
        modifiers: ['JW', ...(m340 ? [m340] : [])],
        units: String(jwUnits),
        charge: drugCharge(d, jwUnits).toFixed(2),
        ndc,
        ndcQty: jwQty,
        ndcUnit: d.ndcUnit,
        rev,
        group: g,
        isJW: true,
      });
    }
    return g;
  }

  private ensureAuths(enc: Encounter): void {
    const p = enc.patient;
    if (p.payer.type === 'medicare') return;
    const r = this.rng;
    for (const g of enc.groups) {
      if (g.drug.si !== 'K' || g.model !== 'buy_and_bill') continue;
      const code = g.drug.hcpcs;
      const cur = p.auths.get(code);
      if (cur && cur.end >= enc.day) continue;
      const span = r.pick([182, 365] as const);
      const start = cur ? Math.max(cur.end + 1, enc.day - r.int(0, 10)) : enc.day - Math.min((p.visitNo - 1) * p.interval + r.int(0, 14), span - 30);
      const visits = Math.min(Math.ceil(span / p.interval) + 1, p.remaining + 1);
      const perVisit = g.vials * g.pkg.billUnits;
      const auth = this.newAuth(p, code, start, start + span - 1, perVisit * visits, visits, 'approved', span);
      p.auths.set(code, auth);
      enc.newAuths.push(auth);
      // every other auth that ends within 60 days after the data has its renewal pending;
      // every tenth has a denied dose-escalation request inside its span
      this.approvedAuths += 1;
      if (auth.end > this.toDay && auth.end <= this.toDay + 60) {
        this.expiringAuths += 1;
        if (this.expiringAuths % 2 === 1) {
          enc.newAuths.push(this.newAuth(p, code, auth.end + 1, auth.end + span, perVisit * visits, visits, 'pending', span));
        }
      }
      if (this.approvedAuths % 10 === 3) {
        const deniedStart = Math.min(start + r.int(14, 60), auth.end);
        enc.newAuths.push(this.newAuth(p, code, deniedStart, auth.end, perVisit * 2 * visits, visits, 'denied', span));
      }
    }
  }

  private newAuth(p: Patient, code: string, start: number, end: number, units: number, visits: number, status: AuthRec['status'], span: number): AuthRec {
    this.authNo += 1;
    return { id: `A${String(this.authNo).padStart(7, '0')}`, patientId: p.id, payer: p.payer.name, code, start, end, units, visits, status, span };
  }

  // -------------------------------------------------------------------------------------------
  // Planting

  private maybePlant(enc: Encounter): void {
    if (this.plantTotal === 0 || this.plantedSoFar >= this.plantTotal) return;
    const k = this.encounterNo - 1;
    const n = this.opts.encounters;
    if (Math.floor(((k + 1) * this.plantTotal) / n) > Math.floor((k * this.plantTotal) / n)) this.plantDebt += 1;
    // the least used kind that fits this encounter. A kind that has not had its turn in this round
    // may run up to PLANT_BORROW plants ahead of the even spread (rare situations are planted when
    // they occur, and kinds that need a rare situation any time); a kind that already had its turn
    // waits until the spread is PLANT_BORROW plants behind.
    let best = -1;
    let minUse = Infinity;
    for (const u of this.plantUse) minUse = Math.min(minUse, u);
    for (let i = 0; i < PLANT_KINDS.length; i++) {
      const use = this.plantUse[i] as number;
      if (best >= 0 && use >= (this.plantUse[best] as number)) continue;
      if ((PLANT_KINDS[i] as PlantKind).applies(enc)) best = i;
    }
    if (best < 0) return;
    const fresh = this.plantUse[best] === minUse;
    const rare = (PLANT_KINDS[best] as PlantKind).rare === true;
    if (fresh ? this.plantDebt <= -PLANT_BORROW && !rare : this.plantDebt <= PLANT_BORROW) return;
    (PLANT_KINDS[best] as PlantKind).apply(enc, this.tools);
    this.plantUse[best] = (this.plantUse[best] as number) + 1;
    this.plantDebt -= 1;
    this.plantedSoFar += 1;
  }

  // -------------------------------------------------------------------------------------------
  // Output

  private emit(enc: Encounter): void {
    const p = enc.patient;
    const dayText = fmtDay(enc.day);
    // ids, codes, dates and numbers never need quoting; free text goes through csvCell
    const payer = csvCell(p.payer.name);
    const claimHead = `${enc.claimId},`;
    const claimMid = `,${enc.id},${p.id},`;
    let lineNo = 0;
    for (const l of enc.lines) {
      if (!l.repeatPrevious) lineNo += 1;
      const mods = l.modifiers.length === 0 ? '' : l.modifiers.length === 1 ? (l.modifiers[0] as string) : `"${l.modifiers.join(',')}"`;
      const date = l.dateText === undefined ? dayText : csvCell(l.dateText);
      const row = this.claims.line(
        `${claimHead}${lineNo}${claimMid}${date},${payer},0131,${l.rev},${csvCell(l.code)},${mods},${csvCell(l.units)},${l.charge},${csvCell(l.ndc)},${l.ndcQty},${l.ndcUnit}\n`,
      );
      if (l.plant) this.record(enc, String(lineNo), 'claims.csv', row, l.plant);
    }
    const marMid = `,${enc.id},${p.id},`;
    for (const m of enc.mar) {
      const d = m.drug;
      const start = m.startText ?? fmtDateTime(enc.day, m.start);
      const stop = m.stopText ?? (m.stop === null ? '' : fmtDateTime(enc.day, m.stop));
      const wasted = m.wasted === null ? '' : fmtNum(m.wasted);
      const row = this.mar.line(
        `${m.id}${marMid}${csvCell(d.name)},${d.hcpcs},${this.marNdc(enc, m)},${fmtNum(m.dose)},${d.doseUnit},${m.routeText === undefined ? m.route : csvCell(m.routeText)},${csvCell(m.site)},${start},${stop},${m.purpose},${wasted}\n`,
      );
      if (m.plant) this.record(enc, '', 'mar.csv', row, m.plant);
    }
    const dispMid = `,${enc.id},${p.id},${dayText},`;
    for (const x of enc.dispenses) {
      const row = this.dispense.line(`${x.id}${dispMid}${csvCell(x.drugName)},${x.ndc},${x.quantity},${x.unit},${x.inventory},${x.model}\n`);
      if (x.plant) this.record(enc, '', 'dispense.csv', row, x.plant);
    }
  }

  private marNdc(enc: Encounter, m: MarRec): string {
    const g = enc.groups.find((x) => x.admins.includes(m));
    return g ? g.pkg.ndc : (m.drug.packages[0]?.ndc ?? '');
  }

  private record(enc: Encounter, line: string, file: string, row: number, t: { kind: string; ruleId: string; description: string }): void {
    this.manifest.push({ encounterId: enc.id, claimId: enc.claimId, line, file, row, kind: t.kind, ruleId: t.ruleId, description: t.description });
  }

  private writeAuth(a: AuthRec): void {
    this.auths.line(`${a.id},${a.patientId},${csvCell(a.payer)},${a.code},${fmtDay(a.start)},${fmtDay(a.end)},${a.units},${a.visits},${a.status}\n`);
  }

  /** auths are written sorted by start date; any auth created later starts after day - 400 */
  private flushOldAuths(day: number): void {
    if (this.authBuffer.length < 2000 || day - this.lastAuthFlush < 30) return;
    this.lastAuthFlush = day;
    this.authBuffer.sort(byAuthOrder);
    const limit = day - 400;
    let i = 0;
    while (i < this.authBuffer.length && (this.authBuffer[i] as AuthRec).start < limit) {
      this.writeAuth(this.authBuffer[i] as AuthRec);
      i += 1;
    }
    this.authBuffer.splice(0, i);
  }
}

function byAuthOrder(a: AuthRec, b: AuthRec): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function pushBucket(buckets: Map<number, Patient[]>, day: number, ps: Patient[]): void {
  const list = buckets.get(day);
  if (list) list.push(...ps);
  else buckets.set(day, [...ps]);
}

/** next visit after `interval` days, moved off the weekend; daily courses go to the next business day */
export function nextVisit(day: number, interval: number): number {
  let next = day + interval;
  const w = weekday(next);
  if (w === 6) next += 2;
  else if (w === 0) next += 1;
  return next;
}

function toCodingAdmin(m: MarRec): CodingAdmin {
  const a: CodingAdmin = { drug: m.drug.key, cls: m.drug.cls, route: m.route, start: m.start, stop: m.stop };
  if (m.drug.hormonal) a.hormonal = true;
  return a;
}

function adminLine(code: string, units: number): LineRec {
  return {
    code,
    modifiers: [],
    units: String(units),
    charge: ((ADMIN_CHARGES[code] ?? 0) * units).toFixed(2),
    ndc: '',
    ndcQty: '',
    ndcUnit: '',
    rev: code.startsWith('964') ? '0335' : '0260',
  };
}

/** UB-04 order: by revenue code; the order within one revenue code is kept */
function sortLines(lines: LineRec[]): void {
  const indexed = lines.map((l, i) => [l, i] as const);
  indexed.sort((a, b) => (a[0].rev < b[0].rev ? -1 : a[0].rev > b[0].rev ? 1 : a[1] - b[1]));
  for (let i = 0; i < indexed.length; i++) lines[i] = (indexed[i] as readonly [LineRec, number])[0];
}

