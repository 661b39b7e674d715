/**
 * Hand-written value parsers (cheap enough to run on every cell; zod is for config files).
 *
 * Dates come out as `YYYY-MM-DD`, date-times as local wall-clock `YYYY-MM-DDTHH:MM:SS`.
 *
 * Accepted date forms (years 1900-9999, calendar-checked, so 2/30/2025 is rejected):
 * - ISO `2025-01-05`, `2025/01/05`, `2025.01.05`; compact `20250105`
 * - US `1/5/2025`, `01/05/2025`, `01-05-2025`; two-digit years `1/5/25` use Excel's rule:
 *   00-29 -> 2000-2029, 30-99 -> 1930-1999. Day-first dates (`05.01.2025`) are NOT accepted.
 * - month names: `05-Jan-2025`, `5 JAN 25`, `Jan 5, 2025`, `January 5 2025`
 * - Excel serial numbers in the 1900 date system (`45658` = 2025-01-01), including Excel's
 *   phantom 1900-02-29 (serial 60, rejected: that day does not exist); serials 1-59 are
 *   1900-01-01..1900-02-28. A fraction is a time of day. Serials up to 2958465 (9999-12-31).
 *   Workbooks in the 1904 system are converted by the XLSX reader (serialToIso), not here.
 * Times (after `T` or spaces): `13:05`, `13:05:30`, `13:05:30.250` (fraction dropped), 12 hour
 * `1:05 PM`, `1:05pm`, `1:05:30 p.m.`, `1:05 p`, and 4-digit military `1305` after a space.
 * A zone suffix (`Z`, `+01:00`) is rejected: the model holds wall-clock times without a zone,
 * and guessing the zone would silently shift times.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const DAY_MS = 86_400_000;
/** 1900 system: serial of 1970-01-01 (valid for serials >= 61) */
const EPOCH_1900 = 25_569;
/** 1904 system: serial of 1970-01-01 (1904-01-01 is serial 0) */
const EPOCH_1904 = 24_107;
const MAX_SERIAL_1900 = 2_958_465; // 9999-12-31

interface DateParts {
  y: number;
  m: number;
  d: number;
  /** text after the date (time part), '' when none */
  rest: string;
  /** seconds of the day from an Excel serial fraction, -1 when the serial had no fraction */
  serialSeconds?: number;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function pad4(n: number): string {
  return n < 10 ? '000' + n : n < 100 ? '00' + n : n < 1000 ? '0' + n : String(n);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function twoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function fmtDate(y: number, m: number, d: number): string {
  return pad4(y) + '-' + pad2(m) + '-' + pad2(d);
}

function fmtTime(secs: number): string {
  const h = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  return pad2(h) + ':' + pad2(mi) + ':' + pad2(secs % 60);
}

const RE_ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/;
const RE_US = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const RE_DMON = /^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ](\d{4}|\d{2})(?!\d)/;
const RE_MOND = /^([A-Za-z]{3,9})\.? +(\d{1,2}),? +(\d{4})(?!\d)/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_SERIAL = /^(\d{1,7})(?:\.(\d+))?$/;
const RE_TIME =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: *([AaPp])\.?(?:[Mm]\.?)?)?$/;
const RE_MILITARY = /^(\d{2})(\d{2})$/;

