/**
 * A private (0600) output file that collects text in a buffer and writes it in ~1 MiB chunks
 * with synchronous writes. Memory stays bounded by one chunk whatever the caller's pace (no
 * stream queue to outrun), and a 500k-row file costs a few hundred system calls.
 */
import * as fs from 'node:fs';
import { ReportWriteError } from './errors.js';

export const FILE_MODE = 0o600;
const DEFAULT_CHUNK = 1 << 20;

export class FileSink {
  private parts: string[] = [];
  private size = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private fd: number,
    private readonly chunk: number,
  ) {}

  static async open(path: string, chunk = DEFAULT_CHUNK): Promise<FileSink> {
    try {
      const fd = fs.openSync(path, 'w', FILE_MODE);
      // the mode passed to open() is filtered by the umask and ignored for an existing file
      fs.fchmodSync(fd, FILE_MODE);
      return new FileSink(path, fd, chunk);
    } catch (err) {
      throw ReportWriteError.from(path, err, 'create');
    }
  }

  write(text: string): void {
    if (this.closed) throw new ReportWriteError(this.path, undefined, `write after close: ${this.path}`);
    this.parts.push(text);
    // string length is a good-enough proxy for bytes here
    this.size += text.length;
    if (this.size >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    let off = 0;
    try {
      while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    } catch (err) {
      throw ReportWriteError.from(this.path, err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    let error: unknown;
    try {
      this.flush();
    } catch (err) {
      error = err;
    }
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } catch (err) {
      error ??= ReportWriteError.from(this.path, err, 'close');
    }
    if (error !== undefined) throw error;
  }

  /** Close without flushing (on an error path); never throws. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.parts = [];
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already failing */
    }
  }
}
