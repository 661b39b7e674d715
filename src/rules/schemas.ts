/**
 * Per-table data schemas. A module that reads a rule table registers the zod schema of its
 * `data` here (at module load, before RuleSet.load); the loader validates every version of that
 * id with it and keeps the parsed output (so a schema may coerce CSV strings to numbers).
 * An id with no registered schema loads with its data unvalidated; `rules validate` warns.
 *
 * CSV-backed tables (`dataFile:`) arrive as an array of `{ column: string }` rows (cells trimmed,
 * empty cell = ''), so their schema is `z.array(rowSchema)`; the `cell` helpers below convert cells.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { drugCatalogSchema } from './drug-schemas.js';

const registry = new Map<string, z.ZodType>();

/** Register the data schema of table `id`. Registering a different schema for an id twice is a bug and throws. */
export function registerTableSchema(id: string, schema: z.ZodType): void {
  const prev = registry.get(id);
  if (prev && prev !== schema) throw new Error(`rule table schema for "${id}" registered twice`);
  registry.set(id, schema);
}

export function tableSchema(id: string): z.ZodType | undefined {
  return registry.get(id);
}

export function registeredTableIds(): string[] {
  return [...registry.keys()].sort();
}

// ---------------------------------------------------------------------------------------------
// CSV cell helpers (cells are strings)

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(/,/g, '')));

export const cell = {
  /** any text, '' allowed */
  text: z.string(),
  /** non-empty text */
  required: z.string().min(1, 'required'),
  /** '' -> undefined */
  optional: z.string().transform((s) => (s === '' ? undefined : s)),
  /** a finite number ("1,200" allowed) */
  number: z.string().transform((s, ctx) => {
    const n = num(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `expected a number, got "${s}"` });
      return z.NEVER;
    }
    return n;
  }),
  /** '' -> undefined, else a finite number */
  optionalNumber: z.string().transform((s, ctx) => {
    if (s === '') return undefined;
    const n = num(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `expected a number or empty, got "${s}"` });
      return z.NEVER;
    }
    return n;
  }),
  /** YYYY-MM-DD */
  date: z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' }),
  /** '' -> null (open end), else YYYY-MM-DD */
  dateOrOpen: z
    .string()
    .refine((s) => s === '' || isIsoDate(s), { message: 'expected a date YYYY-MM-DD or empty' })
    .transform((s) => (s === '' ? null : s)),
  /** a HCPCS/CPT code: 5 characters, letters upper-cased */
  code: z
    .string()
    .transform((s) => s.toUpperCase())
    .refine((s) => /^[A-Z0-9]{4}[A-Z0-9]$/.test(s), { message: 'expected a 5-character HCPCS/CPT code' }),
  /** true/false, yes/no, y/n, 1/0 (case-insensitive) */
  bool: z.string().transform((s, ctx) => {
    const v = s.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(v)) return true;
    if (['false', 'no', 'n', '0'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: `expected true or false, got "${s}"` });
    return z.NEVER;
  }),
};

// ---------------------------------------------------------------------------------------------
// Built-in tables

const segmentLayout = z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)]);
const qualifier = z.string().regex(/^[A-Z0-9]{2}$/, 'expected a 2-character code');