/** Calendar date of an Excel serial day number; 1900 system unless date1904. */
function serialDay(day: number, date1904: boolean): { y: number; m: number; d: number } | undefined {
  let ms: number;
  if (date1904) {
    if (day < 0) return undefined;
    ms = (day - EPOCH_1904) * DAY_MS;
  } else {
    if (day < 1 || day === 60) return undefined; // 0 = "1900-01-00", 60 = phantom 1900-02-29
    ms = (day < 60 ? day + 1 - EPOCH_1900 : day - EPOCH_1900) * DAY_MS;
  }
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  if (y > 9999) return undefined;
  return { y, m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/**
 * Excel serial -> `YYYY-MM-DD` (withTime false) or `YYYY-MM-DDTHH:MM:SS` (withTime true).
 * Seconds are rounded; 23:59:59.6 rounds into the next day.
 */
export function serialToIso(serial: number, date1904: boolean, withTime: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let day = Math.floor(serial);
  let secs = Math.round((serial - day) * 86400);
  if (secs >= 86400) {
    day += 1;
    secs -= 86400;
  }
  if (!date1904 && day > MAX_SERIAL_1900) return undefined;
  const p = serialDay(day, date1904);
  if (!p) return undefined;
  const date = fmtDate(p.y, p.m, p.d);
  return withTime ? date + 'T' + fmtTime(secs) : date;
}

function parseDateParts(s: string): DateParts | undefined {
  let m = RE_ISO.exec(s);
  if (m) {
    const y = +m[1]!, mo = +m[3]!, d = +m[4]!;
    return validDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(m[0].length) } : undefined;
  }
  m = RE_US.exec(s);
  if (m) {
    const yText = m[4]!;
    const y = yText.length === 2 ? twoDigitYear(+yText) : +yText;
    const mo = +m[1]!, d = +m[3]!;
    return validDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(m[0].length) } : undefined;
  }
  m = RE_COMPACT.exec(s);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    return validDate(y, mo, d) ? { y, m: mo, d, rest: '' } : undefined;
  }
  m = RE_SERIAL.exec(s);
  if (m) {
    const serial = Number(s);
    if (serial > MAX_SERIAL_1900) return undefined;
    const hasFraction = m[2] !== undefined;
    let day = Math.floor(serial);
    let secs = Math.round((serial - day) * 86400);
    if (secs >= 86400) {
      day += 1;
      secs -= 86400;
    }
    const p = serialDay(day, false);
    return p ? { ...p, rest: '', serialSeconds: hasFraction ? secs : -1 } : undefined;
  }
  m = RE_DMON.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const yText = m[3]!;
    const y = yText.length === 2 ? twoDigitYear(+yText) : +yText;
    const d = +m[1]!;
    return mo !== undefined && validDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(m[0].length) } : undefined;
  }
  m = RE_MOND.exec(s);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const y = +m[3]!, d = +m[2]!;
    return mo !== undefined && validDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(m[0].length) } : undefined;
  }
  return undefined;
}

/** Seconds of the day for a time text, or undefined. */
function parseTimeOfDay(t: string): number | undefined {
  let m = RE_TIME.exec(t);
  if (m) {
    let h = +m[1]!;
    const mi = +m[2]!;
    const sec = m[3] === undefined ? 0 : +m[3];
    if (mi > 59 || sec > 59) return undefined;
    const ap = m[4];
    if (ap !== undefined) {
      if (h < 1 || h > 12) return undefined;
      const pm = ap === 'p' || ap === 'P';
      if (h === 12) h = pm ? 12 : 0;
      else if (pm) h += 12;
    } else if (h > 23) {
      return undefined;
    }
    return h * 3600 + mi * 60 + sec;
  }
  m = RE_MILITARY.exec(t);
  if (m) {
    const h = +m[1]!, mi = +m[2]!;
    return h <= 23 && mi <= 59 ? h * 3600 + mi * 60 : undefined;
  }
  return undefined;
}

/**
 * Split the text after a date into its time part. Returns undefined when there is no time,
 * null when the rest is not a valid separator + time.
 */
function timeOf(rest: string): number | undefined | null {
  if (rest.length === 0) return undefined;
  const c = rest.charCodeAt(0);
  let t: string;
  if (c === 84 /* T */ || c === 116 /* t */) t = rest.slice(1);
  else if (c === 32 || c === 9 || c === 44 /* , */) t = rest.replace(/^[ \t,]+/, '');
  else return null;
  if (t.length === 0) return null;
  const secs = parseTimeOfDay(t);
  return secs === undefined ? null : secs;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Fast path for exact `YYYY-MM-DD`. */
function isoFast(s: string): string | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(s, 0), y1 = digit(s, 1), y2 = digit(s, 2), y3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), d0 = digit(s, 8), d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1;
  return validDate(y, m, d) ? s : undefined;
}

/**
 * Fast path for `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM` and the same with `:SS` (one space, `T` or
 * `t` between date and time): the forms almost every export uses, read without a regular
 * expression. Anything else (or an invalid value) goes the general way, which gives the same result
 * for these forms.
 */
