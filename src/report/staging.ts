/**
 * Atomic, private report output. Every report file is written into a private temporary
 * directory inside `--out` (same file system, so the final move is a rename) and only moved
 * into place by {@link Staging.commit}; {@link Staging.abort} removes everything, so a failed
 * run leaves no half-written report. Directories are 0700 and files 0600 whatever the umask:
 * the reports hold patient data.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as nodePath from 'node:path';
import { ReportWriteError } from './errors.js';
import { FILE_MODE } from './sink.js';

export const DIR_MODE = 0o700;
export const TEMP_PREFIX = '.infusion-audit-tmp-';

type State = 'open' | 'committed' | 'aborted';

/** Temp dirs of runs in progress, so an interrupted process can remove them (they hold PHI). */
const live = new Set<string>();

/** Remove every open staging area now (synchronously): for SIGINT/SIGTERM handlers. */
export function abortAllStagingSync(): void {
  for (const dir of live) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: the process is going down
    }
  }
  live.clear();
}

export class Staging {
  private state: State = 'open';

  private constructor(
    /** absolute output directory */
    readonly outDir: string,
    /** absolute private temporary directory inside outDir */
    readonly tempDir: string,
    /** the top-most directory this staging created for outDir (removed again by abort when empty) */
    private readonly createdTop: string | undefined,
  ) {}

  /** Create (0700) outDir when missing, and a private temp dir inside it. */
  static async create(outDir: string): Promise<Staging> {
    const out = nodePath.resolve(outDir);
    let createdTop: string | undefined;
    try {
      const st = await fsp.stat(out).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (st && !st.isDirectory()) {
        throw new ReportWriteError(out, 'ENOTDIR', `the output path ${out} exists and is not a directory`);
      }
      if (!st) {
        createdTop = await fsp.mkdir(out, { recursive: true, mode: DIR_MODE });
        await fsp.chmod(out, DIR_MODE);
      }
      const temp = await fsp.mkdtemp(nodePath.join(out, TEMP_PREFIX));
      live.add(temp);
      await fsp.chmod(temp, DIR_MODE);
      return new Staging(out, temp, createdTop);
    } catch (err) {
      if (createdTop) await removeEmptyChain(out, createdTop);
      throw ReportWriteError.from(out, err, 'create the output directory');
    }
  }

  /**
   * The temporary path to write `relative` (e.g. `report.json`, `annotated/claims.csv`) to.
   * Parent directories are created (0700). Write files with mode 0600; commit() enforces it.
   */
  path(relative: string): string {
    if (this.state !== 'open') {
      throw new ReportWriteError(this.outDir, undefined, `the report staging area was already ${this.state}`);
    }
    const norm = nodePath.normalize(relative);
    if (
      norm === '' ||
      norm === '.' ||
      nodePath.isAbsolute(norm) ||
      norm.split(/[\\/]/).some((seg) => seg === '..')
    ) {
      throw new ReportWriteError(relative, undefined, `not a relative report path: ${relative}`);
    }
    const full = nodePath.join(this.tempDir, norm);
    const dir = nodePath.dirname(full);
    if (dir !== this.tempDir) {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
      } catch (err) {
        throw ReportWriteError.from(dir, err, 'create');
      }
    }
    return full;
  }

  /**
   * Move every file written in the staging area into outDir (files 0600, directories 0700),
   * remove the temp dir, and return the final paths (sorted).
   */
  async commit(): Promise<string[]> {
    if (this.state !== 'open') {
      throw new ReportWriteError(this.outDir, undefined, `the report staging area was already ${this.state}`);
    }
    const files = (await listFiles(this.tempDir)).sort();
    const finals: string[] = [];
    for (const rel of files) {
      const from = nodePath.join(this.tempDir, rel);
      const to = nodePath.join(this.outDir, rel);
      try {
        await fsp.chmod(from, FILE_MODE);
        const parent = nodePath.dirname(to);
        if (parent !== this.outDir) await ensurePrivateDir(parent);
        await fsp.rename(from, to);
      } catch (err) {
        throw ReportWriteError.from(to, err);
      }
      finals.push(to);
    }
    this.state = 'committed';
    await fsp.rm(this.tempDir, { recursive: true, force: true }).catch(() => undefined);
    live.delete(this.tempDir);
    return finals;
  }

  /** Remove the staging area (and outDir itself when this run created it and it is empty). Never throws. */
  async abort(): Promise<void> {
    if (this.state === 'aborted') return;
    const wasOpen = this.state === 'open';
    this.state = 'aborted';
    await fsp.rm(this.tempDir, { recursive: true, force: true }).catch(() => undefined);
    live.delete(this.tempDir);
    if (wasOpen && this.createdTop) await removeEmptyChain(this.outDir, this.createdTop);
  }
}

async function ensurePrivateDir(dir: string): Promise<void> {
  const existed = await fsp
    .stat(dir)
    .then((s) => s.isDirectory())
    .catch(() => false);
  if (existed) return;
  await fsp.mkdir(dir, { recursive: true, mode: DIR_MODE });
  await fsp.chmod(dir, DIR_MODE);
}

/** Relative paths of every regular file under root. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await fsp.readdir(nodePath.join(root, prefix), { withFileTypes: true });
  for (const e of entries) {
    const rel = prefix ? nodePath.join(prefix, e.name) : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** rmdir from `dir` upwards while empty, stopping after `top` (the first directory we created). */
async function removeEmptyChain(dir: string, top: string): Promise<void> {
  let d = dir;
  for (;;) {
    try {
      await fsp.rmdir(d);
    } catch {
      return;
    }
    if (d === top) return;
    const parent = nodePath.dirname(d);
    if (parent === d) return;
    d = parent;
  }
}
