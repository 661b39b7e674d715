/**
 * facility.yaml: who the hospital is (setting, 340B designation over time), how each payer name in
 * the claims maps to a payer type and policy, rule-version pins and per-check severity overrides.
 * Keys and defaults are documented in rules/README.md ("facility.yaml").
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CATEGORIES } from '../model.js';
import type { Category, Severity } from '../model.js';
import { isoDate } from './dates.js';
import { ConfigError } from './errors.js';
import type { RuleProblem } from './errors.js';
import { formatPath, issuesToProblems, parseYamlDocs } from './yaml-doc.js';
import type { YamlDoc } from './yaml-doc.js';

export const ENTITY_340B_TYPES = ['none', 'dsh', 'rrc', 'urban_sch', 'rural_sch', 'childrens', 'cancer', 'cah', 'grantee'] as const;
export type Entity340b = (typeof ENTITY_340B_TYPES)[number];

export const PAYER_TYPES = ['medicare', 'medicare_advantage', 'medicaid', 'commercial', 'other'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

const modifierCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z0-9]{2}$/.test(s), { message: 'expected a 2-character modifier such as UD' });

/** `payers[].policy` as written: every key optional; unknown keys rejected. */
export const policyInputSchema = z.strictObject({
  /** NDC on drug lines (drug-billing.md section 4) */
  ndc: z.enum(['required', 'expected', 'not-required', 'noc-only']).optional(),
  /** JW/JZ waste modifiers (drug-billing.md section 9) */
  jwjz: z.enum(['required', 'jw-only', 'not-required']).optional(),
  /** apply the Medicare outpatient hospital MUE table (drug-billing.md section 3) */
  mue: z.enum(['medicare', 'none']).optional(),
  /** JG/TB 340B modifiers (340b-and-billing-model.md section 3) */
  modifiers340b: z.enum(['medicare', 'medicare-warn', 'none']).optional(),
  /** Medicaid 340B carve-in/out and state identifier (340b-and-billing-model.md section 6) */
  medicaid340b: z
    .strictObject({
      carve: z.enum(['in', 'out']),
      modifier: modifierCode.optional(),
      position: z.enum(['first', 'any']).default('any'),
      non340bModifier: modifierCode.nullable().default(null),
      managedCare: z.boolean().default(false),
    })
    .optional(),
  /** how a white/brown-bagged drug is billed (340b-and-billing-model.md section 8) */
  bag: z
    .strictObject({
      drugLine: z.enum(['none', 'penny', 'named', 'any']).default('any'),
      modifier: modifierCode.optional(),
    })
    .optional(),
  /** prior authorization scope (authorization.md section 2) */
  priorAuth: z.enum(['none', 'listed', 'specialty']).optional(),
  /** periods exempt from the Medicare OPD prior-authorization list */
  opdPaExempt: z.array(z.strictObject({ from: isoDate, to: isoDate.nullable().default(null) })).optional(),
  /** JW units count against authorized units */
  authCountsWaste: z.boolean().optional(),
  /** days a payer accepts a retro authorization (named in the `expected` text) */
  retroAuthDays: z.number().int().min(0).optional(),
  /** per-visit authorized dose tolerance, a fraction (0.10 = 10 %) */
  authDoseTolerance: z.number().min(0).max(10).optional(),
  /** days before an authorization's end date that a renewal is due */
  renewalLeadDays: z.number().int().min(0).optional(),
  /** site-of-care programs: auto (programs whose payerMatch matches), none, or a list of program ids */
  siteOfCare: z
    .union([z.enum(['auto', 'none']), z.array(z.string().min(1)).min(1)], {
      error: 'expected auto, none or a list of program ids',
    })
    .optional(),
  /** days of history needed before a first observed dose counts as a first dose */
  siteOfCareLookbackDays: z.number().int().min(0).optional(),
  /** hydration pieces under 31 minutes each (before and after a drug): added together, or each judged alone (administration-coding.md, Our decisions) */
  hydrationPieces: z.enum(['add', 'separate']).optional(),
  /** the modifier this payer wants on a second initial service at a separate access site */
  separateSiteModifier: modifierCode.optional(),
});
export type PayerPolicyInput = z.output<typeof policyInputSchema>;

