import type { Check } from '../types.js';
import { drugView } from '../drug/units-helpers.js';

/** `units.unverifiable`: a drug line whose units cannot be compared with the MAR (info). */
export const unitsUnverifiable: Check = {
  id: 'units.unverifiable',
  category: 'units',
  severity: 'info',
  needs: ['claims', 'mar'],
  ruleTables: ['drug-catalog'],
  docs: {
    summary: 'A drug line whose units could not be checked: the encounter has MAR rows, but none with a dose of this drug, or the dose unit cannot be converted to the HCPCS unit (mass vs volume vs activity), or the code\'s unit is not a parsed unit.',
    why:
      'units.over and units.under need a MAR dose in a unit convertible to the code\'s descriptor unit (g, mg, mcg; mL = cc; IU = units). ' +
      'This note says which lines went unchecked so that a reviewer knows the units were not verified. It is raised only when the encounter has a MAR at all: ' +
      'a drug billed on an encounter with no MAR rows is charge capture\'s business (billed but not administered), not a units question. It never fails a run.',
    source:
      'shared/domain/drug-billing.md section 1 (parsed units: MG, GM, MCG, UNIT(S)/IU, ML/CC, MEQ; anything else makes the units check info) and section 2 ("No MAR dose -> info"); ' +
      'CMS ASP NDC-HCPCS crosswalk / pricing file HCPCS dosage (unit sizes).',
    fix: 'Chart the dose and dose unit on the MAR row of the drug (or its HCPCS in the MAR `code` column), or add the drug with its unit size to the drug catalog (rules/drugs).',
  },
  perEncounter(enc, ctx) {
    if (enc.mar.length === 0) return;
    for (const g of drugView(enc, ctx.rules).groups) {
      if (g.noc || g.range) continue;
      const why = !g.unit
        ? `its billing unit is not a parsed unit (no catalog row; CMS dosage not in mg, g, mcg, units, mL or mEq)`
        : g.mar.length === 0
          ? 'the MAR has no administration of this drug on that date'
          : g.mar.some((m) => m.dose === undefined)
            ? 'a MAR administration of it has no dose'
            : `a MAR dose unit (${[...new Set(g.mar.map((m) => m.doseUnit ?? 'none'))].join(', ')}) cannot be converted to the code's unit (${g.unit.text})`;
      for (const l of g.given) {
        ctx.report({
          message: `${g.code} x${l.units} on ${g.date}: units not verified, ${why}.`,
          records: [{ kind: 'claims', record: l, column: 'units' }, ...g.mar.map((m) => ({ kind: 'mar' as const, record: m }))],
          patientId: enc.patientId,
          claimId: l.claimId,
          line: l.line,
          serviceDate: g.date,
          code: g.code,
          expected: g.unit ? `${g.code} units = MAR dose / ${g.unit.text}, rounded up` : `${g.code} units in its HCPCS descriptor dosage`,
          discriminator: `${g.code}|${g.date}|${l.line}`,
        });
      }
    }
  },
};
