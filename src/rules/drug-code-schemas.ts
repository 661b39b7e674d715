/**
 * Data schema of the `drug-code-changes` rule table (rules/drugs/drug-code-changes.yaml + .csv):
 * deleted drug codes and their replacements (shared/domain/drug-billing.md section 8). Registered
 * at module load; imported by src/rules/index.ts so `rules validate` checks the table.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { registerTableSchema } from './schemas.js';

const hcpcs = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z]\d{4}$/.test(s), { message: 'expected a HCPCS Level II code such as J9070' });
const optDate = z
  .string()
  .refine((s) => s.trim() === '' || isIsoDate(s.trim()), { message: 'expected a date YYYY-MM-DD or empty' })
  .transform((s) => (s.trim() === '' ? undefined : s.trim()));
/** "500 mg", "up to 125 mg" (the descriptor dosage of one billing unit) */
const unitText = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => /^(up to )?\d*\.?\d+ (mg|mcg|g|units|mL|mEq)$/.test(s), { message: 'expected a unit such as "10 mg" or "up to 125 mg"' });

export const drugCodeChangeRow = z
  .strictObject({
    code: hcpcs,
    unit: unitText,
    /** replacement codes, `|`-separated; the first is the NOS code used when no NDC or MAR code names the product */
    replacedBy: z
      .string()
      .transform((s) => s.split('|').map((x) => x.trim().toUpperCase()).filter((x) => x !== ''))
      .pipe(z.array(z.string().regex(/^[A-Z]\d{4}$/, 'expected HCPCS codes separated by |')).min(1, 'at least one replacement')),
    replacementUnit: unitText,
    /** verified last date of service of the old code */
    lastValidDate: optDate,
    /** first date the local CMS files prove the code gone (used until lastValidDate is known) */
    provenInvalidFrom: optDate,
    source: z.string().min(1, 'required'),
  })
  .superRefine((r, ctx) => {
    if (r.lastValidDate === undefined && r.provenInvalidFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lastValidDate'], message: 'lastValidDate or provenInvalidFrom is required' });
    }
    if (r.replacedBy.includes(r.code)) ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: `${r.code} cannot replace itself` });
  });

export const drugCodeChangesSchema = z.array(drugCodeChangeRow).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${r.code}` });
    seen.add(r.code);
  });
});
export type DrugCodeChange = z.output<typeof drugCodeChangeRow>;
export type DrugCodeChangesData = z.output<typeof drugCodeChangesSchema>;

registerTableSchema('drug-code-changes', drugCodeChangesSchema);
