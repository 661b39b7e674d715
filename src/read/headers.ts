/**
 * Header mapping: export headers -> canonical columns, once per file.
 *
 * Order of precedence: the profile's `columns` map (export header -> canonical), then the
 * canonical name itself and its aliases (columns.ts). A canonical column claimed by the profile
 * is not claimed again by an alias: the other header is then an unknown (passed-through) column.
 * Two headers claiming the same column otherwise is an InputError naming both, except repeated
 * modifier headers ("Mod", "Mod", "Mod"), which fill modifier_1..modifier_4 in order.
 */
import type { InputKind } from '../model.js';
import { COLUMNS, type ColumnDef } from './columns.js';
import { InputError, type KindMapping } from './types.js';

/** Case-, accent-, space- and punctuation-insensitive key: "HCPCS/CPT" -> "hcpcscpt". */
export function normaliseHeader(h: string): string {
  let s = h.toLowerCase();
  // fast path: plain ASCII letters/digits only
  if (/^[a-z0-9]*$/.test(s)) return s;
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '');
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

const aliasIndex = new Map<InputKind, Map<string, ColumnDef>>();

/** normalised alias -> column, per kind (built once). */
export function aliasesOf(kind: InputKind): Map<string, ColumnDef> {
  let m = aliasIndex.get(kind);
  if (!m) {
    m = new Map();
    for (const def of COLUMNS[kind]) {
      for (const a of [def.name, ...def.aliases]) m.set(normaliseHeader(a), def);
    }
    aliasIndex.set(kind, m);
  }
  return m;
}

export interface HeaderMap {
  /** canonical column -> cell index */
  columns: Partial<Record<string, number>>;
  /** canonical column -> header text as exported */
  headerOf: Partial<Record<string, string>>;
  unknownColumns: string[];
}

/** "column 3" for CSV, "column C" for XLSX. */
export function columnLabel(index: number, format: 'csv' | 'xlsx'): string {
  if (format === 'csv') return `column ${index + 1}`;
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `column ${s}`;
}

export function mapHeaders(
  kind: InputKind,
  header: string[],
  mapping: KindMapping | undefined,
  where: { label: string; file: string; headerRow: number; format: 'csv' | 'xlsx' },
): HeaderMap {
  const aliases = aliasesOf(kind);
  const profile = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) profile.set(normaliseHeader(from), to);

  const columns: Partial<Record<string, number>> = {};
  const headerOf: Partial<Record<string, string>> = {};
  const unknownColumns: string[] = [];
  const viaProfile = new Set<string>();
  const claimed: (string | undefined)[] = new Array(header.length);

  const duplicate = (name: string, first: number, second: number): never => {
    const a = header[first] ?? '';
    const b = header[second] ?? '';
    throw new InputError(
      `${where.label} row ${where.headerRow}: headers "${a}" (${columnLabel(first, where.format)}) and "${b}" ` +
        `(${columnLabel(second, where.format)}) both map to the column ${name}; ` +
        `rename one of them or map them explicitly in a --profile`,
      where.file,
      where.headerRow,
      name,
    );
  };

  // 1. the profile
  header.forEach((h, i) => {
    const to = profile.get(normaliseHeader(h));
    if (to === undefined) return;
    const prev = columns[to];
    if (prev !== undefined) duplicate(to, prev, i);
    columns[to] = i;
    headerOf[to] = h;
    viaProfile.add(to);
    claimed[i] = to;
  });

  // 2. canonical names and aliases
  const repeatedModifiers: number[] = [];
  header.forEach((h, i) => {
    if (claimed[i] !== undefined) return;
    const key = normaliseHeader(h);
    if (key.length === 0) return; // blank header cell: nothing to map, nothing to report
    const def = aliases.get(key);
    if (!def || viaProfile.has(def.name)) {
      unknownColumns.push(h);
      return;
    }
    const prev = columns[def.name];
    if (prev !== undefined) {
      if (def.name === 'modifiers' && normaliseHeader(header[prev] ?? '') === key) {
        repeatedModifiers.push(i);
        return;
      }
      duplicate(def.name, prev, i);
    }
    columns[def.name] = i;
    headerOf[def.name] = h;
    claimed[i] = def.name;
  });

  // repeated "Modifier" headers -> modifier_1..4
  if (repeatedModifiers.length > 0) {
    const first = columns.modifiers!;
    const all = [first, ...repeatedModifiers];
    const clash = [1, 2, 3, 4].find((n) => columns[`modifier_${n}`] !== undefined);
    if (all.length > 4 || clash !== undefined) duplicate('modifiers', first, repeatedModifiers[0]!);
    delete columns.modifiers;
    delete headerOf.modifiers;
    all.forEach((idx, n) => {
      columns[`modifier_${n + 1}`] = idx;
      headerOf[`modifier_${n + 1}`] = header[idx] ?? '';
    });
  }

  const missing = COLUMNS[kind].filter((d) => d.required && columns[d.name] === undefined);
  if (missing.length > 0) {
    const found = header.filter((h) => h.trim().length > 0).map((h) => `"${h}"`);
    const parts = missing.map((d) => {
      const accepted = d.aliases.slice(0, 6).map((a) => `"${a}"`).join(', ');
      return `${d.name} (also accepted: ${accepted}${d.aliases.length > 6 ? ', ...' : ''})`;
    });
    const what = missing.length === 1 ? 'required column is' : 'required columns are';
    throw new InputError(
      `${where.label} row ${where.headerRow}: ${what} missing: ${parts.join('; ')}. ` +
        `Headers found: ${found.length > 0 ? found.join(', ') : '(none)'}. ` +
        `Rename the header or map it in a --profile.`,
      where.file,
      where.headerRow,
      missing[0]!.name,
    );
  }
  return { columns, headerOf, unknownColumns };
}
