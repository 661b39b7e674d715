/** Small file helpers of the read layer; every failure becomes an InputError naming the file. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { InputError } from './types.js';

export function ioError(err: unknown, path: string): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'file not found'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory, not a file'
    : `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  return new InputError(`${path}: ${why}`, path);
}

/** sha256 (hex) of a file's bytes. */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
