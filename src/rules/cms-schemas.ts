/**
 * Data schemas of the CMS tables that `rules import` writes (rules/cms/<quarter>/*.yaml + .csv).
 * Every table is CSV-backed, so each schema is `z.array(row)` over text cells; see
 * rules/README.md section 5 for the columns. Registered at module load (imported by
 * src/rules/index.ts), so `rules validate` checks every imported quarter.
 */
import { z } from 'zod';
import { cell, registerTableSchema } from './schemas.js';

const ndc11 = z.string().refine((s) => s === '' || /^\d{11}$/.test(s), { message: 'expected an 11-digit NDC or empty' });
/** One of a few digits, as a number. */
const digit = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `expected ${what}: ${values.join(', ')}` }).transform((s) => Number(s));

/** `asp-crosswalk`: NDC -> HCPCS with package size and billing units. */
export const aspCrosswalkRow = z
  .object({
    hcpcs: cell.code,
    ndc: ndc11,
    productId: cell.text,
    drug: cell.text,
    labeler: cell.text,
    dosage: cell.text,
    pkgSize: cell.optionalNumber,
    pkgQty: cell.optionalNumber,
    billUnits: cell.optionalNumber,
    billUnitsPkg: cell.optionalNumber,
  })
  .refine((r) => r.ndc !== '' || r.productId !== '', { message: 'a row needs an ndc or a productId', path: ['ndc'] });
export const aspCrosswalkSchema = z.array(aspCrosswalkRow);
export type AspCrosswalkRow = z.output<typeof aspCrosswalkRow>;

/** `asp-pricing`: Part B payment allowance limit per billing unit. */
export const aspPricingRow = z.object({
  hcpcs: cell.code,
  description: cell.text,
  dosage: cell.text,
  paymentLimit: cell.optionalNumber,
  coinsurancePct: cell.optionalNumber,
  vaccineAwpPct: cell.optionalNumber,
  vaccineLimit: cell.optionalNumber,
  bloodAwpPct: cell.optionalNumber,
  bloodLimit: cell.optionalNumber,
  clottingFactor: cell.optionalNumber,
  notes: cell.text,
});
export const aspPricingSchema = z.array(aspPricingRow);
export type AspPricingRow = z.output<typeof aspPricingRow>;

/** `opps-status`: OPPS Addendum B status indicator, APC and payment rate per HCPCS. */
export const oppsStatusRow = z.object({
  hcpcs: cell.code,
  si: z.string().regex(/^[A-Z][0-9]?$/, 'expected a status indicator such as K, N or Q1'),
  apc: z.string().regex(/^(\d{4,5})?$/, 'expected an APC number or empty'),
  relativeWeight: cell.optionalNumber,
  paymentRate: cell.optionalNumber,
  nationalCopay: cell.optionalNumber,
  minimumCopay: cell.optionalNumber,
});
export const oppsStatusSchema = z.array(oppsStatusRow);
export type OppsStatusRow = z.output<typeof oppsStatusRow>;

/** `ncci-mue`: MUE value and adjudication indicator per code. */
export const ncciMueRow = z.object({
  code: cell.code,
  value: cell.number.refine((n) => Number.isInteger(n) && n >= 0, { message: 'expected a whole number of units' }),
  indicator: digit(['1', '2', '3'], 'an adjudication indicator').transform((n) => n as 1 | 2 | 3),
  rationale: cell.text,
});
export const ncciMueSchema = z.array(ncciMueRow);
export type NcciMueRow = z.output<typeof ncciMueRow>;

/** `ncci-ptp`: column 1 / column 2 pairs with dates and the modifier indicator. */
export const ncciPtpRow = z.object({
  col1: cell.code,
  col2: cell.code,
  /** first date of service of the edit; null = not stated (in force for the whole release) */
  effective: cell.dateOrOpen,
  /** last date of service of the edit; null = not deleted */
  deletion: cell.dateOrOpen,
  modifier: digit(['0', '1', '9'], 'a modifier indicator').transform((n) => n as 0 | 1 | 9),
  rationale: cell.text,
});
export const ncciPtpSchema = z.array(ncciPtpRow);
export type NcciPtpRow = z.output<typeof ncciPtpRow>;

/** `ncci-aoc`: add-on code -> primary code edits. */
export const ncciAocRow = z.object({
  addOn: cell.code,
  /** `CCCCC` for a type 2 edit (contractor-defined primaries) */
  primary: cell.code,
  type: digit(['1', '2', '3'], 'an AOC edit type').transform((n) => n as 1 | 2 | 3),
  effective: cell.date,
  deletion: cell.dateOrOpen,
  addOnDeletion: cell.dateOrOpen,
  primaryDeletion: cell.dateOrOpen,
  notes: cell.text,
});
export const ncciAocSchema = z.array(ncciAocRow);
export type NcciAocRow = z.output<typeof ncciAocRow>;

registerTableSchema('asp-crosswalk', aspCrosswalkSchema);
registerTableSchema('asp-pricing', aspPricingSchema);
registerTableSchema('opps-status', oppsStatusSchema);
registerTableSchema('ncci-mue', ncciMueSchema);
registerTableSchema('ncci-ptp', ncciPtpSchema);
registerTableSchema('ncci-aoc', ncciAocSchema);