/** `ndc-format`: how an NDC must look on a claim line on the date of service. */
export const ndcFormatSchema = z
  .strictObject({
    /** digits of the NDC form claims should carry (11 today) */
    digits: z.number().int().min(1),
    /** its segments (labeler, product, package), e.g. [5, 4, 2]; they add up to `digits` */
    segments: segmentLayout,
    /** other digit-only forms still accepted on claims, each padded segment by segment to `segments` */
    alsoAccepted: z
      .array(z.strictObject({ digits: z.number().int().min(1), segments: segmentLayout, note: z.string().optional() }))
      .default([]),
    /** characters removed before counting digits (display separators) */
    ignoreCharacters: z.array(z.string().length(1)),
    /** prefixes removed before counting digits, e.g. the 837I LIN02 qualifier `N4` written into the cell */
    stripPrefixes: z.array(z.string().min(1)),
    /** accepted NDC unit-of-measure qualifiers (837I CTP05-1) and what each means */
    unitQualifiers: z.record(qualifier, z.string().min(1)),
    /**
     * FDA (package-label) segment layouts that may be padded to `segments` when written with hyphens:
     * a zero is added in front of each short segment. Without hyphens a short NDC is ambiguous.
     */
    fdaLayouts: z.array(segmentLayout).min(1),
    /** true when the claim form in this version rests on no published claim standard yet */
    provisional: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    const sum = (s: readonly number[]) => s.reduce((a, b) => a + b, 0);
    if (sum(d.segments) !== d.digits) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: `segments add up to ${sum(d.segments)}, not ${d.digits}` });
    }
    const fits = (s: readonly number[], what: string, path: PropertyKey[]) => {
      if (s.some((n, i) => n > (d.segments[i] ?? 0))) {
        ctx.addIssue({ code: 'custom', path, message: `${what} ${s.join('-')} does not fit in ${d.segments.join('-')}` });
      }
    };
    d.fdaLayouts.forEach((l, i) => fits(l, 'layout', ['fdaLayouts', i]));
    d.alsoAccepted.forEach((a, i) => {
      if (sum(a.segments) !== a.digits) {
        ctx.addIssue({ code: 'custom', path: ['alsoAccepted', i, 'segments'], message: `segments add up to ${sum(a.segments)}, not ${a.digits}` });
      }
      fits(a.segments, 'accepted form', ['alsoAccepted', i, 'segments']);
    });
  });
export type NdcFormatData = z.output<typeof ndcFormatSchema>;

