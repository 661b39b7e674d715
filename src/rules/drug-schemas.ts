/**
 * Data schema of the `drug-catalog` rule table (rules/drugs/drug-catalog.yaml + .csv) and the name
 * normalisation the catalog index and this schema share (so "no alias maps to two different
 * generics" is checked with exactly the keys the resolver looks up).
 *
 * Registered from schemas.ts. This module must not import schemas.ts: schemas.ts imports it, and a
 * cycle would evaluate this file before schemas.ts has initialised its registry.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Name tokens

/** One word of a drug text. `joined`: the word was hyphen-joined to the previous one ("infliximab-dyyb"). */
export interface NameToken {
  t: string;
  joined: boolean;
}

const WORD = /\d+\/\d+|[a-z0-9.%]+(?:-[a-z0-9.%]+)*/g;

/**
 * Split drug text into lower-case words: punctuation and brackets separate words, apostrophes are
 * dropped ("Ringer's" = "ringers"), hyphenated words become several tokens marked `joined`,
 * `0.9%` and fractions such as `1/2` stay one token, accents are removed.
 */
export function nameTokens(text: string): NameToken[] {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['\u2018\u2019`]/g, '');
  const out: NameToken[] = [];
  for (const m of s.matchAll(WORD)) {
    const word = m[0];
    if (word.includes('/')) {
      out.push({ t: word, joined: false });
      continue;
    }
    let first = true;
    for (const part of word.split('-')) {
      const t = part.replace(/^\.+|\.+$/g, '');
      if (t === '') continue;
      out.push({ t, joined: !first });
      first = false;
    }
  }
  return out;
}

/** The lookup key of a name: its tokens joined by one space ("5-FU" -> "5 fu", "Ringer's" -> "ringers"). */
export function nameKey(text: string): string {
  return nameTokens(text)
    .map((x) => x.t)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A `|`-separated list cell: items trimmed, empty items dropped. */
const list = z.string().transform((s) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x !== ''),
);

const yesNo = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase();
  if (v === '' || ['no', 'n', 'false', '0'].includes(v)) return false;
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  ctx.addIssue({ code: 'custom', message: `expected yes or no, got "${s}"` });
  return z.NEVER;
});

const positiveNumber = z.string().transform((s, ctx) => {
  const n = s.trim() === '' ? Number.NaN : Number(s.replace(/,/g, ''));
  if (!Number.isFinite(n) || n <= 0) {
    ctx.addIssue({ code: 'custom', message: `expected a positive number, got "${s}"` });
    return z.NEVER;
  }
  return n;
});

const optionalText = z.string().transform((s) => (s.trim() === '' ? undefined : s.trim()));

export const DRUG_UNITS = ['mg', 'mcg', 'g', 'units', 'mL', 'mEq'] as const;
export const DRUG_CONTAINERS = ['single-dose', 'multi-dose', 'mixed', 'unknown'] as const;
export const DRUG_CLASSES = ['chemo', 'therapeutic', 'hydration'] as const;
export const DRUG_ROUTES = ['IV', 'SC', 'IM'] as const;

