/** A report file or directory could not be written (disk full, permissions, a bad --out). */
export class ReportWriteError extends Error {
  override readonly name = 'ReportWriteError';
  constructor(
    /** the file or directory being written */
    readonly path: string,
    /** the system error code when there is one (EACCES, ENOSPC, ...) */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }

  static from(path: string, err: unknown, action = 'write'): ReportWriteError {
    if (err instanceof ReportWriteError) return err;
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
    const why = err instanceof Error ? err.message : String(err);
    return new ReportWriteError(path, code, `cannot ${action} ${path}: ${why}`);
  }
}
