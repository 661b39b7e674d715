/**
 * Cells -> typed records (ClaimLine, MarRow, DispenseRow, AuthRow), one hand-written builder
 * per kind over pre-resolved column indexes (no per-row lookups, no zod per row).
 *
 * Rules (SPEC "Inputs", README):
 * - required cell empty -> 'missing-required' error; required cell unparseable -> 'bad-value'
 *   error; either way the record is not built (the row is reported, not audited);
 * - optional cell unparseable -> 'bad-value' warning, field left undefined, record built;
 * - every check of a row runs, so one row reports all its problems at once;
 * - messages quote the bad value only for dates, numbers, enums and modifiers, never for
 *   patient ids or drug names (COLUMNS[].sensitive).
 * MAR specifics: start/stop that do not parse are not issues here (the documentation check
 * judges them): startText/stopText keep the text, start/stop are undefined, and `date` is the
 * parsed start's date, else a date read from the beginning of startText. A MAR row with no
 * such date and no encounter_id cannot be linked: 'missing-required' error on `start`.
 */
import type { AuthRow, ClaimLine, DispenseRow, InputKind, MarRow, RecordByKind } from '../model.js';
import { COLUMNS, enumChoices, type ColumnDef } from './columns.js';
import { normaliseHeader, type HeaderMap } from './headers.js';
import type { ParsedRow, ReadIssue } from './types.js';
import { parseDate, parseDateTime, parseLeadingDate, parseNumber } from './values.js';

interface Col {
  name: string;
  /** cell index, -1 when the column is absent */
  i: number;
  def: ColumnDef;
  /** "service_date" or 'service_date ("DOS")' */
  display: string;
}

const MAX_QUOTED = 40;

/** The cell value for a message: quoted and cut short; never the value of a sensitive column. */
function quote(c: Col, v: string): string {
  if (c.def.sensitive) return 'the value';
  const s = v.length > MAX_QUOTED ? v.slice(0, MAX_QUOTED) + '...' : v;
  return JSON.stringify(s);
}

const MODIFIER = /^[A-Z0-9]{2}$/;

/** enum cell text -> its normalised key (normaliseHeader), shared by all columns */
const ENUM_CACHE = new Map<string, string>();

/** Per-row state shared by the builders (one instance per input: no per-row allocation). */
class Ctx {
  cells: string[] = [];
  row = 0;
  issues: ReadIssue[] = [];
  failed = false;
  private lastDateText = '';
  private lastDate: string | undefined;

  constructor(
    readonly where: string,
    readonly input: number,
  ) {}

  text(c: Col): string {
    if (c.i < 0) return '';
    const v = this.cells[c.i];
    if (v === undefined || v.length === 0) return '';
    // most cells need no trimming: skip the call (and the copy) then
    return v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
  }

  issue(code: ReadIssue['code'], c: Col, error: boolean, what: string): void {
    if (error) this.failed = true;
    this.issues.push({
      code,
      severity: error ? 'error' : 'warning',
      row: this.row,
      column: c.name,
      message: `${this.where} row ${this.row}, column ${c.display}: ${what}`,
    });
  }

  missing(c: Col): void {
    this.issue('missing-required', c, true, 'required value is empty; the row cannot be audited');
  }

  bad(c: Col, required: boolean, what: string): void {
    this.issue('bad-value', c, required, what + (required ? '; the row cannot be audited' : '; the value is ignored'));
  }

  req(c: Col): string {
    const v = this.text(c);
    if (v.length === 0) this.missing(c);
    return v;
  }

  opt(c: Col): string | undefined {
    const v = this.text(c);
    return v.length === 0 ? undefined : v;
  }

  reqCode(c: Col): string {
    return this.req(c).toUpperCase();
  }

  optCode(c: Col): string | undefined {
    const v = this.text(c);
    return v.length === 0 ? undefined : v.toUpperCase();
  }

  private date(c: Col, required: boolean): string | undefined {
    const v = this.text(c);
    if (v.length === 0) {
      if (required) this.missing(c);
      return undefined;
    }
    // sorted exports repeat one date for many rows in a row: remember the last one parsed
    let d: string | undefined;
    if (v === this.lastDateText) d = this.lastDate;
    else {
      d = parseDate(v);
      this.lastDateText = v;
      this.lastDate = d;
    }
    if (d === undefined) {
      this.bad(c, required, `${quote(c, v)} is not a date (expected YYYY-MM-DD, M/D/YYYY or an Excel serial)`);
    }
    return d;
  }

  reqDate(c: Col): string {
    return this.date(c, true) ?? '';
  }

  optDate(c: Col): string | undefined {
    return this.date(c, false);
  }

  private num(c: Col, required: boolean): number | undefined {
    const v = this.text(c);
    if (v.length === 0) {
      if (required) this.missing(c);
      return undefined;
    }
    const n = parseNumber(v);
    if (n === undefined) {
      this.bad(c, required, `${quote(c, v)} is not a number`);
      return undefined;
    }
    const min = c.def.min;
    if (min !== undefined && n < min) {
      this.bad(c, required, `${quote(c, v)} is negative; ${c.name} must be ${min} or more`);
      return undefined;
    }
    return n;
  }

