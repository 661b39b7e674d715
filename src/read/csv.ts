/**
 * Streaming CSV reader on csv-parse (array mode, `raw: true`), with line/record reconciliation.
 *
 * - The file is streamed from disk; csv-parse produces arrays of strings plus each record's
 *   original text (`raw`), which we keep for pass-through (annotated CSV).
 * - Bytes are decoded as latin1 inside csv-parse, so one character = one byte and we always
 *   know each record's exact byte offset; fields with bytes >= 0x80 are then decoded as UTF-8
 *   (or Windows-1252 when the file's first 64 KiB are not valid UTF-8: Excel's "CSV" on Windows).
 * - Row numbers are what a spreadsheet shows: header = 1, one row per record (a quoted field
 *   with line breaks stays in one row), blank lines occupy a row but are not data rows.
 * - A record csv-parse cannot read (unclosed quote, text after a closing quote, a record over
 *   128,000 characters) becomes a 'malformed-row' error on the row where it starts, with the
 *   text of its first physical line as `raw` (and a best-effort split of that line as `cells`,
 *   for context only: no record is built), and reading resumes at the next physical line with
 *   a new parser: the rest of the file is still read. A stray quote inside an unquoted field
 *   (`5" needle`) is re-read leniently (quote kept as a character) with a 'malformed-row' warning.
 * - A record that spans several physical lines and whose field count differs from the header
 *   is treated as an unclosed quote that swallowed the following lines (same recovery).
 *
 * How errors are located: a failing csv-parse stream reports no position we can trust, and may
 * drop records it had buffered (its async iterator does). So after a failure we re-read from the
 * end of the last record we received, parsing a bounded window synchronously (collecting records
 * with `on_record`) to find the failing record exactly, then stream again after it. The cost is
 * paid only around bad records (at most ~0.7 MB re-read per bad record).
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, Parser, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { InputKind } from '../model.js';
import { ioError } from './io.js';
import type { ParsedRow, ReadIssue } from './types.js';

/** csv-parse's record size guard, in characters (= bytes here). */
export const MAX_RECORD_CHARS = 128_000;
const WINDOW_START = 64 * 1024;
const WINDOW_MAX = 512 * 1024;
const CHUNK = 64 * 1024;

const HIGH = /[\x80-\xff]/;

export type TextEncoding = 'utf8' | 'windows-1252';

interface CsvRecordItem {
  record: string[];
  raw: string;
}

interface WindowRecord extends CsvRecordItem {
  start: number;
  end: number;
}

interface WindowResult {
  records: WindowRecord[];
  /** byte offset where the failing record starts */
  errorAt?: number;
  errorCode?: string;
  /** every record up to end of file is in `records` */
  eof: boolean;
}

export interface CsvReaderOptions {
  path: string;
  /** file size in bytes */
  size: number;
  /** byte offset of the first record (after a BOM) */
  dataStart: number;
  delimiter: string;
  lineBreaks: 'crlf-lf' | 'cr';
  encoding: TextEncoding;
  /** "claims.csv": used in issue messages */
  label: string;
  /**
   * `fast` (default): plain lines are split by a scanner of our own and every other line (a quote
   * that is not a simple one-line quoted field, an over-long record) goes to csv-parse;
   * `csv-parse`: every record through csv-parse (kept for the equivalence tests).
   */
  scanner?: 'fast' | 'csv-parse';
}

const FAST_CHUNK = 256 * 1024;
const QUOTE = 34;

/**
 * Split one physical line's content (no line break) into fields exactly as csv-parse does with our
 * options, when that is certain: unquoted fields, and quoted fields that open at the start of a
 * field, close on this line and are followed by a delimiter or the end (`""` is one quote).
 * Anything else (a quote inside an unquoted field, an unclosed quote: a multi-line field or an
 * error) returns undefined: the caller gives the line to csv-parse.
 */
export function splitPlainLine(content: string, delimiter: string): string[] | undefined {
  if (content.indexOf('"') < 0) return content.split(delimiter);
  const out: string[] = [];
  const d = delimiter.charCodeAt(0);
  const n = content.length;
  let i = 0;
  for (;;) {
    if (content.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = content.indexOf('"', from);
        if (q < 0) return undefined; // unclosed on this line
        value += content.slice(from, q);
        if (content.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i === n) return out;
      if (content.charCodeAt(i) !== d) return undefined; // text after a closing quote
      i++;
      if (i === n) {
        out.push('');
        return out;
      }
      continue;
    }
    let next = content.indexOf(delimiter, i);
    if (next < 0) next = n;
    const field = content.slice(i, next);
    if (field.indexOf('"') >= 0) return undefined; // a quote inside an unquoted field
    out.push(field);
    if (next === n) return out;
    i = next + 1;
    if (i === n) {
      out.push('');
      return out;
    }
  }
}

