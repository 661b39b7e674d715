/**
 * YAML with locations: parse a file (one or several `---` documents), keep the node tree so a
 * problem found later (by zod) can be reported with its line, and turn zod issues into
 * RuleProblems with readable paths (`data.lengths[0]`, `payers[1].policy.ndc`).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import type { z } from 'zod';
import type { RuleProblem } from './errors.js';

export type DocPath = readonly PropertyKey[];

export interface YamlDoc {
  /** 0-based index of the document in its file */
  index: number;
  /** plain JS value of the document (null when empty) */
  value: unknown;
  /** 1-based line of the node at `path` (of the key itself when `key` is given), or of its deepest existing ancestor */
  locate(path: DocPath, key?: string): number | undefined;
}

/** Parse YAML text; syntax errors become problems (the documents parsed so far are still returned). */
export function parseYamlDocs(text: string, file: string): { docs: YamlDoc[]; problems: RuleProblem[] } {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lc });
  const problems: RuleProblem[] = [];
  const docs: YamlDoc[] = [];
  const list = Array.isArray(parsed) ? parsed : [parsed];
  list.forEach((doc, index) => {
    // Report the first syntax error of a document: the ones after it are usually its echoes.
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      const p: RuleProblem = { file, message: `YAML syntax: ${stripYamlPosition(err.message)}`, level: 'error' };
      if (line !== undefined) p.line = line;
      problems.push(p);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    docs.push({ index, value, locate: (path, key) => locateNode(doc, lc, path, key) });
  });
  return { docs, problems };
}

function stripYamlPosition(message: string): string {
  const m = /^([\s\S]*?) at line \d+, column \d+:/.exec(message);
  return (m?.[1] ?? message.split('\n')[0] ?? message).trim();
}

function locateNode(doc: Document, lc: LineCounter, path: DocPath, key?: string): number | undefined {
  let node: unknown = doc.contents;
  let best: unknown = node;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === String(seg));
      if (!pair) break;
      best = pair.value ?? pair.key;
      node = pair.value;
      if (!pair.value) break;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      node = item;
      best = item;
    } else {
      break;
    }
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === key);
    if (pair && pair.key) best = pair.key;
  }
  const range = (best as Node | null | undefined)?.range;
  if (!range) return undefined;
  return lc.linePos(range[0]).line;
}

function scalarKey(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return undefined;
}

/** `data.lengths[0]`, `severity["ndc.malformed"]` */
export function formatPath(path: DocPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else {
      const k = String(seg);
      if (/^[A-Za-z_$][\w$-]*$/.test(k)) s += s ? `.${k}` : k;
      else s += `[${JSON.stringify(k)}]`;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// zod issues -> problems

/** The parts of zod 4's schema internals we walk to list allowed keys (best effort, read only). */
interface ZodDefLike {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  valueType?: unknown;
  options?: unknown[];
  items?: unknown[];
}
function defOf(s: unknown): ZodDefLike | undefined {
  const z = (s as { _zod?: { def?: ZodDefLike } } | undefined)?._zod;
  return z?.def;
}
function unwrap(s: unknown): unknown {
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (!d) return s;
    if (d.innerType !== undefined) s = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) s = d.in;
    else return s;
  }
  return s;
}
function keysAt(schema: unknown, path: DocPath): string[] | undefined {
  let s = unwrap(schema);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const d = defOf(s);
    if (!d) return undefined;
    if (d.type === 'union' && d.options) {
      for (const o of d.options) {
        const r = keysAt(o, path.slice(i));
        if (r) return r;
      }
      return undefined;
    }
    if (d.type === 'object' && d.shape) s = d.shape[String(seg)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'tuple' && d.items && typeof seg === 'number') s = d.items[seg];
    else return undefined;
    s = unwrap(s);
  }
  const d = defOf(s);
  if (d?.type === 'union' && d.options) {
    for (const o of d.options) {
      const od = defOf(unwrap(o));
      if (od?.type === 'object' && od.shape) return Object.keys(od.shape);
    }
  }
  if (d?.type === 'object' && d.shape) return Object.keys(d.shape);
  return undefined;
}

function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[n] ?? 0;
}

function unknownKeyMessage(key: string, allowed: string[] | undefined): string {
  let msg = `unknown key "${key}"`;
  if (allowed && allowed.length) {
    const lower = key.toLowerCase();
    const close = allowed
      .map((k) => ({ k, d: editDistance(lower, k.toLowerCase()) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(key.length / 3)))
      .sort((a, b) => a.d - b.d)[0];
    if (close) msg += ` (did you mean "${close.k}"?)`;
    msg += `; allowed: ${allowed.join(', ')}`;
  }
  return msg;
}

function cleanMessage(issue: z.core.$ZodIssue): string {
  let m = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(m)) m = `required (${m.replace(/, received undefined$/, '')})`;
  return m;
}

export interface IssueContext {
  file: string;
  /** prefix of every issue path (e.g. ['data'] when validating only the data block) */
  prefix?: DocPath;
  /** where to find lines; omitted for non-YAML data */
  doc?: YamlDoc;
  /** schema the issues came from (to list allowed keys for unknown-key issues) */
  schema?: unknown;
  /** custom path renderer (CSV rows) */
  renderPath?: (path: DocPath) => string;
  /** custom line finder (CSV rows) */
  lineOf?: (path: DocPath) => number | undefined;
  level?: 'error' | 'warning';
}

/** One problem per issue (one per unknown key), with path and line. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): RuleProblem[] {
  const out: RuleProblem[] = [];
  const prefix = ctx.prefix ?? [];
  const render = ctx.renderPath ?? formatPath;
  for (const issue of issues) {
    const local = issue.path as DocPath;
    const full = [...prefix, ...local];
    if (issue.code === 'unrecognized_keys') {
      const allowed = ctx.schema ? keysAt(ctx.schema, local) : undefined;
      for (const key of issue.keys) {
        const p = [...full, key];
        out.push({
          file: ctx.file,
          path: render(p),
          line: ctx.lineOf ? ctx.lineOf(p) : ctx.doc?.locate(full, key),
          message: unknownKeyMessage(key, allowed),
          level: ctx.level ?? 'error',
        });
      }
      continue;
    }
    out.push({
      file: ctx.file,
      path: render(full) || undefined,
      line: ctx.lineOf ? ctx.lineOf(full) : ctx.doc?.locate(full),
      message: cleanMessage(issue),
      level: ctx.level ?? 'error',
    });
  }
  for (const p of out) {
    if (p.line === undefined) delete p.line;
    if (p.path === undefined) delete p.path;
  }
  // A misspelt key usually explains a "required" issue next to it: report unknown keys first.
  const unknown = out.filter((p) => p.message.startsWith('unknown key'));
  return unknown.length ? [...unknown, ...out.filter((p) => !p.message.startsWith('unknown key'))] : out;
}
