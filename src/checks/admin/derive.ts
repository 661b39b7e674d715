/**
 * The administration coding engine: the facility administration codes (CPT 96360-96549, C8957) one
 * encounter's MAR supports, each with the reason a coder would write. Pure: it sees administrations
 * already read from the MAR (src/checks/admin/mar-input.ts does that) and the rule tables
 * admin-timing and admin-hierarchy. The rules and our decisions on open points are in
 * shared/domain/administration-coding.md; every step below names the one it applies.
 *
 * Decisions of ours beyond the domain note (documented in `explain hierarchy.code-set`):
 * - push or infusion is decided by an administration's charted minutes (net of holds), before any
 *   overlap is taken away; units come from the minutes it keeps after overlaps;
 * - bags of one drug are added together per date of service; a dose of the same drug on a later date
 *   of a multi-day encounter is a new (sequential) infusion;
 * - an infusion across midnight stays one service on the date it started;
 * - an untimed IV administration (no stop, or a stop before the start) supports at most a push;
 * - a chemotherapy concurrent with another chemotherapy has no code of its own (CPT has no
 *   concurrent chemotherapy code), which the reason says;
 * - `setting: office` uses the same ranking as the proxy for "the main reason for the visit" and
 *   drops the facility-only codes.
 */
import type { AdminHierarchyData, AdminTimingData } from '../../rules/schemas.js';
import { codesFor, rank, type AdminCategory } from './hierarchy.js';
import { addOnHours, hydrationReportable, ivMethod, repeatPushAllowed, secondaryHydrationUnits } from './timing.js';
import { minBy, sortSmall } from '../../util/sort.js';

export type RouteKind = 'iv' | 'ivPush' | 'sc' | 'im' | 'other' | 'unknown';

/** One MAR administration as the engine sees it. */
export interface AdminInput {
  /** the caller's index of the row (kept in every line and problem) */
  ref: number;
  /** identity of the drug for "same drug" rules (catalog code, charted code or normalised name) */
  drugKey: string;
  /** how reasons name the drug */
  label: string;
  /** chemo | therapeutic | hydration; undefined = unknown (assumed therapeutic, derivation incomplete) */
  category?: AdminCategory;
  /** a hormonal anti-neoplastic (SC/IM chemo = 96402) */
  hormonal?: boolean;
  route: RouteKind;
  /** local date-times `YYYY-MM-DDTHH:MM:SS`; start undefined = missing or unparseable */
  start?: string;
  stop?: string;
  /** the stop cell held text that did not parse */
  stopUnreadable?: boolean;
  /** normalised access site ('' = not charted) */
  site: string;
  /** rows sharing one bag (several drugs mixed in one infusion) */
  bagId?: string;
  /** minutes the infusion was held (subtracted) */
  holdMinutes?: number;
  /** a fluid that only keeps a vein open, carries a drug, or flushes a line */
  fluidRole?: 'kvo' | 'carrier' | 'flush';
  /** charted with an ambulatory pump */
  pump?: boolean;
  /** given through an implanted port */
  port?: boolean;
}

export type ProblemKind = 'no-start' | 'no-stop' | 'stop-unreadable' | 'reversed' | 'unknown-class' | 'unknown-route';

export interface AdminProblem {
  kind: ProblemKind;
  ref: number;
  message: string;
}

export type LineRole = 'initial' | 'add-on hour' | 'sequential' | 'concurrent' | 'repeat push' | 'injection' | 'pump' | 'flush';

/** One expected claim line (before aggregation). */
export interface DerivedLine {
  code: string;
  units: number;
  modifiers: string[];
  serviceDate: string;
  role: LineRole;
  /** the administrations behind the line */
  refs: number[];
  reason: string;
}

/**
 * A derived line whose reason text is built only when read (an audit reads it only for the few
 * encounters with a finding; `code` reads them all).
 */