/** Refinement for code lists: each `code` once (the path names the repeated row). */
function uniqueCodes(codes: readonly { code: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  codes.forEach((c, i) => {
    if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${c.code}` });
    seen.add(c.code);
  });
}

/** `noc-codes`: not-otherwise-classified drug codes (and C9399), which need an NDC and support. */
export const nocCodesSchema = z.strictObject({
  codes: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][0-9]{4}$/, 'expected a HCPCS Level II code such as J3490'),
        description: z.string().min(1),
        /** `all`: any payer; `medicare-opps-asc`: valid only for Medicare hospital outpatient / ASC claims (C9399) */
        scope: z.enum(['all', 'medicare-opps-asc']),
        /** first date of service the code may be billed, when known */
        from: z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' }).optional(),
      }),
    )
    .min(1)
    .superRefine(uniqueCodes),
});
export type NocCodesData = z.output<typeof nocCodesSchema>;

/** A facility administration code: CPT 96xxx or a HCPCS C-code such as C8957. */
const adminCode = z.string().regex(/^(9\d{4}|C\d{4})$/, 'expected a CPT 96xxx or HCPCS Cxxxx code');

/** `admin-codes`: the facility administration codes (CPT 96360-96549, C8957). */
export const adminCodesSchema = z.strictObject({
  codes: z
    .array(
      z.strictObject({
        code: adminCode,
        addOn: z.boolean(),
        description: z.string().min(1),
        /** for an add-on code: the primary codes it may be billed with */
        primaries: z.array(adminCode).min(1).optional(),
      }),
    )
    .min(1)
    .superRefine(uniqueCodes)
    .superRefine((codes, ctx) => {
      codes.forEach((c, i) => {
        if (c.primaries && !c.addOn) ctx.addIssue({ code: 'custom', path: [i, 'primaries'], message: `${c.code} is not an add-on code but lists primaries` });
      });
    }),
});
export type AdminCodesData = z.output<typeof adminCodesSchema>;

/** `admin-timing`: the minutes that decide push vs infusion, hydration and add-on hours. */
export const adminTimingSchema = z.strictObject({
  pushMaxMinutes: z.number().int().positive(),
  hydrationMinMinutes: z.number().int().positive(),
  addOnPastHourMinutes: z.number().int().min(0).max(59),
  repeatPushMinMinutes: z.number().int().positive(),
  /** two infusions are concurrent when they overlap for more than this fraction of their combined span */
  concurrentOverlapFraction: z.number().gt(0).lt(1),
  /** a chemotherapy IV infusion longer than this is a prolonged pump infusion */
  pumpMinMinutes: z.number().int().positive(),
});
export type AdminTimingData = z.output<typeof adminTimingSchema>;

/** `admin-hierarchy`: the facility hierarchy and the code of each role of each IV service type. */
const adminCategory = z.enum(['chemo', 'therapeutic', 'hydration']);
const adminMethod = z.enum(['infusion', 'push', 'injection']);
export const adminHierarchySchema = z
  .strictObject({
    categoryOrder: z.array(adminCategory).length(3),
    methodOrder: z.array(adminMethod).length(3),
    services: z
      .array(
        z.strictObject({
          category: adminCategory,
          method: adminMethod,
          initial: adminCode,
          sequential: adminCode.optional(),
          addOnHour: adminCode.optional(),
          concurrent: adminCode.optional(),
          repeatSameDrug: adminCode.optional(),
        }),
      )
      .min(1),
    injections: z.strictObject({ therapeutic: adminCode, chemo: adminCode, chemoHormonal: adminCode }),
    pumps: z.strictObject({ chemo: adminCode, other: adminCode }),
    portFlush: adminCode,
    facilityOnly: z.array(adminCode),
    separateSiteModifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/, 'expected a 2-character modifier')).min(1),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.categoryOrder).size !== 3) ctx.addIssue({ code: 'custom', path: ['categoryOrder'], message: 'each category once' });
    if (new Set(d.methodOrder).size !== 3) ctx.addIssue({ code: 'custom', path: ['methodOrder'], message: 'each method once' });
    const seen = new Set<string>();
    d.services.forEach((s, i) => {
      const k = `${s.category}/${s.method}`;
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['services', i], message: `duplicate service ${k}` });
      seen.add(k);
    });
  });
export type AdminHierarchyData = z.output<typeof adminHierarchySchema>;

/** `admin-terms`: MAR wording of routes, fluids and devices (regular expressions, case-insensitive). */
const patternList = z
  .array(z.string().min(1))
  .superRefine((list, ctx) => {
    list.forEach((p, i) => {
      try {
        new RegExp(p, 'i');
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: [i], message: `not a regular expression: ${(e as Error).message}` });
      }
    });
  });
export const adminTermsSchema = z
  .strictObject({
    routes: z.strictObject({
      iv: z.array(z.string().min(1)),
      ivPush: z.array(z.string().min(1)),
      sc: z.array(z.string().min(1)),
      im: z.array(z.string().min(1)),
      other: z.array(z.string().min(1)),
    }),
    kvo: patternList,
    carrier: patternList,
    flush: patternList,
    pump: patternList,
    port: patternList,
    lumen: patternList,
  })
  .superRefine((d, ctx) => {
    const seen = new Map<string, string>();
    for (const [kind, words] of Object.entries(d.routes)) {
      words.forEach((w, i) => {
        const k = w.trim().toLowerCase();
        const prev = seen.get(k);
        if (prev) ctx.addIssue({ code: 'custom', path: ['routes', kind, i], message: `route "${w}" is already listed under ${prev}` });
        seen.set(k, kind);
      });
    }
  });
export type AdminTermsData = z.output<typeof adminTermsSchema>;

/** `ncci-modifiers`: the modifiers that let an indicator-1 PTP pair be paid. */
export const ncciModifiersSchema = z.strictObject({
  modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/, 'expected a 2-character modifier')).min(1),
});
export type NcciModifiersData = z.output<typeof ncciModifiersSchema>;

registerTableSchema('ndc-format', ndcFormatSchema);
registerTableSchema('ncci-modifiers', ncciModifiersSchema);
registerTableSchema('admin-terms', adminTermsSchema);
registerTableSchema('admin-hierarchy', adminHierarchySchema);
registerTableSchema('admin-timing', adminTimingSchema);
registerTableSchema('admin-codes', adminCodesSchema);
registerTableSchema('noc-codes', nocCodesSchema);
registerTableSchema('drug-catalog', drugCatalogSchema);
