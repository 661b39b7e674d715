/**
 * Data schema of the `ndc-containers` rule table (rules/drugs/ndc-containers.yaml + .csv): one row
 * per NDC for every HCPCS code whose packages mix single- and multi-dose containers, from the FDA
 * labels (shared/domain/drug-billing.md section 9). The JW/JZ checks (src/checks/waste/) read it; a
 * client adds rows with a table of its own, `merge: append`, `mergeKey: [ndc]`.
 *
 * Registered at module load (imported by src/rules/index.ts and src/checks/waste/common.ts). This
 * module imports schemas.ts only for the registry and the cell helpers.
 */
import { z } from 'zod';
import { cell, registerTableSchema } from './schemas.js';

export const NDC_CONTAINERS = ['single-dose', 'multi-dose'] as const;
export type NdcContainer = (typeof NDC_CONTAINERS)[number];

const ndc11 = z
  .string()
  .transform((s) => s.replace(/[-\s]/g, ''))
  .refine((s) => /^\d{11}$/.test(s), { message: 'expected an 11-digit NDC (5-4-2, hyphens allowed)' });

export const ndcContainerRowSchema = z.strictObject({
  /** the package NDC, 11 digits (5-4-2) as on the claim */
  ndc: ndc11,
  /** the HCPCS code the ASP crosswalk puts it under */
  hcpcs: cell.code,
  container: z.enum(NDC_CONTAINERS),
  /** the package as the label describes it ("20 mL multiple-dose vial, 40 mg") */
  package: cell.required,
  /** the label (DailyMed / FDA page) that states the container */
  source: cell.required,
});
export type NdcContainerRow = z.output<typeof ndcContainerRowSchema>;

export const ndcContainersSchema = z.array(ndcContainerRowSchema).superRefine((rows, ctx) => {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const prev = seen.get(r.ndc);
    if (prev !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'ndc'], message: `duplicate ndc ${r.ndc} (also row ${prev + 2})` });
    else seen.set(r.ndc, i);
  });
});
export type NdcContainersData = z.output<typeof ndcContainersSchema>;

registerTableSchema('ndc-containers', ndcContainersSchema);