const cp1252 = new TextDecoder('windows-1252');

const noop = (): void => undefined;

export class CsvReader {
  /** blank rows seen (before and after the header) */
  blankRows = 0;
  /** header cells up to the last non-blank one, once known; enables field-count checks */
  headerLength: number | undefined;
  /** header field count, blank trailing header cells included */
  headerFields = 0;
  /** called on every data row (after the header) before it is yielded */
  process: ((pr: ParsedRow<InputKind>) => void) | undefined;
  /** awaited once the last row has been yielded */
  onEnd: (() => Promise<void>) | undefined;

  private row = 0;
  private line = 1;
  /** the fast path's current chunk holds no byte >= 0x80: no cell needs decoding (skips a scan per line) */
  private asciiChunk = false;
  private readonly opts: Options;
  private readonly crlf: boolean;

  constructor(private readonly o: CsvReaderOptions) {
    this.crlf = o.lineBreaks === 'crlf-lf';
    this.opts = {
      delimiter: o.delimiter,
      record_delimiter: this.crlf ? ['\r\n', '\n'] : ['\r'],
      encoding: 'latin1',
      bom: false,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
    };
  }

  private decode(s: string): string {
    const bytes = Buffer.from(s, 'latin1');
    return this.o.encoding === 'utf8' ? bytes.toString('utf8') : cp1252.decode(bytes);
  }

  /** bytes of a record's raw text in the file (csv-parse leaves the `\n` of `\r\n` out of raw) */
  private rawBytes(raw: string): number {
    return raw.length + (this.crlf && raw.charCodeAt(raw.length - 1) === 13 ? 1 : 0);
  }

  /** raw without its trailing line break */
  private contentEnd(raw: string): number {
    const last = raw.charCodeAt(raw.length - 1);
    return last === 10 || last === 13 ? raw.length - 1 : raw.length;
  }

  /** physical line breaks inside [0, end) */
  private breaksIn(raw: string, end: number): number {
    const br = this.crlf ? 10 : 13;
    let n = 0;
    for (let i = 0; i < end; i++) if (raw.charCodeAt(i) === br) n++;
    return n;
  }

