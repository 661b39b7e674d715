/**
 * Sniffing the first bytes of a file: format (CSV or XLSX), byte-order mark, line breaks and
 * the CSV delimiter. csv-parse 7's own delimiter detection throws on quoted fields, so we count
 * candidates ourselves, outside quotes.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export type Bom = 'none' | 'utf8' | 'utf16le' | 'utf16be';

export function detectBom(head: Buffer): Bom {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return 'none';
}

export type Magic = 'zip' | 'ole' | 'text';

/** XLSX files are zip archives; legacy .xls files are OLE compound documents. */
export function detectMagic(head: Buffer): Magic {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'ole';
  return 'text';
}

/**
 * Line breaks: `\r\n` and `\n` (mixed is fine), or `\r` alone for old Mac exports (a sample
 * with a `\r` and no `\n` at all).
 */
export function detectLineBreaks(sample: string): 'crlf-lf' | 'cr' {
  if (sample.includes('\n')) return 'crlf-lf';
  return sample.includes('\r') ? 'cr' : 'crlf-lf';
}

/**
 * Counts of `delim` outside quotes, per record, for the first records of the sample.
 * A quote opens a quoted field only at the start of a field (as csv-parse reads it);
 * `""` inside a quoted field is an escaped quote.
 */
function countsPerRecord(sample: string, delim: number, maxRecords: number, complete: boolean): number[] {
  const counts: number[] = [];
  let count = 0;
  let inQuote = false;
  let fieldStart = true;
  let recordHasContent = false;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (inQuote) {
      if (c === 34) {
        if (sample.charCodeAt(i + 1) === 34) i++;
        else inQuote = false;
      }
      continue;
    }
    if (c === 34 && fieldStart) {
      inQuote = true;
      fieldStart = false;
      recordHasContent = true;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && sample.charCodeAt(i + 1) === 10) i++;
      if (recordHasContent) counts.push(count);
      if (counts.length >= maxRecords) return counts;
      count = 0;
      fieldStart = true;
      recordHasContent = false;
      continue;
    }
    if (c === delim) {
      count++;
      fieldStart = true;
      recordHasContent = true;
      continue;
    }
    fieldStart = false;
    if (c !== 32 && c !== 9) recordHasContent = true;
  }
  // the last record of a truncated sample may be cut short: only count it at end of file
  if (complete && recordHasContent) counts.push(count);
  return counts;
}

/**
 * The delimiter whose count on the header record is non-zero and repeated on the most
 * following records (then the highest count; then the order , ; tab |). ',' when none.
 */
export function sniffDelimiter(sample: string, complete = true): string {
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = countsPerRecord(sample, d.charCodeAt(0), 50, complete);
    const headerCount = counts[0] ?? 0;
    if (headerCount === 0) continue;
    let same = 0;
    for (let i = 1; i < counts.length; i++) if (counts[i] === headerCount) same++;
    const consistency = counts.length > 1 ? same / (counts.length - 1) : 1;
    const score = Math.round(consistency * 1000) * 1000 + Math.min(headerCount, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
