/**
 * Time arithmetic of facility drug administration coding (shared/domain/administration-coding.md,
 * "Time rules"), with every threshold taken from the `admin-timing` rule table. Pure functions:
 * the administration coding engine builds on them. Minutes are whole minutes between start and
 * stop (holds already subtracted by the caller).
 */
import type { AdminTimingData } from '../../rules/schemas.js';

/** An IV administration of this length: a push or an infusion. */
export function ivMethod(minutes: number, t: AdminTimingData): 'push' | 'infusion' {
  return minutes <= t.pushMaxMinutes ? 'push' : 'infusion';
}

/**
 * Add-on hours an infusion of `minutes` supports after its initial (or sequential) first hour:
 * one per started hour past the first, each needing more than `addOnPastHourMinutes` past the
 * last full hour (90 min = 0, 91 = 1, 150 = 1, 151 = 2).
 */
export function addOnHours(minutes: number, t: AdminTimingData): number {
  const firstHourEnd = 60 + t.addOnPastHourMinutes; // 90
  if (minutes <= firstHourEnd) return 0;
  return Math.floor((minutes - firstHourEnd - 1) / 60) + 1;
}

/** Is this hydration long enough to report at all (31 minutes or more)? */
export function hydrationReportable(minutes: number, t: AdminTimingData): boolean {
  return minutes >= t.hydrationMinMinutes;
}

/**
 * Units of hydration reported as a secondary service (96361 with no 96360): one from 31 minutes,
 * a second past 90, a third past 150, and so on.
 */
export function secondaryHydrationUnits(minutes: number, t: AdminTimingData): number {
  if (!hydrationReportable(minutes, t)) return 0;
  return 1 + addOnHours(minutes, t);
}

/** May a push of the same drug `minutesSincePreviousStart` after the previous one be a 96376? */
export function repeatPushAllowed(minutesSincePreviousStart: number, t: AdminTimingData): boolean {
  return minutesSincePreviousStart > t.repeatPushMinMinutes;
}

/** Whole minutes from a start to a stop (local `YYYY-MM-DDTHH:MM:SS`); negative when reversed. */
export function minutesBetween(start: string, stop: string): number {
  const ms = Date.parse(stop + 'Z') - Date.parse(start + 'Z');
  return Math.floor(ms / 60_000);
}