/** The policy in effect for a payer: what facility.yaml says, else the default for its payer type. */
export interface PayerPolicy {
  ndc: 'required' | 'expected' | 'not-required' | 'noc-only';
  jwjz: 'required' | 'jw-only' | 'not-required';
  mue: 'medicare' | 'none';
  modifiers340b: 'medicare' | 'medicare-warn' | 'none';
  /** undefined = not configured (340b.medicaid-unconfigured) */
  medicaid340b?: {
    carve: 'in' | 'out';
    modifier?: string;
    position: 'first' | 'any';
    non340bModifier: string | null;
    managedCare: boolean;
  };
  bag: { drugLine: 'none' | 'penny' | 'named' | 'any'; modifier?: string };
  priorAuth: 'none' | 'listed' | 'specialty';
  opdPaExempt: { from: string; to: string | null }[];
  authCountsWaste: boolean;
  /** undefined = unknown */
  retroAuthDays?: number;
  authDoseTolerance: number;
  renewalLeadDays: number;
  siteOfCare: 'auto' | 'none' | string[];
  siteOfCareLookbackDays: number;
  hydrationPieces: 'add' | 'separate';
  separateSiteModifier: string;
}

/** Defaults per payer type, from the domain notes' tables. */
export function defaultPolicy(type: PayerType): PayerPolicy {
  const medicare = type === 'medicare';
  return {
    ndc: type === 'medicaid' ? 'required' : type === 'medicare_advantage' || type === 'commercial' ? 'expected' : 'not-required',
    jwjz: medicare ? 'required' : 'not-required',
    mue: medicare ? 'medicare' : 'none',
    modifiers340b: medicare ? 'medicare' : type === 'medicare_advantage' ? 'medicare-warn' : 'none',
    bag: { drugLine: 'any' },
    priorAuth: medicare ? 'listed' : type === 'other' ? 'none' : 'specialty',
    opdPaExempt: [],
    authCountsWaste: true,
    authDoseTolerance: 0.1,
    renewalLeadDays: 30,
    siteOfCare: type === 'commercial' ? 'auto' : 'none',
    siteOfCareLookbackDays: 90,
    hydrationPieces: 'add',
    separateSiteModifier: 'XU',
  };
}

function mergePolicy(type: PayerType, input: PayerPolicyInput): PayerPolicy {
  const p = defaultPolicy(type);
  for (const [k, v] of Object.entries(input)) {
    if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
  }
  return p;
}

export interface PayerEntry {
  /** as written: a case-insensitive substring, or `/regex/flags` */
  match: string;
  type: PayerType;
  /** the effective policy (written keys over the type's defaults) */
  policy: PayerPolicy;
  /** only the keys facility.yaml set */
  policyInput: PayerPolicyInput;
  /** 0-based position in `payers` */
  index: number;
  /** line in facility.yaml, when loaded from a file */
  line?: number;
}

export interface Entity340bPeriod {
  type: Entity340b;
  from?: string;
  to?: string;
}

export type ChargeCapture = 'administration' | 'dispense' | 'mixed';

export interface Facility {
  name: string;
  setting: 'hopd' | 'office';
  /** one undated entry, or a dated list (sorted by from, non-overlapping) */
  entity340b: Entity340bPeriod[];
  payers: PayerEntry[];
  /** rule-table pins: id -> version */
  rules: Record<string, string>;
  /** per-check (rule id) or per-category severity overrides; `off` disables */
  severity: Record<string, Severity | 'off'>;
  /** how drugs are charged; changes only the likely-cause wording of charge-capture messages */
  chargeCapture: ChargeCapture;
  /** the facility.yaml read, absent for defaultFacility() */
  file?: string;
}

const entityEnum = z.enum(ENTITY_340B_TYPES);
const entityListSchema = z
  .array(z.strictObject({ type: entityEnum, from: isoDate.optional(), to: isoDate.optional() }))
  .min(1, 'a dated entity_340b list needs at least one entry');

const severityKey = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

const versionValue = z
  .union([z.string().min(1), z.number().int().nonnegative()], { error: 'expected a version string' })
  .transform(String);

export const facilitySchema = z.strictObject({
  name: z.string().default(''),
  setting: z.enum(['hopd', 'office']).default('hopd'),
  /** a type, or a dated list; checked separately for clearer messages */
  entity_340b: z.unknown().optional(),
  payers: z
    .array(
      z.strictObject({
        match: z.string().trim().min(1, 'required'),
        type: z.enum(PAYER_TYPES),
        policy: policyInputSchema.optional(),
      }),
    )
    .default([]),
  rules: z.record(z.string(), versionValue).default({}),
  severity: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).default({}),
  chargeCapture: z.enum(['administration', 'dispense', 'mixed']).default('mixed'),
});