function isoDateTimeFast(s: string): string | undefined {
  const n = s.length;
  if (n !== 16 && n !== 19) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84 /* T */ && sep !== 116 /* t */) return undefined;
  if (s.charCodeAt(13) !== 58 /* : */ || (n === 19 && s.charCodeAt(16) !== 58)) return undefined;
  const date = isoFast(s.slice(0, 10));
  if (date === undefined) return undefined;
  const h0 = digit(s, 11), h1 = digit(s, 12), m0 = digit(s, 14), m1 = digit(s, 15);
  const s0 = n === 19 ? digit(s, 17) : 0, s1 = n === 19 ? digit(s, 18) : 0;
  if ((h0 | h1 | m0 | m1 | s0 | s1) < 0) return undefined;
  if (h0 * 10 + h1 > 23 || m0 > 5 || s0 > 5) return undefined;
  if (n === 19 && sep === 84) return s;
  return date + 'T' + s.slice(11, 16) + (n === 19 ? s.slice(16) : ':00');
}

/** Any accepted date (with or without a valid time) -> `YYYY-MM-DD`, else undefined. */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  if (s.length === 0) return undefined;
  const fast = isoFast(s);
  if (fast !== undefined) return fast;
  const p = parseDateParts(s);
  if (!p) return undefined;
  if (timeOf(p.rest) === null) return undefined;
  return fmtDate(p.y, p.m, p.d);
}

/**
 * A date with a time of day -> `YYYY-MM-DDTHH:MM:SS`, else undefined (a date alone, e.g.
 * `2025-01-05` or the integer serial `45658`, has no time and gives undefined).
 */
export function parseDateTime(text: string): string | undefined {
  const s = text.trim();
  if (s.length === 0) return undefined;
  const fast = isoDateTimeFast(s);
  if (fast !== undefined) return fast;
  const p = parseDateParts(s);
  if (!p) return undefined;
  let secs: number | undefined | null;
  if (p.serialSeconds !== undefined) secs = p.serialSeconds < 0 ? undefined : p.serialSeconds;
  else secs = timeOf(p.rest);
  if (secs === undefined || secs === null) return undefined;
  return fmtDate(p.y, p.m, p.d) + 'T' + fmtTime(secs);
}

/** The date at the start of a text whose time part may be unreadable (`1/5/2025 25:99`). */
export function parseLeadingDate(text: string): string | undefined {
  const whole = parseDate(text);
  if (whole !== undefined) return whole;
  const s = text.trim();
  const p = parseDateParts(s);
  if (p && p.rest.length > 0 && /^[Tt \t,]/.test(p.rest)) return fmtDate(p.y, p.m, p.d);
  return undefined;
}

/** `[+-]digits[.digits]` or `[+-].digits`: the common case, checked without a regex */
function isPlainNumber(s: string): boolean {
  let i = 0;
  const n = s.length;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}
const RE_GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;

/**
 * Number as exported: `12`, `-3.5`, ` 3 `, `1,234.5`, `$12.00`, `-$5`, `$-5`, `(12.00)` (an
 * accounting negative). Rejects anything else: `12,5` (decimal comma), `1.2.3`, `5 mg`, `1e3`.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim();
  if (s.length === 0) return undefined;
  if (isPlainNumber(s)) {
    const n = Number(s);
    return n === 0 ? 0 : n;
  }
  let neg = false;
  if (s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    neg = true;
    s = s.slice(1, -1).trim();
  }
  let c = s.charCodeAt(0);
  if (c === 45 /* - */ || c === 43 /* + */) {
    if (neg && c === 45) return undefined;
    neg = neg || c === 45;
    s = s.slice(1).trim();
    c = s.charCodeAt(0);
  }
  if (c === 36 /* $ */) {
    s = s.slice(1).trim();
    c = s.charCodeAt(0);
    if (c === 45 || c === 43) {
      if (neg && c === 45) return undefined;
      neg = neg || c === 45;
      s = s.slice(1);
    }
  }
  if (!RE_GROUPED.test(s)) return undefined;
  const n = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return n === 0 ? 0 : neg ? -n : n;
}

/** Number cell value -> text without float noise (0.1 + 0.2 -> "0.3"). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : v.toPrecision(15);
  const r = Number(v.toPrecision(15));
  const s = String(r);
  if (!s.includes('e')) return s;
  // tiny magnitudes: plain decimals (as Excel's General format would round them), never "1e-7"
  const fixed = r.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}
