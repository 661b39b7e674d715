import type { AuthRow, ClaimLine, DispenseRow, MarRow } from '../model.js';
import type { Encounter } from '../checks/types.js';

/**
 * Groups claim lines, MAR rows and dispense records into encounters.
 *
 * Linking (SPEC "Inputs"): by `encounter_id` when both sides carry it, else by patient + date.
 * Claim lines define encounters (by encounter_id, else patient|service_date). A MAR or dispense
 * row joins the claim group with its encounter_id; failing that, the single claim group of the
 * same patient on its date whose encounter_id does not contradict the row's; failing that, a
 * dispense row takes the single such claim group of the next day (340b-and-billing-model.md
 * section 4: a dispense links to a drug line of DOS in [dispense_date, dispense_date + 1], i.e.
 * dispense_date in [DOS - 1 day, DOS]; the encounter keeps its claims' date); failing that, the
 * row forms an encounter of its own (administered or dispensed with nothing billed: charge
 * capture judges those).
 *
 * Streaming: rows are added in date order (the pipeline merges the inputs by date). MAR and
 * dispense rows wait in `pending` until every claim line of their date has been read, then link;
 * a dispense row with no claim group on its date waits in `nextDay` until the claim lines of the
 * next day are in too.
 * `closeBefore(date)` hands back every encounter whose last date is before `date` minus the
 * window (multi-day visits), so memory holds only the open window.
 */
export class Linker {
  private groups = new Map<string, Group>();
  private byPatientDate = new Map<string, Group[]>();
  private pending = new Map<string, (MarRow | DispenseRow)[]>();
  /** dispense rows of a date with no claim group on that date: they may link to the next day's */
  private nextDay = new Map<string, DispenseRow[]>();
  /** rows with no date at all but an encounter id (a MAR row whose start is unreadable) */
  private undated: (MarRow | DispenseRow)[] = [];
  private authsByPatient = new Map<string, AuthRow[]>();
  /** claim, MAR and dispense rows added and not yet handed back in an encounter */
  heldRows = 0;

  constructor(
    auths: readonly AuthRow[],
    /** days a multi-day encounter may span and still be one group */
    private readonly windowDays = 3,
  ) {
    for (const a of auths) {
      const list = this.authsByPatient.get(a.patientId);
      if (list) list.push(a);
      else this.authsByPatient.set(a.patientId, [a]);
    }
  }

  addClaim(c: ClaimLine): void {
    const key = c.encounterId ?? `${c.patientId}|${c.serviceDate}`;
    let g = this.groups.get(key);
    if (!g) {
      g = newGroup(key, c.encounterId, c.patientId, c.serviceDate);
      this.groups.set(key, g);
    }
    g.claims.push(c);
    this.heldRows++;
    this.touch(g, c.serviceDate);
  }

  addOther(r: MarRow | DispenseRow, date: string | undefined): void {
    this.heldRows++;
    if (date === undefined) {
      this.undated.push(r);
      return;
    }
    const list = this.pending.get(date);
    if (list) list.push(r);
    else this.pending.set(date, [r]);
  }

  /** Link every pending row dated before `date` (all claim lines up to then have been read). */
  resolveBefore(date: string): void {
    for (const [d, rows] of this.pending) {
      if (d >= date) continue;
      for (const r of rows) {
        const g = this.linkedGroup(r, d);
        if (g) this.join(g, r, d);
        else if ('dispenseId' in r) {
          const list = this.nextDay.get(d);
          if (list) list.push(r);
          else this.nextDay.set(d, [r]);
        } else this.join(this.ownGroup(r, d), r, d);
      }
      this.pending.delete(d);
    }
    for (const [d, rows] of this.nextDay) {
      const next = addDays(d, 1);
      // every claim line of the next day must be in (it precedes `date`)
      if (next >= date) continue;
      for (const r of rows) {
        const g = this.claimGroupOn(r, next);
        // joins without touching the group's dates: the encounter keeps its claims' date
        if (g) pushOther(g, r);
        else this.join(this.ownGroup(r, d), r, d);
      }
      this.nextDay.delete(d);
    }
  }

  /** Encounters complete before `date`: their last date is more than the window before it. */
  closeBefore(date: string): Encounter[] {
    this.resolveBefore(date);
    const cutoff = addDays(date, -this.windowDays);
    const out: Encounter[] = [];
    for (const g of this.groups.values()) {
      if (g.maxDate < cutoff) out.push(this.close(g));
    }
    return out;
  }