/** One CSV row of the catalog, as text cells, converted to a typed drug. */
export const drugRowSchema = z
  .strictObject({
    /** HCPCS Level II drug code */
    hcpcs: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => /^[A-Z]\d{4}$/.test(s), { message: 'expected a HCPCS Level II code such as J9271' }),
    /** the molecule, lower case; biosimilars carry the reference product's name (infliximab, not infliximab-dyyb) */
    generic: z.string().min(1, 'required'),
    brands: list,
    /** other names: nonproprietary names with a suffix, abbreviations (5-FU, NS), salts */
    aliases: list,
    /** amount of one HCPCS billing unit (the descriptor's dosage) */
    unit_size: positiveNumber,
    unit: z.enum(DRUG_UNITS),
    /** the descriptor reads "up to" the amount (J1200 up to 50 mg; J7120 up to 1000 cc) */
    up_to: yesNo,
    /** container of the products under the code, from labels; `mixed` = both; `unknown` = not verified */
    container: z.enum(DRUG_CONTAINERS),
    admin_class: z.enum(DRUG_CLASSES),
    /** hormonal anti-neoplastic (SC/IM chemo is 96402 instead of 96401) */
    hormonal: yesNo,
    routes: list.pipe(z.array(z.enum(DRUG_ROUTES)).min(1, 'at least one route')),
    /** a fluid's concentration ("0.9%"): a text naming another percentage is not this drug */
    strength: optionalText,
    /** phrases that mean another product (Darzalex Faspro is not IV Darzalex): a text with one is not this drug */
    excludes: list,
    example_ndc: optionalText,
    description: z.string().min(1, 'required'),
    /** where the code, unit size and class come from */
    source: z.string().min(1, 'required'),
    /** where the container comes from (required unless container is unknown) */
    container_source: optionalText,
  })
  .superRefine((r, ctx) => {
    if (r.container !== 'unknown' && r.container_source === undefined) {
      ctx.addIssue({ code: 'custom', path: ['container_source'], message: `container "${r.container}" needs a container_source` });
    }
    if (r.strength !== undefined && !/^\d*\.?\d+%$/.test(r.strength)) {
      ctx.addIssue({ code: 'custom', path: ['strength'], message: `expected a percentage such as 0.9%, got "${r.strength}"` });
    }
    for (const [col, names] of [['generic', [r.generic]], ['brands', r.brands], ['aliases', r.aliases], ['excludes', r.excludes]] as const) {
      names.forEach((n) => {
        if (nameKey(n) === '') ctx.addIssue({ code: 'custom', path: [col], message: `"${n}" has no letters or digits` });
      });
    }
  })
  .transform((r) => {
    const d: CatalogDrug = {
      hcpcs: r.hcpcs,
      generic: r.generic.trim().toLowerCase(),
      brands: r.brands,
      aliases: r.aliases,
      unitSize: r.unit_size,
      unit: r.unit,
      upTo: r.up_to,
      container: r.container,
      adminClass: r.admin_class,
      hormonal: r.hormonal,
      routes: r.routes,
      excludes: r.excludes,
      description: r.description,
      source: r.source,
    };
    if (r.strength !== undefined) d.strength = r.strength;
    if (r.example_ndc !== undefined) d.exampleNdc = r.example_ndc;
    if (r.container_source !== undefined) d.containerSource = r.container_source;
    return d;
  });

export interface CatalogDrug {
  hcpcs: string;
  generic: string;
  brands: string[];
  aliases: string[];
  unitSize: number;
  unit: (typeof DRUG_UNITS)[number];
  upTo: boolean;
  container: (typeof DRUG_CONTAINERS)[number];
  adminClass: (typeof DRUG_CLASSES)[number];
  hormonal: boolean;
  routes: (typeof DRUG_ROUTES)[number][];
  strength?: string;
  excludes: string[];
  exampleNdc?: string;
  description: string;
  source: string;
  containerSource?: string;
}

/** Every name a drug is known by: generic, brands, aliases. */
export function drugNames(d: Pick<CatalogDrug, 'generic' | 'brands' | 'aliases'>): string[] {
  return [d.generic, ...d.brands, ...d.aliases];
}

/**
 * `drug-catalog`: infusion-center drugs by HCPCS. Each code once; a name (after normalisation)
 * may belong to several codes only when they share the generic (biosimilars, IVIG brands, saline
 * bag sizes): such a name resolves to the set, never to one guess.
 */
export const drugCatalogSchema = z
  .array(drugRowSchema)
  .min(1)
  .superRefine((rows, ctx) => {
    const codes = new Map<string, number>();
    const owner = new Map<string, { generic: string; row: number; name: string }>();
    rows.forEach((d, i) => {
      const prev = codes.get(d.hcpcs);
      if (prev !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'hcpcs'], message: `duplicate hcpcs ${d.hcpcs} (also row ${prev + 2})` });
      else codes.set(d.hcpcs, i);
      for (const name of drugNames(d)) {
        const key = nameKey(name);
        const o = owner.get(key);
        if (o && o.generic !== d.generic) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'aliases'],
            message: `name "${name}" also names ${o.generic} (row ${o.row + 2}, "${o.name}"): a name may only be shared by codes of one generic`,
          });
        } else if (!o) owner.set(key, { generic: d.generic, row: i, name });
      }
    });
  });
export type DrugCatalogData = z.output<typeof drugCatalogSchema>;