class Line implements DerivedLine {
  private r: string | (() => string);
  constructor(
    public code: string,
    public units: number,
    public modifiers: string[],
    public serviceDate: string,
    public role: LineRole,
    public refs: number[],
    reason: string | (() => string),
  ) {
    this.r = reason;
  }
  get reason(): string {
    if (typeof this.r !== 'string') this.r = this.r();
    return this.r;
  }
  set reason(v: string) {
    this.r = v;
  }
}

/** An administration that supports no code, and why (shown by `code`; never silently dropped). */
export interface NotCoded {
  refs: number[];
  reason: string;
}

export interface Derivation {
  lines: DerivedLine[];
  notCoded: NotCoded[];
  problems: AdminProblem[];
  /** false when an administration could not be placed or classified: comparisons should not be trusted */
  complete: boolean;
}

export interface DeriveOptions {
  timing: AdminTimingData;
  hierarchy: AdminHierarchyData;
  setting: 'hopd' | 'office';
  hydrationPieces: 'add' | 'separate';
  separateSiteModifier: string;
  /** add-on code -> its primary codes (admin-codes): an add-on whose primaries are all absent is not reported */
  addOnPrimaries?: ReadonlyMap<string, readonly string[]>;
}

type Interval = readonly [number, number];

interface Service {
  refs: number[];
  drugKey: string;
  label: string;
  category: AdminCategory;
  method: 'infusion' | 'push';
  site: string;
  date: string;
  start: number;
  /** end of the span (start + 1 for an untimed push) */
  end: number;
  /** charted intervals (merged) */
  intervals: Interval[];
  /** each charted row's access site and interval (a service of several bags may span sites) */
  parts: { site: string; iv: Interval }[];
  hold: number;
  /** charted minutes net of holds: decides push vs infusion and who ranks first among equals */
  minutes: number;
  /** intervals the service keeps after overlaps */
  own: Interval[];
  /** the service it runs concurrently with */
  concurrentWith?: Service;
  notes: string[];
}