/** Facility used when there is no facility.yaml: HOPD, no 340B, no payers (every payer `other`). */
export function defaultFacility(): Facility {
  return { name: '', setting: 'hopd', entity340b: [{ type: 'none' }], payers: [], rules: {}, severity: {}, chargeCapture: 'mixed' };
}

/** The 340B designation on `date` (YYYY-MM-DD); `none` when no entry covers it. */
export function entity340bOn(f: Facility, date: string): Entity340b {
  for (const e of f.entity340b) {
    if ((e.from === undefined || e.from <= date) && (e.to === undefined || date <= e.to)) return e.type;
  }
  return 'none';
}

/** The override for a check: by rule id, else by its category; undefined = keep the check's own. */
export function severityOverride(f: Facility, ruleId: string, category?: Category): Severity | 'off' | undefined {
  return f.severity[ruleId] ?? (category ? f.severity[category] : undefined);
}

/** Compile a payer `match`; throws SyntaxError for an invalid regular expression. */
export function compileMatch(match: string): (name: string) => boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(match);
  if (re) {
    // Always case-insensitive (SPEC); stateful flags would make test() alternate between calls.
    const flags = [...new Set(`${re[2] ?? ''}i`.replace(/[gy]/g, ''))].join('');
    const rx = new RegExp(re[1] ?? '', flags);
    return (name) => rx.test(name);
  }
  const needle = normaliseName(match).toLowerCase();
  return (name) => name.toLowerCase().includes(needle);
}

function normaliseName(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** Read and validate facility.yaml; throws ConfigError (file, key path, line) on the first problem. */
export async function loadFacility(path: string): Promise<Facility> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read facility file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, path);
  }
  const problems: RuleProblem[] = [];
  const f = parseFacilityText(text, path, problems);
  const first = problems.find((p) => p.level === 'error');
  if (first || !f) throw ConfigError.fromProblem(first ?? { file: path, message: 'invalid facility file', level: 'error' });
  return f;
}

/** Parse facility YAML text, pushing every problem found; returns the facility when there were none. */
export function parseFacilityText(text: string, file: string, problems: RuleProblem[]): Facility | undefined {
  const { docs, problems: syntax } = parseYamlDocs(text, file);
  problems.push(...syntax);
  if (syntax.length) return undefined;
  if (docs.length > 1) {
    problems.push({ file, line: docs[1]?.locate([]), message: 'facility.yaml must hold one YAML document', level: 'error' });
    return undefined;
  }
  const doc = docs[0];
  const value = doc?.value ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ file, line: doc?.locate([]), message: 'facility.yaml must be a mapping of keys (name, setting, entity_340b, payers, ...)', level: 'error' });
    return undefined;
  }
  const res = facilitySchema.safeParse(value);
  if (!res.success) {
    problems.push(...issuesToProblems(res.error.issues, { file, doc, schema: facilitySchema }));
    return undefined;
  }
  const v = res.data;
  const before = problems.length;
  const entity340b = parseEntity(v.entity_340b, file, doc, problems);

  const payers: PayerEntry[] = [];
  v.payers.forEach((p, i) => {
    const line = doc?.locate(['payers', i]);
    try {
      compileMatch(p.match);
    } catch (e) {
      problems.push({ file, path: formatPath(['payers', i, 'match']), line: doc?.locate(['payers', i, 'match']), message: `invalid regular expression: ${(e as Error).message}`, level: 'error' });
    }
    const input = p.policy ?? {};
    const entry: PayerEntry = { match: p.match, type: p.type, policy: mergePolicy(p.type, input), policyInput: input, index: i };
    if (line !== undefined) entry.line = line;
    payers.push(entry);
  });

  for (const key of Object.keys(v.severity)) {
    const path = ['severity', key];
    if (!severityKey.test(key)) {
      problems.push({ file, path: formatPath(path), line: doc?.locate(['severity'], key), message: 'expected a rule id such as ndc.malformed, or a category', level: 'error' });
    } else if (!key.includes('.') && !(CATEGORIES as readonly string[]).includes(key)) {
      problems.push({ file, path: formatPath(path), line: doc?.locate(['severity'], key), message: `"${key}" is neither a rule id (category.name) nor a category (${CATEGORIES.join(', ')})`, level: 'error' });
    }
  }
  if (problems.length > before) return undefined;
  return {
    name: v.name,
    setting: v.setting,
    entity340b,
    payers,
    rules: v.rules,
    severity: v.severity,
    chargeCapture: v.chargeCapture,
    file,
  };
}

