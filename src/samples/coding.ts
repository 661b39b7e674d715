/**
 * Facility administration codes (CPT 96360-96549) for the generator's own encounters, built the way
 * the domain note administration-coding.md describes the normal case:
 * - a push is an IV push or any IV infusion of 15 minutes or less; 16+ is an infusion;
 * - hydration needs 31+ minutes;
 * - add-on hours: max(0, floor((T - 31) / 60)); secondary hydration 96361: 1 + floor((T - 31) / 60);
 * - one initial service chosen by hierarchy (chemo > therapeutic > hydration; infusion > push),
 *   ties to the longer infusion, then the earlier start;
 * - two infusions overlapping for more than half of their combined span are concurrent: the lower
 *   ranked one is 96368 (once per encounter), or dropped when it is hydration;
 * - a chemo IV infusion longer than 8 hours (an ambulatory pump) is 96416;
 * - SC/IM injections: 96372 (therapeutic), 96401 (chemo), 96402 (hormonal chemo), one per administration.
 *
 * The generator only builds encounters without partial overlaps, so the overlap-splitting rules of
 * the domain note are not needed here. This is a generator helper, not the auditor's coder.
 */

import type { DrugClass } from './catalog.js';

export type SampleRoute = 'IV' | 'IV push' | 'SC' | 'IM';

export interface CodingAdmin {
  drug: string;
  cls: DrugClass;
  route: SampleRoute;
  /** minutes from midnight of the date of service */
  start: number;
  stop: number | null;
  hormonal?: boolean;
}

export interface CodeUnits {
  code: string;
  units: number;
}

export interface Assignment extends CodeUnits {
  /** index into the admins passed in */
  admin: number;
  role: 'initial' | 'addon' | 'subsequent' | 'concurrent' | 'injection' | 'pump';
}

export const INITIAL_CODES: ReadonlySet<string> = new Set(['96360', '96365', '96374', '96409', '96413']);

/** subsequent/sequential code -> the initial code of the same service */
export const SUBSEQUENT_TO_INITIAL: Readonly<Record<string, string>> = {
  '96417': '96413',
  '96411': '96409',
  '96367': '96365',
  '96375': '96374',
  '96361': '96360',
};

/** add-on code -> allowed primaries (the CMS add-on code file, 2026 Q2) */
export const ADDON_PRIMARIES: Readonly<Record<string, readonly string[]>> = {
  '96361': ['96360', '96365', '96374', '96409', '96413'],
  '96366': ['96360', '96365', '96367', '96413'],
  '96367': ['96360', '96365', '96374', '96409', '96413'],
  '96368': ['96360', '96365', '96366', '96413', '96415', '96416'],
  '96375': ['96360', '96365', '96374', '96409', '96413'],
  '96376': ['96360', '96365', '96374', '96409', '96413'],
  '96411': ['96409', '96413'],
  '96415': ['96413'],
  '96417': ['96413'],
};

export function addonHours(minutes: number): number {
  return Math.max(0, Math.floor((minutes - 31) / 60));
}

export function secondaryHydrationUnits(minutes: number): number {
  return minutes < 31 ? 0 : 1 + Math.floor((minutes - 31) / 60);
}

type Method = 'infusion' | 'push' | 'pump';

interface Service {
  i: number;
  a: CodingAdmin;
  minutes: number;
  method: Method;
  rank: number;
}

function rankOf(cls: DrugClass, method: Method): number {
  if (cls === 'chemo') return method === 'infusion' ? 0 : 1;
  if (cls === 'therapeutic') return method === 'infusion' ? 2 : 3;
  return 4;
}

