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
  /** bytes waiting to be written: text is encoded into it at once, so no string outlives its write() */
  private buf: Buffer;
  private used = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private fd: number,
    private readonly chunk: number,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
  }

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

  /** Append text; returns the number of UTF-8 bytes it took. */
  write(text: string): number {
    if (this.closed) throw new ReportWriteError(this.path, undefined, `write after close: ${this.path}`);
    // a UTF-8 character takes at most 3 bytes per UTF-16 unit
    if (this.used + text.length * 3 > this.buf.length) {
      this.flush();
      if (text.length * 3 > this.buf.length) {
        const bytes = Buffer.from(text, 'utf8');
        this.writeOut(bytes);
        return bytes.length;
      }
    }
    const n = this.buf.write(text, this.used, 'utf8');
    this.used += n;
    return n;
  }

  /** Append bytes as they are. */
  writeBytes(bytes: Buffer): void {
    if (this.closed) throw new ReportWriteError(this.path, undefined, `write after close: ${this.path}`);
    if (this.used + bytes.length > this.buf.length) {
      this.flush();
      if (bytes.length > this.buf.length) {
        this.writeOut(bytes);
        return;
      }
    }
    this.used += bytes.copy(this.buf, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    const n = this.used;
    this.used = 0;
    this.writeOut(this.buf.subarray(0, n));
  }

  private writeOut(bytes: Buffer): void {
    let off = 0;
    try {
      while (off < bytes.length) off += fs.writeSync(this.fd, bytes, off, bytes.length - off);
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
    this.used = 0;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already failing */
    }
  }
}
