import type { ClaimLine } from '../../model.js';
import type { Check } from '../types.js';
import { crosswalkFor } from '../../rules/cms.js';
import { money, ndc11, parseDosage } from '../drug/units-helpers.js';
import { deletedOn, marDrugCodes, marOn, marUnitsIn } from './code-helpers.js';

/** `drug-code.deleted`: a drug code billed after it was deleted; expected = its replacement in the new unit. */
export const drugCodeDeleted: Check = {
  id: 'drug-code.deleted',
  category: 'drug-code',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['drug-code-changes', 'asp-crosswalk', 'drug-catalog', 'asp-pricing'],
  docs: {
    summary: 'A drug HCPCS code billed on a date after it was deleted (J3370, J9070, J1300, J2930, J2920 and any row a client adds), with the replacement code and the units recomputed in its unit.',
    why:
      'A deleted code is returned or denied as a whole line; the replacements have other unit sizes (J9070 100 mg -> J9075 5 mg: x20), so the units must be recomputed, not copied. ' +
      'Amount at risk: the line as it should be billed, expected units x the ASP payment limit of the replacement (Medicare SI N: $0; other payers: an estimate).',
    source:
      'shared/domain/drug-billing.md section 8 (deleted and replaced codes; provenInvalidFrom 2025-10-01 from the Oct-2025 CMS ASP crosswalk and pricing file, Jan-2026 OPPS Addendum B and Oct-2026 MUE files) and section 10; ' +
      'rule table drug-code-changes (rules/drugs/drug-code-changes.csv); the real termination dates come from the CMS quarterly HCPCS update.',
    fix: 'Rebill the line with the replacement code (the product-specific one its NDC maps to, else the NOS code) and the units of its descriptor (dose / new unit size, rounded up); update the chargemaster.',
  },
  perEncounter(enc, ctx) {
    for (const l of enc.claims) {
      const ch = deletedOn(ctx.rules, l.code, l.serviceDate);
      if (!ch) continue;
      const replacement = pickReplacement(l, ch.replacedBy, enc.mar, enc.dispense.map((d) => d.ndc), ctx.rules);
      const mar = marOn(enc.mar, l.serviceDate).filter((r) => marDrugCodes(ctx.rules, r, l.serviceDate).some((c) => ch.replacedBy.includes(c) || c === ch.code));
      const old = parseDosage(ch.unit);
      const neu = parseDosage(ch.replacementUnit);
      let units = marUnitsIn(ctx.rules, mar, replacement, l.serviceDate, ch.replacementUnit);
      const fromMar = units !== undefined;
      if (units === undefined && old && neu && old.unit === neu.unit) units = Math.ceil((l.units * old.unitSize) / neu.unitSize - 1e-9);
      const m = units !== undefined ? money(ctx.rules, replacement, l.serviceDate, ctx.payers.resolve(l.payer).type, units) : undefined;
      const until = ch.lastValidDate !== undefined ? `its last valid date of service was ${ch.lastValidDate}` : `it is absent from the CMS files from ${ch.provenInvalidFrom ?? ''} (termination date not verified)`;
      ctx.report({
        message:
          `${l.code} (${ch.unit}) is a deleted code on ${l.serviceDate}: ${until}; replaced by ${ch.replacedBy.join(', ')} (${ch.replacementUnit}). ` +
          `${units !== undefined ? `Bill ${replacement} x${units}${fromMar ? ' (the MAR dose)' : ` (x${l.units} of ${ch.unit} in ${ch.replacementUnit} units)`}` : `Bill ${replacement}`}` +
          `${m ? `: ${m.label}` : ''}.`,
        records: [{ kind: 'claims', record: l, column: 'code' }, ...mar.map((r) => ({ kind: 'mar' as const, record: r }))],
        patientId: enc.patientId,
        claimId: l.claimId,
        line: l.line,
        serviceDate: l.serviceDate,
        code: l.code,
        expected: `${replacement}${units !== undefined ? ` x${units}` : ''}${l.modifiers.length ? ` with ${l.modifiers.join(', ')}` : ''}`,
        direction: 'denial',
        ...(m?.amount !== undefined ? { amountAtRisk: m.amount } : {}),
        discriminator: `${l.code}|${l.serviceDate}|${l.line}`,
      });
    }
  },
};

/** The replacement an NDC (line, MAR, dispense) or a MAR code names; else the first (NOS) replacement. */
function pickReplacement(l: ClaimLine, replacedBy: readonly string[], mar: readonly { ndc?: string; code?: string }[], dispenseNdcs: readonly string[], rules: Parameters<typeof crosswalkFor>[0]): string {
  const viaNdc = (text: string | undefined): string | undefined => {
    const n = ndc11(text);
    if (!n) return undefined;
    return crosswalkFor(rules, n, l.serviceDate).map((e) => e.hcpcs).find((c) => replacedBy.includes(c));
  };
  const hit =
    viaNdc(l.ndc) ??
    mar.map((r) => (r.code && replacedBy.includes(r.code.toUpperCase()) ? r.code.toUpperCase() : viaNdc(r.ndc))).find((x) => x !== undefined) ??
    dispenseNdcs.map(viaNdc).find((x) => x !== undefined);
  return hit ?? (replacedBy[0] as string);
}
