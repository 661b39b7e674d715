/** Calendar dates as `YYYY-MM-DD` strings (compare as strings; they sort chronologically). */
import { z } from 'zod';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (dim[mo - 1] ?? 0);
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(s: string): number {
  return Math.round(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000);
}

/** zod schema of a `YYYY-MM-DD` date; YAML numbers or other strings are rejected with a clear message. */
export const isoDate = z
  .string({
    error: (iss) => (iss.input === undefined ? 'required (a date YYYY-MM-DD)' : 'expected a date YYYY-MM-DD (as text)'),
  })
  .refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** True when `date` lies in [from, to] (to null = open). */
export function inRange(date: string, from: string, to: string | null): boolean {
  return date >= from && (to === null || date <= to);
}