  /** Everything left, at the end of the inputs. */
  closeAll(): Encounter[] {
    this.resolveBefore('9999-12-31');
    for (const r of this.undated) {
      const g = r.encounterId !== undefined ? this.groups.get(r.encounterId) : undefined;
      if (g) pushOther(g, r);
      else {
        // no date and no claim group to join: an encounter of its own keyed by its id
        const key = r.encounterId ?? `${r.patientId}|`;
        let own = this.groups.get(key);
        if (!own) {
          own = newGroup(key, r.encounterId, r.patientId, '');
          this.groups.set(key, own);
        }
        pushOther(own, r);
      }
    }
    this.undated = [];
    const out = [...this.groups.values()].map((g) => this.close(g));
    return out;
  }

  get openEncounters(): number {
    return this.groups.size;
  }

  /** The group the row joins by its encounter_id, else the single claim group of its patient on its date. */
  private linkedGroup(r: MarRow | DispenseRow, date: string): Group | undefined {
    const g = r.encounterId !== undefined ? this.groups.get(r.encounterId) : undefined;
    return g ?? this.claimGroupOn(r, date);
  }

  /** The single claim group of the row's patient on `date` whose encounter_id does not contradict the row's. */
  private claimGroupOn(r: MarRow | DispenseRow, date: string): Group | undefined {
    const candidates = (this.byPatientDate.get(`${r.patientId}|${date}`) ?? []).filter(
      (c) => c.claims.length > 0 && (r.encounterId === undefined || c.encounterId === undefined),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** The row's own encounter (nothing billed to join): keyed by its encounter_id, else patient|date. */
  private ownGroup(r: MarRow | DispenseRow, date: string): Group {
    const key = r.encounterId ?? `${r.patientId}|${date}`;
    let g = this.groups.get(key);
    if (!g) {
      g = newGroup(key, r.encounterId, r.patientId, date);
      this.groups.set(key, g);
    }
    return g;
  }

  private join(g: Group, r: MarRow | DispenseRow, date: string): void {
    pushOther(g, r);
    this.touch(g, date);
  }

  private touch(g: Group, date: string): void {
    if (date === '') return;
    if (g.minDate === '' || date < g.minDate) g.minDate = date;
    if (date > g.maxDate) g.maxDate = date;
    if (!g.dates.has(date)) {
      g.dates.add(date);
      const k = `${g.patientId}|${date}`;
      g.keys.push(k);
      const list = this.byPatientDate.get(k);
      if (list) list.push(g);
      else this.byPatientDate.set(k, [g]);
    }
  }

  private close(g: Group): Encounter {
    this.groups.delete(g.key);
    this.heldRows -= g.claims.length + g.mar.length + g.dispense.length;
    for (const k of g.keys) {
      const list = this.byPatientDate.get(k);
      if (!list) continue;
      const rest = list.filter((x) => x !== g);
      if (rest.length === 0) this.byPatientDate.delete(k);
      else this.byPatientDate.set(k, rest);
    }
    const date = g.minDate;
    const auths = date === '' ? [] : (this.authsByPatient.get(g.patientId) ?? []).filter(
      (a) => a.startDate <= date && date <= a.endDate,
    );
    const enc: Encounter = {
      key: g.key,
      patientId: g.patientId,
      serviceDate: date,
      claims: g.claims,
      mar: g.mar,
      dispense: g.dispense,
      auths,
    };
    if (g.encounterId !== undefined) enc.encounterId = g.encounterId;
    return enc;
  }
}

interface Group {
  key: string;
  encounterId?: string;
  patientId: string;
  minDate: string;
  maxDate: string;
  dates: Set<string>;
  /** its patient|date keys in byPatientDate */
  keys: string[];
  claims: ClaimLine[];
  mar: MarRow[];
  dispense: DispenseRow[];
}

function newGroup(key: string, encounterId: string | undefined, patientId: string, date: string): Group {
  const g: Group = { key, patientId, minDate: date, maxDate: date, dates: new Set(), keys: [], claims: [], mar: [], dispense: [] };
  if (encounterId !== undefined) g.encounterId = encounterId;
  return g;
}

function pushOther(g: Group, r: MarRow | DispenseRow): void {
  if ('dispenseId' in r) g.dispense.push(r);
  else g.mar.push(r);
}

/** `YYYY-MM-DD` plus n days (n may be negative). */
export function addDays(date: string, n: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