  reqNum(c: Col): number {
    return this.num(c, true) ?? 0;
  }

  optNum(c: Col): number | undefined {
    return this.num(c, false);
  }

  optEnum<T extends string>(c: Col): T | undefined {
    const v = this.text(c);
    if (v.length === 0) return undefined;
    // exports repeat a handful of spellings ("340B", "White Bag"): normalise each once
    let key = ENUM_CACHE.get(v);
    if (key === undefined) {
      key = normaliseHeader(v);
      if (ENUM_CACHE.size < 10_000) ENUM_CACHE.set(v, key);
    }
    const hit = c.def.values?.[key];
    if (hit === undefined) {
      this.bad(c, false, `${quote(c, v)} is not a recognised ${c.name} (expected ${enumChoices(c.def)})`);
    }
    return hit as T | undefined;
  }

  /** modifiers cell: "JW, JG", "JW JG", "JW;JG", "JWJG" -> ['JW', 'JG'] */
  modifierList(c: Col, out: string[]): void {
    const v = this.text(c);
    if (v.length === 0) return;
    const u = v.toUpperCase();
    let start = 0;
    for (let k = 0; k <= u.length; k++) {
      const ch = k < u.length ? u.charCodeAt(k) : 32;
      // separators: space, tab, comma, semicolon, pipe, slash
      if (ch === 32 || ch === 9 || ch === 44 || ch === 59 || ch === 124 || ch === 47) {
        if (k > start) this.modifierToken(c, u.slice(start, k), out);
        start = k + 1;
      }
    }
  }

  private modifierToken(c: Col, tok: string, out: string[]): void {
    if (tok.length === 2 && MODIFIER.test(tok)) out.push(tok);
    else if (tok.length % 2 === 0 && tok.length <= 8 && /^[A-Z0-9]+$/.test(tok)) {
      for (let k = 0; k < tok.length; k += 2) out.push(tok.slice(k, k + 2));
    } else {
      this.bad(c, false, `${quote(c, tok)} is not a modifier (modifiers are 2 letters or digits)`);
    }
  }

  modifierCell(c: Col, out: string[]): void {
    const v = this.text(c);
    if (v.length === 0) return;
    const u = v.toUpperCase();
    if (MODIFIER.test(u)) out.push(u);
    else this.bad(c, false, `${quote(c, v)} is not a modifier (modifiers are 2 letters or digits)`);
  }
}

type Builder<K extends InputKind> = (x: Ctx) => RecordByKind[K];

function claimsBuilder(col: (name: string) => Col): Builder<'claims'> {
  const claimId = col('claim_id'), line = col('line'), patientId = col('patient_id');
  const serviceDate = col('service_date'), payer = col('payer'), code = col('code'), units = col('units');
  const encounterId = col('encounter_id'), modifiers = col('modifiers');
  const mods = [col('modifier_1'), col('modifier_2'), col('modifier_3'), col('modifier_4')].filter((c) => c.i >= 0);
  const charge = col('charge'), ndc = col('ndc'), ndcQuantity = col('ndc_quantity'), ndcUnit = col('ndc_unit');
  const revenueCode = col('revenue_code'), billType = col('bill_type');
  return (x) => {
    const rec: ClaimLine = {
      row: x.row,
      input: x.input,
      claimId: x.req(claimId),
      line: x.req(line),
      patientId: x.req(patientId),
      serviceDate: x.reqDate(serviceDate),
      payer: x.req(payer),
      code: x.reqCode(code),
      units: x.reqNum(units),
      encounterId: x.opt(encounterId),
      modifiers: [],
      charge: x.optNum(charge),
      ndc: x.opt(ndc),
      ndcQuantity: x.optNum(ndcQuantity),
      ndcUnit: x.optCode(ndcUnit),
      revenueCode: x.opt(revenueCode),
      billType: x.opt(billType),
    };
    if (modifiers.i >= 0) x.modifierList(modifiers, rec.modifiers);
    for (const m of mods) x.modifierCell(m, rec.modifiers);
    return rec;
  };
}

function marBuilder(col: (name: string) => Col): Builder<'mar'> {
  const patientId = col('patient_id'), drug = col('drug'), route = col('route'), start = col('start');
  const stop = col('stop'), encounterId = col('encounter_id'), administrationId = col('administration_id');
  const dose = col('dose'), doseUnit = col('dose_unit'), code = col('code'), ndc = col('ndc');
  const accessSite = col('access_site'), purpose = col('purpose'), wasted = col('wasted');
  return (x) => {
    const startText = x.text(start);
    const stopText = x.text(stop);
    const startParsed = startText.length > 0 ? parseDateTime(startText) : undefined;
    const date = startParsed !== undefined ? startParsed.slice(0, 10) : startText.length > 0 ? parseLeadingDate(startText) : undefined;
    const rec: MarRow = {
      row: x.row,
      input: x.input,
      patientId: x.req(patientId),
      drug: x.req(drug),
      route: x.req(route),
      start: startParsed,
      startText,
      stop: stopText.length > 0 ? parseDateTime(stopText) : undefined,
      stopText,
      date,
      encounterId: x.opt(encounterId),
      administrationId: x.opt(administrationId),
      dose: x.optNum(dose),
      doseUnit: x.opt(doseUnit),
      code: x.optCode(code),
      ndc: x.opt(ndc),
      accessSite: x.opt(accessSite),
      purpose: x.optEnum<NonNullable<MarRow['purpose']>>(purpose),
      wasted: x.optNum(wasted),
    };
    if (date === undefined && rec.encounterId === undefined) {
      const why = startText.length === 0 ? 'start is empty' : 'start has no readable date';
      x.issue('missing-required', start, true, `${why} and there is no encounter_id, so the administration cannot be linked to a visit; the row cannot be audited`);
    }
    return rec;
  };
}

