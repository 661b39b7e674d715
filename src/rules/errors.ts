/**
 * Configuration errors (rule files, facility.yaml, pins). The CLI turns a ConfigError into a
 * one-line message and exit code 2; library code never prints or exits.
 */
import { isAbsolute, relative } from 'node:path';

/** A problem found in a rule file or facility.yaml (what `rules validate` lists). */
export interface RuleProblem {
  /** the file the problem is in (as given to the loader; see displayPath for printing) */
  file: string;
  /** path inside the document, e.g. `data.lengths[0]`, `payers[1].policy.ndc`, `row 5, column code` */
  path?: string;
  /** 1-based line in the file when known */
  line?: number;
  /** the bare message, without file, line or path */
  message: string;
  level: 'error' | 'warning';
}

/**
 * A configuration file is wrong. `message` is complete and ready to print
 * (`rules/ndc/ndc-format.yaml:12: data.lengths[0]: expected number, received string`);
 * `file`, `path`, `line` and `detail` carry the parts for callers that format their own.
 */
export class ConfigError extends Error {
  /** 1-based line in `file` when known */
  line?: number;
  /** the bare message without location */
  detail: string;

  constructor(
    message: string,
    public file: string,
    public path?: string,
    line?: number,
  ) {
    super(formatLocation(file, path, line, message));
    this.name = 'ConfigError';
    this.detail = message;
    if (line !== undefined) this.line = line;
  }

  static fromProblem(p: RuleProblem): ConfigError {
    return new ConfigError(p.message, p.file, p.path, p.line);
  }
}

/** A path relative to the working directory when the file is inside it, else as given. */
export function displayPath(file: string): string {
  if (!file) return file;
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  return file;
}

function formatLocation(file: string, path: string | undefined, line: number | undefined, message: string): string {
  let s = displayPath(file);
  if (line !== undefined) s += `:${line}`;
  if (path) s += `${s ? ': ' : ''}${path}`;
  return s ? `${s}: ${message}` : message;
}

/** `file:line: path: message` for one problem, with a `warning: ` prefix for warnings. */
export function formatProblem(p: RuleProblem): string {
  const text = formatLocation(p.file, p.path, p.line, p.message);
  return p.level === 'warning' ? `warning: ${text}` : text;
}