// Local wall-clock arithmetic in whole minutes since 1970-01-01 00:00 (no zones: MAR times are local).
// Hot path (every MAR row of an audit): times are read digit by digit; date strings are remembered.
const dayStrings = new Map<number, string>();
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
export const toMinutes = (iso: string): number => {
  // YYYY-MM-DDTHH:MM[:SS], read digit by digit (no substrings: this runs for every MAR row)
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const mo = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  const hh = digit(iso, 11) * 10 + digit(iso, 12);
  const mm = digit(iso, 14) * 10 + digit(iso, 15);
  return daysFromCivil(y, mo, d) * 1440 + hh * 60 + mm;
};
const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
const hhmm = (m: number): string => {
  const t = ((m % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(t / 60))}:${pad2(t % 60)}`;
};
function dateOf(m: number): string {
  const day = Math.floor(m / 1440);
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(day, s);
  }
  return s;
}

function union(intervals: readonly Interval[]): Interval[] {
  const sorted = sortSmall([...intervals], (a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const length = (intervals: readonly Interval[]): number => intervals.reduce((n, [s, e]) => n + (e - s), 0);

/** Minutes covered by intervals [start, stop] (overlaps counted once). */
export const unionMinutes = (intervals: readonly Interval[]): number => length(union(intervals));

function intersection(a: readonly Interval[], b: readonly Interval[]): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let out: Interval[] = [...a];
  for (const [bs, be] of b) {
    const next: Interval[] = [];
    for (const [s, e] of out) {
      if (be <= s || bs >= e) next.push([s, e]);
      else {
        if (bs > s) next.push([s, bs]);
        if (be < e) next.push([be, e]);
      }
    }
    out = next;
  }
  return out;
}

function describeSpan(s: Service): string {
  if (s.method === 'push' && s.intervals.length === 1 && s.end - s.start <= 1) return `${s.label} ${hhmm(s.start)}`;
  // a stop on a later date shows its date: 16:34-10-04 14:34 would mislead, so `16:34-(10-04) 14:34`
  const times = s.intervals.map(([a, b]) => `${hhmm(a)}-${dateOf(b) === dateOf(a) ? '' : `(${dateOf(b).slice(5)}) `}${hhmm(b)}`).join(', ');
  return `${s.label} ${times}`;
}

/** Derive the expected administration lines of one encounter. */
export function deriveAdminCodes(admins: readonly AdminInput[], o: DeriveOptions): Derivation {
  const { timing: t, hierarchy: h } = o;
  const lines: DerivedLine[] = [];
  const notCoded: NotCoded[] = [];
  const problems: AdminProblem[] = [];
  let complete = true;
  const office = o.setting === 'office';

  const push = (line: Omit<DerivedLine, 'modifiers' | 'reason'> & { reason: () => string }) => {
    if (office && h.facilityOnly.includes(line.code)) {
      notCoded.push({ refs: line.refs, reason: `${line.reason().replace(/: [^:]*$/, '')}: ${line.code} is reported by hospitals only (setting: office)` });
      return;
    }
    lines.push(new Line(line.code, line.units, [], line.serviceDate, line.role, line.refs, line.reason));
  };

  const flushes: { a: AdminInput; date: string }[] = [];
  const services: Service[] = [];
  const hydrationByDate = new Map<string, Service>();
  const infusionByKey = new Map<string, Service>();
  const bagCounts = new Map<string, number>();
  for (const a of admins) if (a.bagId) bagCounts.set(a.bagId, (bagCounts.get(a.bagId) ?? 0) + 1);

  for (const a of admins) {
    if (a.start === undefined) {
      problems.push({ kind: 'no-start', ref: a.ref, message: `${a.label}: no readable start time, so the administration supports no code` });
      complete = false;
      continue;
    }
    if (a.route === 'unknown') {
      problems.push({ kind: 'unknown-route', ref: a.ref, message: `${a.label}: the route is not one the administration rules know` });
      complete = false;
      continue;
    }
    const start = toMinutes(a.start);
    const date = dateOf(start);
    const atText = () => `${a.label} ${hhmm(start)}`;
    if (a.route === 'other') {
      notCoded.push({ refs: [a.ref], reason: `${atText()}: route not coded by this engine (not IV, SC or IM)` });
      continue;
    }
    if (a.fluidRole === 'kvo' || a.fluidRole === 'carrier') {
      notCoded.push({ refs: [a.ref], reason: `${atText()}: ${a.fluidRole === 'kvo' ? 'keep-vein-open fluid' : 'carrier fluid'} is not hydration` });
      continue;
    }
    if (a.fluidRole === 'flush') {
      flushes.push({ a, date });
      continue;
    }
    let category = a.category;
    if (category === undefined) {
      problems.push({ kind: 'unknown-class', ref: a.ref, message: `${a.label}: drug class unknown (chemo, therapeutic or hydration), assumed therapeutic` });
      complete = false;
      category = 'therapeutic';
    }

    if (a.route === 'sc' || a.route === 'im') {
      if (category === 'hydration') {
        notCoded.push({ refs: [a.ref], reason: `${atText()}: subcutaneous or intramuscular fluid is not an IV hydration service` });
        continue;
      }
      const code = category === 'chemo' ? (a.hormonal ? h.injections.chemoHormonal : h.injections.chemo) : h.injections.therapeutic;
      push({ code, units: 1, serviceDate: date, role: 'injection', refs: [a.ref], reason: () => `${atText()} ${a.route.toUpperCase()}: ${code}` });
      continue;
    }

    // IV: timed or not
    let minutes: number | undefined;
    if (a.stop !== undefined) {
      const m = toMinutes(a.stop) - start;
      if (m < 0) {
        problems.push({ kind: 'reversed', ref: a.ref, message: `${a.label}: stop ${a.stop.replace('T', ' ').slice(0, 16)} is before start ${a.start.replace('T', ' ').slice(0, 16)}` });
      } else minutes = Math.max(0, m - (a.holdMinutes ?? 0));
    } else if (a.route === 'iv') {
      problems.push(
        a.stopUnreadable
          ? { kind: 'stop-unreadable', ref: a.ref, message: `${a.label}: the stop time does not parse, so the infusion supports no time-based units` }
          : { kind: 'no-stop', ref: a.ref, message: `${a.label}: no stop time, so the infusion supports no time-based units (at most a push)` },
      );
    }
    const charted = a.stop !== undefined && minutes !== undefined ? toMinutes(a.stop) - start : 0;
    const isPump = category !== 'hydration' && ((a.pump === true && (minutes === undefined || minutes > t.pumpMinMinutes)) || (category === 'chemo' && minutes !== undefined && minutes > t.pumpMinMinutes));
    if (isPump) {
      const code = category === 'chemo' ? h.pumps.chemo : h.pumps.other;
      const long = minutes === undefined ? 'pump' : `${minutes} min with a pump`;
      push({ code, units: 1, serviceDate: date, role: 'pump', refs: [a.ref], reason: () => `${atText()}, ${long}: ${code} (start of a prolonged infusion)` });
      continue;
    }
    // hydration is never a push: every timed piece counts toward the hydration time
    const method = category === 'hydration' ? 'infusion' : a.route === 'ivPush' || minutes === undefined ? 'push' : ivMethod(minutes, t);
    if (category === 'hydration' && minutes === undefined) {
      notCoded.push({ refs: [a.ref], reason: `${atText()}: hydration without a usable stop time supports no units` });
      continue;
    }
    const iv: Interval = [start, start + Math.max(charted, method === 'push' ? 1 : 0)];
    const hold = a.holdMinutes ?? 0;

    if (method === 'infusion') {
      // one service per drug and date (bags added), all hydration of a date together (default), one bag with several drugs once
      const key =
        a.bagId && (bagCounts.get(a.bagId) ?? 0) > 1
          ? `bag|${a.bagId}`
          : category === 'hydration'
            ? o.hydrationPieces === 'add' ? `hyd|${date}` : `hyd|${a.ref}`
            : `${date}|${category}|${a.drugKey}`;
      const prev = infusionByKey.get(key) ?? (category === 'hydration' && o.hydrationPieces === 'add' ? hydrationByDate.get(date) : undefined);
      if (prev) {
        prev.refs.push(a.ref);
        prev.intervals = union([...prev.intervals, iv]);
        prev.parts.push({ site: a.site, iv });
        prev.start = Math.min(prev.start, iv[0]);
        prev.end = Math.max(prev.end, iv[1]);
        prev.hold += hold;
        prev.minutes = length(prev.intervals) - prev.hold;
        if (rank(category, 'infusion', h) < rank(prev.category, 'infusion', h)) prev.category = category;
        if (!prev.label.split(' + ').includes(a.label)) prev.label = key.startsWith('bag|') ? `${prev.label} + ${a.label}` : prev.label;
        continue;
      }
      const s: Service = { refs: [a.ref], drugKey: a.drugKey, label: category === 'hydration' ? `hydration (${a.label})` : a.label, category, method, site: a.site, date, start: iv[0], end: iv[1], intervals: [iv], parts: [{ site: a.site, iv }], hold, minutes: minutes ?? 0, own: [], concurrentWith: undefined, notes: [] };
      infusionByKey.set(key, s);
      if (category === 'hydration') hydrationByDate.set(date, s);
      services.push(s);
      continue;
    }
    services.push({ refs: [a.ref], drugKey: a.drugKey, label: a.label, category, method, site: a.site, date, start: iv[0], end: iv[1], intervals: [iv], parts: [{ site: a.site, iv }], hold, minutes: minutes ?? 0, own: [iv], concurrentWith: undefined, notes: [] });
  }

  // Order of rank: category then method, the longer infusion first among equals, then the earlier start.
  const order = (x: Service, y: Service) =>
    rank(x.category, x.method, h) - rank(y.category, y.method, h) ||
    (x.method === 'infusion' ? y.minutes - x.minutes : 0) ||
    x.start - y.start ||
    x.drugKey.localeCompare(y.drugKey) ||
    x.end - y.end ||
    x.site.localeCompare(y.site);
  const ranked = sortSmall([...services], order);

  // One initial per access site that overlaps another site in time (a documented separate site); sites
  // used one after another (or an uncharted site) join the first site's hierarchy.
  const groups = splitBySite(ranked);

  let concurrentDates = new Set<string>();
  groups.forEach((group, gi) => {
    concurrentDates = codeGroup(group, gi === 0 ? [] : [o.separateSiteModifier], concurrentDates);
  });

  function codeGroup(group: Service[], initialModifiers: string[], concurrentSeen: Set<string>): Set<string> {
    // Overlaps between infusions: concurrent (more than half the combined span) or sequential (the overlap counts once, to the higher-ranked).
    sortSmall(group, order);
    const infusions = group.filter((s) => s.method === 'infusion');
    const kept: Service[] = [];
    for (const x of infusions) {
      x.own = x.intervals;
      for (const y of kept) {
        const overlap = intersection(x.intervals, y.intervals);
        if (overlap <= 0) continue;
        const span = Math.max(x.end, y.end) - Math.min(x.start, y.start);
        if (overlap > t.concurrentOverlapFraction * span) {
          x.concurrentWith = y;
          break;
        }
        x.own = subtract(x.own, y.intervals);
        x.notes.push(`${overlap} min overlapping ${y.label} counted to ${y.label}`);
      }
      if (!x.concurrentWith) kept.push(x);
    }
    // Push minutes charted inside a hydration run are deducted from the hydration.
    for (const hyd of kept.filter((s) => s.category === 'hydration')) {
      for (const p of group.filter((s) => s.method === 'push')) {
        const overlap = intersection(hyd.own, p.intervals);
        if (overlap > 0 && p.end - p.start > 1) {
          hyd.own = subtract(hyd.own, p.intervals);
          hyd.notes.push(`${overlap} min of ${p.label} push deducted`);
        }
      }
    }
    const ownMinutes = (s: Service) => Math.max(0, length(s.own) - s.hold);

    const coded: Service[] = [];
    for (const s of group) {
      if (s.concurrentWith) {
        const c = codesFor(s.category, 'infusion', h)?.concurrent;
        const partner = s.concurrentWith;
        const why = `${describeSpan(s)} runs concurrently with ${partner.label}`;
        if (s.category === 'hydration') notCoded.push({ refs: s.refs, reason: `${why}: concurrent hydration is not reported` });
        else if (!c) notCoded.push({ refs: s.refs, reason: `${why}: no concurrent code for this service type` });
        else if (concurrentSeen.has(s.date)) notCoded.push({ refs: s.refs, reason: `${why}: ${c} already reported once for ${s.date}` });
        else {
          concurrentSeen.add(s.date);
          push({ code: c, units: 1, serviceDate: s.date, role: 'concurrent', refs: s.refs, reason: () => `${why}: ${c} (once per date)` });
        }
        continue;
      }
      if (s.category === 'hydration') {
        const m = ownMinutes(s);
        if (!hydrationReportable(m, t)) {
          const extra = s.notes.length ? ` (${s.notes.join('; ')})` : '';
          notCoded.push({ refs: s.refs, reason: `${describeSpan(s)}, ${m} min${extra}: hydration under ${t.hydrationMinMinutes} minutes is not reported` });
          continue;
        }
      }
      coded.push(s);
    }
    if (coded.length === 0) return concurrentSeen;
    const initial = minBy(coded, order) as Service;

    // Walk the services in clock order for the same-drug rules.
    const lastPush = new Map<string, number>();
    const lastInfusionEnd = new Map<string, number>();
    const chemoPushed = new Set<string>();
    for (const s of sortSmall([...coded], (x, y) => x.start - y.start || order(x, y))) {
      const spec = codesFor(s.category, s.method, h);
      const codes: string[] = [];
      const add = (code: string | undefined, units: number, role: LineRole, modifiers: string[] = []) => {
        if (!code || units <= 0) return;
        codes.push(`${code}${modifiers.length ? '-' + modifiers.join('-') : ''}${units === 1 ? '' : ` x${units}`}`);
        lines.push(new Line(code, units, modifiers, s.date, role, s.refs, reason));
      };
      const before = lines.length;
      const m = ownMinutes(s);
      let extra = '';
      const headText = () => `${describeSpan(s)}${s.method === 'infusion' ? `, ${m} min` : ''}${s.notes.length ? ` (${s.notes.join('; ')})` : ''}${extra}`;
      const reason = () => `${headText()}: ${codes.join(' + ')}`;

      if (!spec) {
        notCoded.push({ refs: s.refs, reason: `${headText()}: no code for this service type` });
        continue;
      }
      if (s === initial) {
        add(spec.initial, 1, 'initial', initialModifiers);
        if (s.method === 'infusion') add(spec.addOnHour, addOnHours(m, t), 'add-on hour');
      } else if (s.method === 'infusion') {
        if (s.category === 'hydration') add(spec.addOnHour, secondaryHydrationUnits(m, t), 'sequential');
        else {
          add(spec.sequential, 1, 'sequential');
          add(spec.addOnHour, addOnHours(m, t), 'add-on hour');
        }
      } else {
        // a push after the initial service
        const prevPush = lastPush.get(s.drugKey);
        const prevEnd = lastInfusionEnd.get(s.drugKey);
        if (s.category === 'chemo') {
          if (chemoPushed.has(s.drugKey)) notCodedReason(s, `${headText()}: a repeat push of the same chemotherapy drug has no code of its own`);
          else add(spec.sequential, 1, 'sequential');
        } else if (prevPush !== undefined || prevEnd !== undefined) {
          const since = Math.max(prevPush ?? -Infinity, prevEnd ?? -Infinity);
          const elapsed = s.start - since;
          const what = prevPush !== undefined && (prevEnd === undefined || prevPush >= prevEnd) ? 'the previous push of it started' : 'its infusion ended';
          if (spec.repeatSameDrug && repeatPushAllowed(elapsed, t)) {
            if (office && h.facilityOnly.includes(spec.repeatSameDrug)) notCodedReason(s, `${headText()}: ${elapsed} min after ${what}; ${spec.repeatSameDrug} is reported by hospitals only (setting: office)`);
            else {
              add(spec.repeatSameDrug, 1, 'repeat push');
              extra = ` (${elapsed} min after ${what})`;
            }
          } else notCodedReason(s, `${headText()}: same drug ${elapsed} min after ${what}, not more than ${t.repeatPushMinMinutes}: not reported again`);
        } else add(spec.sequential, 1, 'sequential');
      }
      // 96376 counts from the previous reported push of the drug (Time rules)
      if (s.method === 'push') {
        if (lines.length > before) lastPush.set(s.drugKey, s.start);
        if (s.category === 'chemo') chemoPushed.add(s.drugKey);
      } else lastInfusionEnd.set(s.drugKey, s.end);
    }
    return concurrentSeen;
  }

  function notCodedReason(s: Service, reason: string) {
    notCoded.push({ refs: s.refs, reason });
  }

  // A port flush is reported only when it is the only service of its date.
  const flushDates = new Map<string, AdminInput[]>();
  for (const f of flushes) flushDates.set(f.date, [...(flushDates.get(f.date) ?? []), f.a]);
  for (const [date, fs] of flushDates) {
    const port = fs.filter((f) => f.port);
    const others = lines.some((l) => l.serviceDate === date);
    const refs = fs.map((f) => f.ref);
    if (others) notCoded.push({ refs, reason: `${fs[0]?.label ?? 'flush'} on ${date}: a flush is part of the other services of the day` });
    else if (port.length === 0) notCoded.push({ refs, reason: `${fs[0]?.label ?? 'flush'} on ${date}: a flush of a peripheral line is not reported (${h.portFlush} is for an implanted port)` });
    else push({ code: h.portFlush, units: 1, serviceDate: date, role: 'flush', refs, reason: () => `${port[0]?.label ?? 'flush'} on ${date}, port flush as the only service: ${h.portFlush}` });
  }

  // An add-on needs one of its primaries in the encounter (e.g. 96368 beside a chemo push initial and a
  // sequential 96367 has none): it is not reported, and the reason says so.
  if (o.addOnPrimaries) {
    const present = new Set(lines.map((l) => l.code));
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = lines[i] as DerivedLine;
      const primaries = o.addOnPrimaries.get(l.code);
      if (!primaries || primaries.some((p) => present.has(p))) continue;
      lines.splice(i, 1);
      notCoded.push({ refs: l.refs, reason: `${l.reason.replace(/: [^:]*$/, '')}: ${l.code} needs one of ${primaries.join(', ')} in the encounter, and none is reported` });
    }
  }
  sortSmall(lines, (x, y) => x.serviceDate.localeCompare(y.serviceDate) || x.code.localeCompare(y.code));
  return { lines, notCoded, problems, complete };
}

/**
 * Split ranked services into hierarchies: the first charted site's, then one per further charted
 * access site with an administration that overlaps in time an administration on another charted site
 * already placed (two distinct sites in use at once justify a second initial). Sites used one after
 * another, and rows with no charted site, never make a second initial: they join the first hierarchy.
 * A service of several rows (bags of one drug) belongs to the site of its first row.
 */
function splitBySite(ranked: Service[]): Service[][] {
  if (ranked.length === 0) return [];
  // fast path: fewer than two distinct charted sites (most encounters)
  let one = '';
  let several = false;
  for (const s of ranked) {
    for (const p of s.parts) {
      if (p.site === '' || p.site === one) continue;
      if (one === '') one = p.site;
      else several = true;
    }
  }
  if (!several) return [ranked];
  // parts in clock order, ties by site name: the result must not depend on the order of the MAR rows
  const sorted = (s: Service) => sortSmall([...s.parts], (x, y) => x.iv[0] - y.iv[0] || x.site.localeCompare(y.site));
  const siteOf = (s: Service) => sorted(s)[0]?.site ?? '';
  const charted = ranked.flatMap((s) => s.parts.filter((p) => p.site !== ''));
  const firstCharted = ranked.find((s) => s.parts.some((p) => p.site !== ''));
  const first = firstCharted ? (sorted(firstCharted).find((p) => p.site !== '')?.site ?? '') : '';
  if (new Set(charted.map((p) => p.site)).size < 2) return [ranked];
  const placed = new Set<string>([first]);
  const separate: string[] = [];
  // sites in the order of their best-ranked service
  const order: string[] = [];
  for (const s of ranked) for (const p of sorted(s)) if (p.site !== '' && !order.includes(p.site)) order.push(p.site);
  for (const site of order) {
    if (site === first) continue;
    const mine = charted.filter((p) => p.site === site);
    const overlaps = mine.some((p) => charted.some((q) => q.site !== site && placed.has(q.site) && Math.min(p.iv[1], q.iv[1]) - Math.max(p.iv[0], q.iv[0]) > 0));
    if (overlaps) separate.push(site);
    placed.add(site);
  }
  const groups: Service[][] = [[], ...separate.map(() => [] as Service[])];
  for (const s of ranked) {
    const i = separate.indexOf(siteOf(s));
    (groups[i + 1] as Service[]).push(s);
  }
  return groups.filter((g) => g.length > 0);
}

/** Aggregate derived lines into the encounter's code set: one entry per code and modifiers, units added. */
export function summariseLines(lines: readonly DerivedLine[]): { code: string; units: number; modifiers: string[] }[] {
  const m = new Map<string, { code: string; units: number; modifiers: string[] }>();
  for (const l of lines) {
    const key = `${l.code}|${l.modifiers.join(',')}`;
    const e = m.get(key);
    if (e) e.units += l.units;
    else m.set(key, { code: l.code, units: l.units, modifiers: [...l.modifiers] });
  }
  return sortSmall([...m.values()], (a, b) => a.code.localeCompare(b.code) || a.modifiers.join().localeCompare(b.modifiers.join()));
}