function parseEntity(raw: unknown, file: string, doc: YamlDoc | undefined, problems: RuleProblem[]): Entity340bPeriod[] {
  if (raw === undefined || raw === null) return [{ type: 'none' }];
  if (!Array.isArray(raw)) {
    const r = entityEnum.safeParse(raw);
    if (!r.success) {
      problems.push(...issuesToProblems(r.error.issues, { file, doc, prefix: ['entity_340b'] }));
      return [];
    }
    return [{ type: r.data }];
  }
  const r = entityListSchema.safeParse(raw);
  if (!r.success) {
    problems.push(...issuesToProblems(r.error.issues, { file, doc, prefix: ['entity_340b'], schema: entityListSchema }));
    return [];
  }
  const list = r.data.map((e, i) => ({ e, i }));
  for (const { e, i } of list) {
    if (e.from && e.to && e.to < e.from) {
      problems.push({ file, path: formatPath(['entity_340b', i, 'to']), line: doc?.locate(['entity_340b', i, 'to']), message: `to ${e.to} is before from ${e.from}`, level: 'error' });
    }
  }
  const sorted = [...list].sort((a, b) => ((a.e.from ?? '') < (b.e.from ?? '') ? -1 : (a.e.from ?? '') > (b.e.from ?? '') ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1];
    const b = sorted[k];
    if (!a || !b) continue;
    if ((a.e.to ?? '9999-12-31') >= (b.e.from ?? '0000-01-01')) {
      problems.push({
        file,
        path: formatPath(['entity_340b', b.i]),
        line: doc?.locate(['entity_340b', b.i]),
        message: `period ${b.e.from ?? '(open)'}..${b.e.to ?? '(open)'} overlaps entry ${a.i + 1} (${a.e.from ?? '(open)'}..${a.e.to ?? '(open)'})`,
        level: 'error',
      });
    }
  }
  return sorted.map(({ e }) => {
    const p: Entity340bPeriod = { type: e.type };
    if (e.from) p.from = e.from;
    if (e.to) p.to = e.to;
    return p;
  });
}

export interface ResolvedPayer {
  type: PayerType;
  policy: PayerPolicy;
  /** the facility.yaml entry that matched; absent when none did (type `other`) */
  entry?: PayerEntry;
}

/**
 * Maps claim payer names to facility.yaml entries: first matching entry wins; no match = `other`
 * with the default policy, and the name is remembered for the report. Cached per name.
 */
export class PayerResolver {
  private readonly matchers: { entry: PayerEntry; test: (name: string) => boolean }[];
  private readonly cache = new Map<string, ResolvedPayer>();
  private readonly missed = new Map<string, string>();
  private readonly other: ResolvedPayer = { type: 'other', policy: defaultPolicy('other') };

  constructor(f: Facility) {
    this.matchers = f.payers.map((entry) => {
      try {
        return { entry, test: compileMatch(entry.match) };
      } catch (e) {
        throw new ConfigError(`invalid regular expression: ${(e as Error).message}`, f.file ?? 'facility.yaml', formatPath(['payers', entry.index, 'match']), entry.line);
      }
    });
  }

  resolve(payerName: string): ResolvedPayer {
    const hit = this.cache.get(payerName);
    if (hit) return hit;
    const name = normaliseName(payerName);
    let r: ResolvedPayer | undefined;
    for (const m of this.matchers) {
      if (m.test(name)) {
        r = { type: m.entry.type, policy: m.entry.policy, entry: m.entry };
        break;
      }
    }
    if (!r) {
      r = this.other;
      const key = name.toLowerCase();
      if (name && !this.missed.has(key)) this.missed.set(key, name);
    }
    this.cache.set(payerName, r);
    return r;
  }

  /** Payer names that matched no entry, each once (first spelling seen), sorted. */
  unmatched(): string[] {
    return [...this.missed.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