function dispenseBuilder(col: (name: string) => Col): Builder<'dispense'> {
  const dispenseId = col('dispense_id'), patientId = col('patient_id'), dispenseDate = col('dispense_date');
  const ndc = col('ndc'), quantity = col('quantity'), quantityUnit = col('quantity_unit');
  const encounterId = col('encounter_id'), drug = col('drug'), inventory = col('inventory');
  const billingModel = col('billing_model'), wasted = col('wasted');
  return (x) => {
    const rec: DispenseRow = {
      row: x.row,
      input: x.input,
      dispenseId: x.req(dispenseId),
      patientId: x.req(patientId),
      dispenseDate: x.reqDate(dispenseDate),
      ndc: x.req(ndc),
      quantity: x.reqNum(quantity),
      quantityUnit: x.opt(quantityUnit),
      encounterId: x.opt(encounterId),
      drug: x.opt(drug),
      inventory: x.optEnum<NonNullable<DispenseRow['inventory']>>(inventory),
      billingModel: x.optEnum<DispenseRow['billingModel']>(billingModel) ?? 'buy_and_bill',
      wasted: x.optNum(wasted),
    };
    return rec;
  };
}

function authsBuilder(col: (name: string) => Col): Builder<'auths'> {
  const authId = col('auth_id'), patientId = col('patient_id'), payer = col('payer'), code = col('code');
  const startDate = col('start_date'), endDate = col('end_date'), unitsApproved = col('units_approved');
  const visitsApproved = col('visits_approved'), status = col('status');
  return (x) => {
    const rec: AuthRow = {
      row: x.row,
      input: x.input,
      authId: x.req(authId),
      patientId: x.req(patientId),
      payer: x.req(payer),
      code: x.reqCode(code),
      startDate: x.reqDate(startDate),
      endDate: x.reqDate(endDate),
      unitsApproved: x.optNum(unitsApproved),
      visitsApproved: x.optNum(visitsApproved),
      status: x.optEnum<NonNullable<AuthRow['status']>>(status),
    };
    return rec;
  };
}

const BUILDERS: { [K in InputKind]: (col: (name: string) => Col) => Builder<K> } = {
  claims: claimsBuilder,
  mar: marBuilder,
  dispense: dispenseBuilder,
  auths: authsBuilder,
};

/**
 * Converts the cells of a ParsedRow into its typed record (or issues), in place.
 * Rows that already carry an error issue (malformed, extra fields) are left without a record.
 */
export class RowConverter<K extends InputKind> {
  private readonly ctx: Ctx;
  private readonly build: Builder<K>;
  private readonly header: string[];

  constructor(
    readonly kind: K,
    map: HeaderMap,
    header: string[],
    where: string,
    inputIndex: number,
  ) {
    this.ctx = new Ctx(where, inputIndex);
    this.header = header;
    const defs = new Map(COLUMNS[kind].map((d) => [d.name, d]));
    const col = (name: string): Col => {
      const def = defs.get(name);
      if (!def) throw new Error(`read: unknown column ${name} for ${kind}`);
      const i = map.columns[name] ?? -1;
      const h = map.headerOf[name];
      const display = h !== undefined && h !== name ? `${name} (${JSON.stringify(h)})` : name;
      return { name, i, def, display };
    };
    this.build = (BUILDERS[kind] as (col: (name: string) => Col) => Builder<K>)(col);
  }

  /** a data row that repeats the header (concatenated exports) */
  private isRepeatedHeader(cells: string[]): boolean {
    const h = this.header;
    if (cells.length === 0 || cells[0] !== h[0]) return false;
    for (let i = 1; i < h.length; i++) if ((cells[i] ?? '') !== h[i]) return false;
    return true;
  }

  convert(pr: ParsedRow<K>): void {
    for (const iss of pr.issues) if (iss.severity === 'error') return;
    if (this.isRepeatedHeader(pr.cells)) {
      pr.issues.push({
        code: 'malformed-row',
        severity: 'warning',
        row: pr.row,
        message: `${this.ctx.where} row ${pr.row}: the row repeats the header (files joined together?); it is skipped`,
      });
      return;
    }
    const x = this.ctx;
    x.cells = pr.cells;
    x.row = pr.row;
    x.issues = pr.issues;
    x.failed = false;
    const rec = this.build(x);
    if (!x.failed) pr.record = rec;
  }
}
