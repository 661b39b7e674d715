/**
 * Data schema of the `340b-modifiers` rule table (rules/340b/340b-modifiers.yaml): which 340B
 * modifier (JG or TB) a Medicare OPPS drug line of 340B-acquired stock must carry, by the
 * hospital's OPPS designation (`entity_340b`), the site (PN: a non-excepted off-campus department)
 * and the drug's OPPS status indicator, for the date of service (shared/domain/340b-and-billing-model.md
 * section 2). One table version per period of the table; `paymentCut` says whether JG cut the
 * payment on those dates (severity and amountAtRisk of the `340b` checks, section 5).
 *
 * Registered at module load (imported by src/rules/index.ts and src/checks/340b/acquisition.ts).
 * This module imports schemas.ts only for the registry.
 */
import { z } from 'zod';
import { ENTITY_340B_TYPES } from './facility.js';
import { registerTableSchema } from './schemas.js';

/** The covered-entity types a row can name (`none` is not a covered entity: any JG/TB is wrong). */
export const COVERED_ENTITIES = ENTITY_340B_TYPES.filter((t) => t !== 'none') as Exclude<(typeof ENTITY_340B_TYPES)[number], 'none'>[];
export type CoveredEntity = (typeof COVERED_ENTITIES)[number];

/** What the line must carry: a modifier, `optional` (either way is fine) or `none` (no 340B modifier reported). */
export const MODIFIER_RULES = ['JG', 'TB', 'optional', 'none'] as const;
export type ModifierRule = (typeof MODIFIER_RULES)[number];

export const CONFIDENCE = ['high', 'medium', 'medium-low', 'low'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

const SITES = ['any', 'PN'] as const;
const SIS = ['K', 'G', 'any'] as const;

const rowSchema = z.strictObject({
  /** OPPS designations the row applies to */
  entities: z.array(z.enum(COVERED_ENTITIES as [CoveredEntity, ...CoveredEntity[]])).min(1),
  /** `PN`: lines that carry modifier PN (non-excepted off-campus PBD); `any`: every other line */
  site: z.enum(SITES).default('any'),
  /** OPPS status indicator of the drug code on the DOS: K (separately paid), G (pass-through), or any */
  si: z.enum(SIS).default('any'),
  modifier: z.enum(MODIFIER_RULES),
  /** the research's confidence; below `medium` the checks report a warning at most */
  confidence: z.enum(CONFIDENCE),
  /** where the cell comes from (the document's `sources` carry the links) */
  source: z.string().min(1, 'required'),
});
export type Modifier340bRow = z.output<typeof rowSchema>;

export const modifiers340bSchema = z
  .strictObject({
    /** JG cut the OPPS payment (ASP-22.5%) on these dates: wrong/missing JG is an error with dollars */
    paymentCut: z.boolean(),
    rows: z.array(rowSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.rows.forEach((r, i) => {
      for (const e of r.entities) {
        for (const si of r.si === 'any' ? (['K', 'G'] as const) : [r.si]) {
          const k = `${e} ${r.site} ${si}`;
          const prev = seen.get(k);
          if (prev !== undefined) ctx.addIssue({ code: 'custom', path: ['rows', i, 'entities'], message: `${e}, site ${r.site}, SI ${si} is also in row ${prev + 1}` });
          else seen.set(k, i);
        }
      }
    });
  });
export type Modifiers340bData = z.output<typeof modifiers340bSchema>;

/** The rule for one cell of the table. */
export interface ModifierCell {
  modifier: ModifierRule;
  confidence: Confidence;
  source: string;
}

/** Index of one table version: entity -> [any K, any G, PN K, PN G]. Built once per data object. */
const indexes = new WeakMap<Modifiers340bData, Map<string, (ModifierCell | undefined)[]>>();

function indexOf(d: Modifiers340bData): Map<string, (ModifierCell | undefined)[]> {
  let m = indexes.get(d);
  if (m) return m;
  m = new Map();
  for (const r of d.rows) {
    const cell: ModifierCell = { modifier: r.modifier, confidence: r.confidence, source: r.source };
    for (const e of r.entities) {
      let slots = m.get(e);
      if (!slots) m.set(e, (slots = [undefined, undefined, undefined, undefined]));
      const base = r.site === 'PN' ? 2 : 0;
      if (r.si !== 'G') slots[base] = cell;
      if (r.si !== 'K') slots[base + 1] = cell;
    }
  }
  indexes.set(d, m);
  return m;
}

/**
 * The cell for an entity, a PN line or not, and SI K or G; a PN line without a PN row takes the
 * entity's `any` row. Undefined: the table says nothing (the line is not judged).
 */
export function modifierCell(d: Modifiers340bData, entity: string, pn: boolean, si: 'K' | 'G'): ModifierCell | undefined {
  const slots = indexOf(d).get(entity);
  if (!slots) return undefined;
  const k = si === 'K' ? 0 : 1;
  return (pn ? slots[2 + k] : undefined) ?? slots[k];
}

registerTableSchema('340b-modifiers', modifiers340bSchema);
