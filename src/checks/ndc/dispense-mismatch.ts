import type { ClaimLine, DispenseRow } from '../../model.js';
import type { Check } from '../types.js';
import { dispenseFor } from '../drug/lines.js';
import { drugView } from '../drug/units-helpers.js';
import { denialAmount, dispenseNdc, hasNdc, lineNdc, showNdc } from './line-ndc.js';

/** `ndc.dispense-mismatch`: the NDCs billed for a HCPCS differ from the NDCs dispensed for it. */
export const ndcDispenseMismatch: Check = {
  id: 'ndc.dispense-mismatch',
  category: 'ndc',
  severity: 'warning',
  needs: ['claims', 'dispense'],
  ruleTables: ['asp-crosswalk', 'ndc-format', 'drug-catalog'],
  docs: {
    summary:
      'The NDCs on a HCPCS code\'s lines differ from the NDCs the pharmacy dispensed for it: billed but not dispensed, or ' +
      'dispensed and on no line (error for Medicaid, warning otherwise).',
    why:
      'The NDC must be the package used, and two NDCs under one HCPCS go on separate lines. Medicaid pays rebates by NDC and ' +
      'treats a substituted NDC as fraud, so the line is denied; for other payers the claim misstates the product.',
    source:
      'shared/domain/drug-billing.md section 4 ("We do: ndc.dispense-mismatch"; Oregon Health Authority NDC page, UHC Maryland ' +
      'policy; worked example 5) and section 10 (whole-line amount for Medicaid); dispense NDCs linked to the code through the ' +
      'CMS ASP NDC-HCPCS crosswalk of the date.',
    fix: 'Bill one line per NDC dispensed, each with its units and NDC quantity; if the dispense record is wrong, correct it in the pharmacy system.',
  },
  perEncounter(enc, ctx) {
    if (enc.dispense.length === 0) return;
    // the drug lines by date and code: the shared view of the drug checks
    for (const { lines } of drugView(enc, ctx.rules).groups) {
      const first = lines[0] as ClaimLine;
      const disp = dispenseFor(enc, first, ctx.rules);
      if (disp.length === 0) continue;
      const dispensed = new Map<string, DispenseRow[]>();
      let unresolved = false;
      for (const d of disp) {
        const n = dispenseNdc(ctx.rules, d);
        if (n === undefined) unresolved = true;
        else {
          const same = dispensed.get(n);
          if (same) same.push(d);
          else dispensed.set(n, [d]);
        }
      }
      // an ambiguous or malformed NDC on either side cannot be compared (input.ndc-ambiguous, ndc.malformed say so)
      if (unresolved) continue;
      const withNdc = lines.filter(hasNdc);
      const billed = withNdc.map((c) => ({ c, ndc: lineNdc(ctx.rules, c) }));
      if (billed.some((b) => b.ndc === undefined) || billed.length === 0) continue;
      const billedSet = new Set(billed.map((b) => b.ndc as string));
      // dispensed NDCs on no line: only when every line carries an NDC (a line without one is ndc.missing)
      const unbilled = withNdc.length === lines.length ? [...dispensed.keys()].filter((n) => !billedSet.has(n)) : [];
      const flagged = billed.filter((b) => !dispensed.has(b.ndc as string));
      // the billed NDCs are usually the dispensed ones: the texts below are built only for a finding
      if (flagged.length === 0 && unbilled.length === 0) continue;
      const dispText = [...dispensed].map(([n, ds]) => `${showNdc(n)} (${ds.map((d) => `${d.dispenseId} x${d.quantity}${d.quantityUnit ? ` ${d.quantityUnit}` : ''}`).join(', ')})`);
      const expected = `one ${first.code} line per NDC dispensed: ${dispText.join('; ')}, each with its units and NDC quantity`;
      const targets: { c: ClaimLine; text: string }[] = flagged.map((b) => ({
        c: b.c,
        text: `${first.code} line ${b.c.line} bills NDC ${showNdc(b.ndc as string)}, which was not dispensed for ${first.code} (dispensed: ${[...dispensed.keys()].map(showNdc).join(', ')})`,
      }));
      if (unbilled.length > 0) {
        const text = `NDC ${unbilled.map(showNdc).join(', ')} dispensed for ${first.code} is on no ${first.code} line (billed: ${[...billedSet].map(showNdc).join(', ')})`;
        const t0 = targets.find((t) => t.c === (withNdc[0] as ClaimLine));
        if (t0) t0.text += `; ${text}`;
        else targets.unshift({ c: withNdc[0] as ClaimLine, text });
      }
      for (const t of targets) {
        const payer = ctx.payers.resolve(t.c.payer);
        const medicaid = payer.type === 'medicaid';
        const money = medicaid ? denialAmount(enc, t.c, ctx.rules, payer.type) : { note: '' };
        ctx.report({
          message: `${t.text}${medicaid ? `; Medicaid denies a line whose NDC is not the package used${money.note}` : ''}.`,
          records: [
            { kind: 'claims', record: t.c, column: 'ndc' },
            ...disp.map((d) => ({ kind: 'dispense' as const, record: d, column: 'ndc' })),
          ],
          patientId: t.c.patientId,
          claimId: t.c.claimId,
          line: t.c.line,
          serviceDate: t.c.serviceDate,
          code: t.c.code,
          expected,
          discriminator: lineNdc(ctx.rules, t.c) ?? '',
          ...(medicaid ? { severity: 'error' as const } : {}),
          ...(money.amountAtRisk !== undefined ? { amountAtRisk: money.amountAtRisk, direction: 'denial' as const } : {}),
        });
      }
    }
  },
};
