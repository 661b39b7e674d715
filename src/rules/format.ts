/** Plain-text renderings for `rules list` and `rules show ID` (no colour; the CLI may add it). */
import { Document, isScalar, visit } from 'yaml';
import { displayPath } from './errors.js';
import type { RuleSet } from './ruleset.js';
import type { RuleTable } from './types.js';

function layerName(layer: number): string {
  return layer === 0 ? 'built-in' : `client ${layer}`;
}

function range(t: RuleTable): string {
  return `${t.effectiveFrom} .. ${t.effectiveTo ?? 'open'}`;
}

function firstLine(s: string, max = 70): string {
  const l = (s.split('\n')[0] ?? '').trim();
  return l.length > max ? `${l.slice(0, max - 3)}...` : l;
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

/** One line per table version: id, version, effective range, layer, description. */
export function formatRuleList(set: RuleSet): string {
  const ts = set.tables();
  if (!ts.length) return 'No rule tables loaded.\n';
  const pins = set.pins();
  const rows = [['ID', 'VERSION', 'EFFECTIVE', 'LAYER', 'DESCRIPTION']];
  for (const t of ts) {
    const pinned = pins.get(t.id) === t ? ' (pinned)' : '';
    rows.push([t.id, t.version + pinned, range(t), layerName(t.layer), firstLine(t.description)]);
  }
  const ids = new Set(ts.map((t) => t.id)).size;
  return `${table(rows)}\n\n${ids} table${ids === 1 ? '' : 's'}, ${ts.length} version${ts.length === 1 ? '' : 's'}.\n`;
}

const MAX_ROWS = 20;
const MAX_LINES = 80;

function dataSummary(t: RuleTable): string {
  let data: unknown;
  try {
    data = t.data;
  } catch (e) {
    return `  (data cannot be read: ${(e as Error).message})\n`;
  }
  if (Array.isArray(data)) {
    const rows = data as unknown[];
    const objs = rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
    let out = `  ${rows.length} row${rows.length === 1 ? '' : 's'}`;
    if (objs.length === rows.length && objs.length > 0) {
      const cols = [...new Set(objs.flatMap((o) => Object.keys(o)))];
      out += `; columns: ${cols.join(', ')}\n`;
      const shown = objs.slice(0, MAX_ROWS).map((o) => cols.map((c) => cellText(o[c])));
      out += indent(table([cols, ...shown]));
      if (rows.length > MAX_ROWS) out += `\n  ... ${rows.length - MAX_ROWS} more`;
      return `${out}\n`;
    }
    return `${out}\n${indent(truncate(stringify(rows.slice(0, MAX_ROWS))))}\n`;
  }
  return `${indent(truncate(stringify(data)))}\n`;
}

/** YAML with lists of scalars on one line (`[5, 4, 2]`). */
function stringify(data: unknown): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100 });
}

function wrap(text: string, width = 96): string {
  const out: string[] = [];
  for (const para of text.trim().split(/\n\s*\n/)) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function truncate(s: string): string {
  const lines = s.replace(/\n$/, '').split('\n');
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return `${lines.slice(0, MAX_LINES).join('\n')}\n... ${lines.length - MAX_LINES} more lines`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/**
 * Every version of table `id`: dates, layer, file, description, sources and a data summary.
 * Returns undefined for an unknown id (the CLI reports it as a usage error, exit 2).
 */
export function formatRuleShow(set: RuleSet, id: string): string | undefined {
  const versions = set.tables().filter((t) => t.id === id);
  if (!versions.length) return undefined;
  const pin = set.pins().get(id);
  const parts: string[] = [];
  for (const t of versions) {
    let s = `${t.id} version ${t.version}${pin === t ? ' (pinned)' : ''}\n`;
    s += `  effective: ${range(t)}\n`;
    s += `  layer:     ${layerName(t.layer)}\n`;
    s += `  file:      ${displayPath(t.file)}${t.doc ? ` (document ${t.doc + 1})` : ''}\n`;
    if (t.dataFile) s += `  data file: ${displayPath(t.dataFile)}\n`;
    if (t.merge === 'append') s += `  merge:     append${t.mergeKey ? ` (key: ${t.mergeKey.join(', ')})` : ''}\n`;
    s += `\n${indent(wrap(t.description))}\n\n  Sources:\n`;
    t.sources.forEach((src, i) => {
      s += `  ${i + 1}. ${src.title}${src.quarter ? ` (${src.quarter})` : ''}\n`;
      if (src.section) s += `     section: ${src.section}\n`;
      if (src.url) s += `     ${src.url}\n`;
      if (src.file) s += `     file: ${src.file}${src.sha256 ? ` (sha256 ${src.sha256})` : ''}\n`;
      if (src.retrieved) s += `     retrieved: ${src.retrieved}\n`;
    });
    s += `\n  Data:\n${dataSummary(t)}`;
    parts.push(s);
  }
  return parts.join('\n');
}