/** per-administration code assignments, in administration order */
export function assignAdministrationCodes(admins: readonly CodingAdmin[]): Assignment[] {
  const out: Assignment[] = [];
  const iv: Service[] = [];
  admins.forEach((a, i) => {
    if (a.route === 'SC' || a.route === 'IM') {
      const code = a.cls === 'chemo' ? (a.hormonal ? '96402' : '96401') : '96372';
      out.push({ admin: i, code, units: 1, role: 'injection' });
      return;
    }
    const minutes = a.stop === null ? 0 : a.stop - a.start;
    let method: Method;
    if (a.route === 'IV push' || minutes <= 15) method = 'push';
    else if (a.cls === 'chemo' && minutes > 480) method = 'pump';
    else method = 'infusion';
    if (a.cls === 'hydration' && (method !== 'infusion' || minutes < 31)) return; // not reportable
    iv.push({ i, a, minutes, method, rank: rankOf(a.cls, method) });
  });

  for (const s of iv) if (s.method === 'pump') out.push({ admin: s.i, code: '96416', units: 1, role: 'pump' });
  let services = iv.filter((s) => s.method !== 'pump');

  // concurrency: more than half of the combined span overlapping
  const concurrent = new Set<Service>();
  const infusions = services.filter((s) => s.method === 'infusion');
  for (let x = 0; x < infusions.length; x++) {
    for (let y = x + 1; y < infusions.length; y++) {
      const p = infusions[x] as Service;
      const q = infusions[y] as Service;
      const pStop = p.a.start + p.minutes;
      const qStop = q.a.start + q.minutes;
      const overlap = Math.min(pStop, qStop) - Math.max(p.a.start, q.a.start);
      const span = Math.max(pStop, qStop) - Math.min(p.a.start, q.a.start);
      if (overlap * 2 > span) {
        const lower = p.rank > q.rank || (p.rank === q.rank && p.minutes < q.minutes) ? p : q;
        concurrent.add(lower);
      }
    }
  }
  let concurrentCoded = false;
  for (const s of concurrent) {
    if (s.a.cls === 'hydration') continue;
    if (!concurrentCoded) out.push({ admin: s.i, code: '96368', units: 1, role: 'concurrent' });
    concurrentCoded = true;
  }
  services = services.filter((s) => !concurrent.has(s));
  if (services.length === 0) return sortAssignments(out);

  let initial = services[0] as Service;
  for (const s of services) {
    if (
      s.rank < initial.rank ||
      (s.rank === initial.rank && s.minutes > initial.minutes) ||
      (s.rank === initial.rank && s.minutes === initial.minutes && s.a.start < initial.a.start)
    ) {
      initial = s;
    }
  }

  const ordered = [...services].sort((p, q) => p.a.start - q.a.start || p.i - q.i);
  // per drug: end of its last infusion or start of its last push (for 96376)
  const lastPushOrInfusion = new Map<string, number>();
  for (const s of ordered) {
    const a = s.a;
    const isInitial = s === initial;
    if (a.cls === 'hydration') {
      if (isInitial) {
        out.push({ admin: s.i, code: '96360', units: 1, role: 'initial' });
        const h = addonHours(s.minutes);
        if (h > 0) out.push({ admin: s.i, code: '96361', units: h, role: 'addon' });
      } else {
        const u = secondaryHydrationUnits(s.minutes);
        if (u > 0) out.push({ admin: s.i, code: '96361', units: u, role: 'subsequent' });
      }
      continue;
    }
    const chemo = a.cls === 'chemo';
    if (s.method === 'infusion') {
      const h = addonHours(s.minutes);
      if (isInitial) out.push({ admin: s.i, code: chemo ? '96413' : '96365', units: 1, role: 'initial' });
      else out.push({ admin: s.i, code: chemo ? '96417' : '96367', units: 1, role: 'subsequent' });
      if (h > 0) out.push({ admin: s.i, code: chemo ? '96415' : '96366', units: h, role: 'addon' });
      lastPushOrInfusion.set(a.drug, a.start + s.minutes);
      continue;
    }
    // push
    if (isInitial) {
      out.push({ admin: s.i, code: chemo ? '96409' : '96374', units: 1, role: 'initial' });
    } else {
      const prev = lastPushOrInfusion.get(a.drug);
      if (!chemo && prev !== undefined && a.start - prev > 30) {
        out.push({ admin: s.i, code: '96376', units: 1, role: 'subsequent' });
      } else {
        out.push({ admin: s.i, code: chemo ? '96411' : '96375', units: 1, role: 'subsequent' });
      }
    }
    lastPushOrInfusion.set(a.drug, a.start);
  }
  return sortAssignments(out);
}

function sortAssignments(out: Assignment[]): Assignment[] {
  return out.sort((p, q) => p.admin - q.admin);
}

/** aggregate assignments into claim codes: initial first, then by code */
export function aggregateCodes(assignments: readonly Assignment[]): CodeUnits[] {
  const m = new Map<string, number>();
  for (const a of assignments) m.set(a.code, (m.get(a.code) ?? 0) + a.units);
  return [...m.entries()]
    .map(([code, units]) => ({ code, units }))
    .sort((p, q) => Number(INITIAL_CODES.has(q.code)) - Number(INITIAL_CODES.has(p.code)) || p.code.localeCompare(q.code));
}

export function codeAdministrations(admins: readonly CodingAdmin[]): CodeUnits[] {
  return aggregateCodes(assignAdministrationCodes(admins));
}
