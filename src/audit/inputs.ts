import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_KINDS, type InputKind } from '../model.js';

/** A problem with how the command was called (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface InputPaths {
  files: Partial<Record<InputKind, string>>;
  facility?: string;
}

const EXTENSIONS = ['.csv', '.xlsx'];

/**
 * Inputs given by flag win; the rest are discovered in DIR by name (`claims.csv`, `mar.xlsx`,
 * `facility.yaml` ...). Two candidates for one kind (claims.csv and claims.xlsx) is an error.
 */
export function resolveInputs(
  dir: string | undefined,
  flags: Partial<Record<InputKind | 'facility', string | undefined>>,
): InputPaths {
  const files: Partial<Record<InputKind, string>> = {};
  let entries: string[] = [];
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a directory`);
    entries = readdirSync(dir);
  }
  for (const kind of INPUT_KINDS) {
    const flagged = flags[kind];
    if (flagged !== undefined) {
      if (!existsSync(flagged)) throw new UsageError(`${flagged}: no such file (given as --${kind})`);
      files[kind] = flagged;
      continue;
    }
    const found = entries.filter((e) => EXTENSIONS.some((x) => e.toLowerCase() === kind + x));
    if (found.length > 1) {
      throw new UsageError(`${dir}: both ${found.join(' and ')} exist; name the ${kind} input with --${kind}`);
    }
    if (found[0] !== undefined && dir !== undefined) files[kind] = join(dir, found[0]);
  }
  const out: InputPaths = { files };
  if (flags.facility !== undefined) {
    if (!existsSync(flags.facility)) throw new UsageError(`${flags.facility}: no such file (given as --facility)`);
    out.facility = flags.facility;
  } else if (dir !== undefined) {
    const f = entries.find((e) => e === 'facility.yaml' || e === 'facility.yml');
    if (f !== undefined) out.facility = join(dir, f);
  }
  if (files.claims === undefined) {
    throw new UsageError(
      dir !== undefined
        ? `${dir}: no claims input (claims.csv or claims.xlsx); give one with --claims FILE`
        : 'no claims input: give a DIR holding claims.csv or claims.xlsx, or --claims FILE',
    );
  }
  return out;
}