  /**
   * Turn one csv-parse record into a ParsedRow; null for a blank row; 'suspicious' for a
   * multi-line record whose field count does not match the header (an unclosed quote).
   */
  private accept(record: string[], raw: string, issues?: ReadIssue[], content?: string): ParsedRow<InputKind> | null | 'suspicious' {
    const end = this.contentEnd(raw);
    const firstBreak = raw.indexOf(this.crlf ? '\n' : '\r');
    const multiLine = firstBreak >= 0 && firstBreak < end;
    const breaks = multiLine ? this.breaksIn(raw, end) : 0;
    if (
      multiLine &&
      this.headerLength !== undefined &&
      (record.length < this.headerLength || record.length > Math.max(this.headerFields, this.headerLength))
    ) {
      return 'suspicious';
    }
    this.row++;
    const line = this.line;
    this.line += 1 + breaks;
    let blank = true;
    for (let i = 0; i < record.length; i++) {
      const c = record[i]!;
      if (c.length !== 0 && c.trim().length !== 0) {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.blankRows++;
      return null;
    }
    let text = content ?? (end === raw.length ? raw : raw.slice(0, end));
    if (!this.asciiChunk && HIGH.test(text)) {
      for (let i = 0; i < record.length; i++) if (HIGH.test(record[i]!)) record[i] = this.decode(record[i]!);
      text = this.decode(text);
    }
    const pr: ParsedRow<InputKind> = { row: this.row, line, cells: record, raw: text, issues: issues ?? [] };
    if (this.headerLength !== undefined) {
      this.checkFieldCount(pr);
      this.process?.(pr);
    }
    return pr;
  }

  private checkFieldCount(pr: ParsedRow<InputKind>): void {
    const n = pr.cells.length;
    const used = this.headerLength!;
    const fields = Math.max(this.headerFields, used);
    if (n >= used && n <= fields) return;
    if (n > fields) {
      let extraHasData = false;
      for (let i = fields; i < n; i++) if (pr.cells[i]!.trim().length > 0) extraHasData = true;
      if (!extraHasData) return; // trailing empty fields ("a,b,c,,"): harmless export artefact
      pr.issues.push({
        code: 'extra-fields',
        severity: 'error',
        row: pr.row,
        message:
          `${this.o.label} row ${pr.row}: the row has ${n} fields but the header has ${fields} ` +
          `(probably a delimiter inside an unquoted value, which shifts the columns); the row cannot be audited`,
      });
    } else {
      pr.issues.push({
        code: 'missing-fields',
        severity: 'warning',
        row: pr.row,
        message: `${this.o.label} row ${pr.row}: the row has ${n} field${n === 1 ? '' : 's'} but the header has ${used}; the missing cells are read as empty`,
      });
    }
  }

  /** Read bytes [from, from + length) of the file. */
  private async readAt(from: number, length: number): Promise<Buffer> {
    const fh = await open(this.o.path, 'r').catch((err: unknown) => {
      throw ioError(err, this.o.path);
    });
    try {
      const len = Math.max(0, Math.min(length, this.o.size - from));
      const buf = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const { bytesRead } = await fh.read(buf, got, len - got, from + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === len ? buf : buf.subarray(0, got);
    } finally {
      await fh.close();
    }
  }

  /** The physical line starting at `from`: its text (no break) and where the next line starts. */
  private async physicalLine(from: number): Promise<{ text: string; next: number }> {
    const parts: Buffer[] = [];
    let at = from;
    for (;;) {
      const buf = await this.readAt(at, CHUNK);
      if (buf.length === 0) return { text: Buffer.concat(parts).toString('latin1'), next: this.o.size };
      const nl = this.crlf ? buf.indexOf(10) : buf.indexOf(13);
      if (nl >= 0) {
        parts.push(buf.subarray(0, nl));
        let text = Buffer.concat(parts).toString('latin1');
        if (this.crlf && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
        return { text, next: at + nl + 1 };
      }
      parts.push(buf);
      at += buf.length;
    }
  }

  /** Parse a window synchronously from `from`, growing it until a record or an error is found. */
  private async window(from: number): Promise<WindowResult> {
    let size = WINDOW_START;
    for (;;) {
      const buf = await this.readAt(from, size);
      const bufEnd = from + buf.length;
      const eof = bufEnd >= this.o.size;
      const got: CsvRecordItem[] = [];
      let err: unknown;
      try {
        const onRecord = (r: unknown): null => {
          got.push(r as CsvRecordItem);
          return null;
        };
        parseSync(buf, { ...this.opts, on_record: onRecord } as Options);
      } catch (e) {
        err = e;
      }
      const records: WindowRecord[] = [];
      let p = from;
      for (const r of got) {
        const end = p + this.rawBytes(r.raw);
        records.push({ ...r, start: p, end });
        p = end;
      }
      const code = err instanceof CsvError ? err.code : err === undefined ? undefined : 'CSV_UNKNOWN';
      if (code !== undefined) {
        if (code === 'CSV_QUOTE_NOT_CLOSED' && !eof) {
          // may only be the window's end cutting a quoted field
          if (records.length > 0) return { records, eof: false };
          if (size < WINDOW_MAX) {
            size *= 4;
            continue;
          }
          return { records: [], errorAt: from, errorCode: 'CSV_MAX_RECORD_SIZE', eof: false };
        }
        return { records, errorAt: p, errorCode: code, eof: false };
      }
      if (!eof) {
        // the last record may be cut by the window's end
        while (records.length > 0 && records[records.length - 1]!.end >= bufEnd) records.pop();
        if (records.length === 0) {
          if (size < WINDOW_MAX) {
            size *= 4;
            continue;
          }
          return { records: [], errorAt: from, errorCode: 'CSV_MAX_RECORD_SIZE', eof: false };
        }
        return { records, eof: false };
      }
      return { records, eof: true };
    }
  }

  private malformedMessage(row: number, line: number, code: string | undefined): string {
    const where = `${this.o.label} row ${row}${line !== row ? ` (line ${line})` : ''}`;
    let what: string;
    switch (code) {
      case 'CSV_QUOTE_NOT_CLOSED':
      case 'SUSPICIOUS':
        what = 'a quoted field that starts on this row is never closed properly';
        break;
      case 'CSV_INVALID_CLOSING_QUOTE':
        what = 'a quoted field is followed by other characters before the next delimiter';
        break;
      case 'INVALID_OPENING_QUOTE':
        what = 'a quote character appears inside an unquoted field';
        break;
      case 'CSV_MAX_RECORD_SIZE':
        what = `the record is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (probably an unclosed quote)`;
        break;
      default:
        what = 'the row is not valid CSV';
    }
    return `${where}: ${what}; the row cannot be read, reading resumed on the next line`;
  }

  /**
   * The record starting at byte `at` cannot be read: yield it as a malformed row (or, for a
   * stray quote, re-read its line leniently) and return where reading resumes.
   */
  private async *malformed(at: number, code: string | undefined): AsyncGenerator<ParsedRow<InputKind>, number> {
    const { text, next } = await this.physicalLine(at);
    let recs: string[][] | undefined;
    try {
      recs = parseSync(Buffer.from(text, 'latin1'), { ...this.opts, raw: false, relax_quotes: true } as Options) as string[][];
    } catch {
      recs = undefined;
    }
    const lenient = recs !== undefined && recs.length === 1 ? recs[0]! : undefined;
    if (code === 'INVALID_OPENING_QUOTE' && lenient) {
      const row = this.row + 1;
      const line = this.line;
      const issue: ReadIssue = {
        code: 'malformed-row',
        severity: 'warning',
        row,
        message:
          `${this.o.label} row ${row}${line !== row ? ` (line ${line})` : ''}: a quote character appears inside ` +
          `an unquoted field; it was read as a plain character (as a spreadsheet does)`,
      };
      const pr = this.accept(lenient, text + '\n', [issue]);
      if (pr !== null && pr !== 'suspicious') yield pr;
      return next;
    }
    this.row++;
    const row = this.row;
    const line = this.line;
    this.line++;
    // best-effort cells, for context (e.g. the patient of an input finding); no record is built
    const cells = lenient ?? text.split(this.o.delimiter);
    for (let i = 0; i < cells.length; i++) if (HIGH.test(cells[i]!)) cells[i] = this.decode(cells[i]!);
    const pr: ParsedRow<InputKind> = {
      row,
      line,
      cells,
      raw: HIGH.test(text) ? this.decode(text) : text,
      issues: [
        { code: 'malformed-row', severity: 'error', row, message: this.malformedMessage(row, line, code) },
      ],
    };
    if (this.headerLength !== undefined) this.process?.(pr);
    yield pr;
    return next;
  }

  /** Every non-blank record, in order (the first one is the header). */
  async *rows(): AsyncGenerator<ParsedRow<InputKind>> {
    for await (const batch of this.batches()) yield* batch;
  }

  /**
   * The same records in batches (one await per chunk of the file, not per row: the audit's hot
   * path). Until the header has been taken (headerLength set) every record is its own batch, so
   * the caller can map the header before any data row is converted.
   */
  async *batches(): AsyncGenerator<ParsedRow<InputKind>[]> {
    let out: ParsedRow<InputKind>[] = [];
    const take = (pr: ParsedRow<InputKind>): boolean => {
      out.push(pr);
      return this.headerLength === undefined;
    };
    const drainMalformed = async (gen: AsyncGenerator<ParsedRow<InputKind>, number>): Promise<number> => {
      for (;;) {
        const n = await gen.next();
        if (n.done) return n.value;
        out.push(n.value);
      }
    };
    let seg = this.o.dataStart;
    let probe = false;
    while (seg < this.o.size) {
      if (probe) {
        const w = await this.window(seg);
        let stoppedAt: number | undefined;
        for (const r of w.records) {
          const pr = this.accept(r.record, r.raw);
          if (pr === 'suspicious') {
            stoppedAt = r.start;
            break;
          }
          if (pr !== null && take(pr)) {
            yield out;
            out = [];
          }
          seg = r.end;
        }
        if (stoppedAt !== undefined) {
          seg = await drainMalformed(this.malformed(stoppedAt, 'SUSPICIOUS'));
          probe = false;
        } else if (w.errorAt !== undefined) {
          seg = await drainMalformed(this.malformed(w.errorAt, w.errorCode));
          probe = false;
        } else if (w.eof) {
          break;
        } else {
          probe = false; // back to streaming from the last complete record
        }
        continue;
      }

      if (this.o.scanner !== 'csv-parse') {
        // Fast path: plain physical lines are split here; the first line that is not plain goes,
        // with what follows it in its window, through csv-parse (probe), then back here.
        // Lines are decoded from the bytes one by one (not sliced out of one big chunk string: a
        // slice would keep its whole chunk alive for as long as any cell of the line is kept).
        const br = this.crlf ? 10 : 13;
        const src = createReadStream(this.o.path, { start: seg, highWaterMark: FAST_CHUNK });
        let carry: Buffer = Buffer.alloc(0);
        let base = seg; // byte offset of carry[0]
        let hard = -1;
        try {
          scan: for await (const chunk of src) {
            const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
            this.asciiChunk = isAscii(buf);
            let i = 0;
            for (;;) {
              const nl = buf.indexOf(br, i);
              if (nl < 0) break;
              const crBefore = this.crlf && nl > i && buf[nl - 1] === 13;
              const contentEnd = crBefore ? nl - 1 : nl;
              if (contentEnd - i > MAX_RECORD_CHARS) {
                hard = base + i;
                break scan;
              }
              // raw as csv-parse gives it: the line break included, but the \n of \r\n left out
              const raw = buf.toString('latin1', i, crBefore ? nl : nl + 1);
              const content = raw.slice(0, contentEnd - i);
              const cells = splitPlainLine(content, this.o.delimiter);
              if (cells === undefined) {
                hard = base + i;
                break scan;
              }
              const pr = this.accept(cells, raw, undefined, content);
              if (pr !== null && pr !== 'suspicious' && take(pr)) {
                yield out;
                out = [];
              }
              i = nl + 1;
            }
            carry = buf.subarray(i);
            base += i;
            if (out.length > 0) {
              yield out;
              out = [];
            }
            if (carry.length > MAX_RECORD_CHARS) {
              hard = base;
              break;
            }
          }
        } catch (e) {
          // a read error of the file is an input error; anything else (a bug) goes up as it is
          throw typeof (e as NodeJS.ErrnoException | undefined)?.code === 'string' ? ioError(e, this.o.path) : e;
        } finally {
          this.asciiChunk = false;
          src.destroy();
        }
        if (hard >= 0) {
          seg = hard;
          probe = true;
          continue;
        }
        if (carry.length > 0) {
          // the last line, without a line break
          const last = carry.toString('latin1');
          const cells = splitPlainLine(last, this.o.delimiter);
          if (cells === undefined) {
            seg = base;
            probe = true;
            continue;
          }
          const pr = this.accept(cells, last);
          if (pr !== null && pr !== 'suspicious') out.push(pr);
        }
        break;
      }

      const src = createReadStream(this.o.path, { start: seg, highWaterMark: CHUNK });
      const parser = new Parser(this.opts);
      let wake: () => void = noop;
      let ended = false;
      let failure: unknown;
      parser.on('readable', () => wake());
      parser.on('end', () => {
        ended = true;
        wake();
      });
      parser.on('error', (e) => {
        failure = e;
        wake();
      });
      src.on('error', (e) => parser.destroy(e));
      src.pipe(parser);
      let pos = seg;
      let outcome: 'eof' | 'failed' | 'suspicious' = 'eof';
      try {
        // read() batches instead of for-await: one async hop per row for the consumer, not two
        reading: for (;;) {
          let item: CsvRecordItem | null;
          while ((item = parser.read() as CsvRecordItem | null) !== null) {
            const start = pos;
            pos = start + this.rawBytes(item.raw);
            const pr = this.accept(item.record, item.raw);
            if (pr === 'suspicious') {
              outcome = 'suspicious';
              pos = start;
              break reading;
            }
            if (pr !== null && take(pr)) {
              yield out;
              out = [];
            }
          }
          if (out.length > 0) {
            yield out;
            out = [];
            // while the batch was out, the parser may have signalled 'readable' (wake was a no-op):
            // read again before waiting, or the wait would never end
            continue;
          }
          if (failure !== undefined) {
            if (!(failure instanceof CsvError)) throw ioError(failure, this.o.path);
            outcome = 'failed';
            break;
          }
          if (ended) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = noop;
        }
      } finally {
        src.unpipe(parser);
        src.destroy();
        parser.destroy();
      }
      if (outcome === 'eof') break;
      if (outcome === 'suspicious') {
        seg = await drainMalformed(this.malformed(pos, 'SUSPICIOUS'));
      } else {
        seg = pos;
        probe = true;
      }
    }
    if (out.length > 0) yield out;
    await this.onEnd?.();
  }
}
