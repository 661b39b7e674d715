/**
 * A small buffered CSV writer: rows are built as text by hand (RFC 4180 quoting), encoded into
 * 1 MiB buffers and written through a file stream, waiting for `drain` when the stream asks for it
 * (backpressure). Memory stays at a few chunks per open file.
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod } from 'node:fs/promises';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  if (value === '' || !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly string[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) s += ',';
    s += csvCell(cells[i] as string);
  }
  return `${s}\n`;
}

const CHUNK = 1 << 20; // 1 MiB
const NON_ASCII = /[^\u0000-\u007f]/u; // eslint-disable-line no-control-regex

export class CsvFileWriter {
  /** data rows written so far (header excluded) */
  rows = 0;
  private buf: Buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly full: Buffer[] = [];
  private stream: WriteStream;
  private failure: Error | undefined;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.stream = createWriteStream(path, { mode: 0o600, flags: 'w' });
    this.stream.on('error', (e) => {
      this.failure = e;
    });
    this.line(csvLine(header));
    this.rows = 0;
  }

  /** appends one row; returns its spreadsheet row number (header = 1) */
  row(cells: readonly string[]): number {
    return this.line(csvLine(cells));
  }

  /** appends one pre-formatted row (cells already quoted, ending in a newline) */
  line(text: string): number {
    // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (this.pos + text.length * 3 > this.buf.length) {
      this.rotate();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    // the generator writes ASCII only (tested); latin1 is the fast path for it
    this.pos += this.buf.write(text, this.pos, NON_ASCII.test(text) ? 'utf8' : 'latin1');
    this.rows += 1;
    return this.rows + 1;
  }

  private rotate(): void {
    if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }

  /** hand full chunks to the stream; waits for `drain` when the stream asks for it */
  async maybeFlush(): Promise<void> {
    if (this.full.length > 0) await this.flush(false);
  }

  async flush(all = true): Promise<void> {
    if (this.failure) throw this.failure;
    if (all) this.rotate();
    while (this.full.length > 0) {
      const chunk = this.full.shift() as Buffer;
      if (!this.stream.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const onDrain = (): void => {
            this.stream.off('error', onError);
            resolve();
          };
          const onError = (e: Error): void => {
            this.stream.off('drain', onDrain);
            reject(e);
          };
          this.stream.once('drain', onDrain);
          this.stream.once('error', onError);
        });
      }
    }
  }

  async close(): Promise<void> {
    await this.flush(true);
    await new Promise<void>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    // createWriteStream's mode only applies to a new file: make an existing one private too
    await chmod(this.path, 0o600);
  }

  /** close without caring about errors (used when generation fails half way) */
  destroy(): void {
    this.stream.destroy();
  }
}
