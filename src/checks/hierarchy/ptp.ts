import type { Check } from '../types.js';
import type { ClaimLine } from '../../model.js';
import type { NcciModifiersData } from '../../rules/schemas.js';
import { cmsRelease, ptpPairsFor } from '../../rules/cms.js';
import { adminLines } from '../admin/billed.js';
import { adminAmount } from '../admin/price.js';
import { memo2, memo3 } from '../memo.js';

/** `hierarchy.ncci-ptp`: two administration codes billed on one date that an NCCI PTP edit pairs. */
export const ncciPtp: Check = {
  id: 'hierarchy.ncci-ptp',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['ncci-ptp', 'ncci-modifiers', 'admin-codes'],
  docs: {
    summary: 'Two administration codes billed for one date form an NCCI procedure-to-procedure (PTP) pair of the hospital outpatient table: indicator 0 (never together) or indicator 1 without an NCCI-associated modifier.',
    why: 'The column-2 code of a PTP pair is denied unless the edit allows a modifier (indicator 1) and a modifier such as 59 or XU marks a separate and distinct service; with indicator 0 it is denied whatever the modifier (e.g. a port flush 96523 beside an infusion).',
    source: 'CMS NCCI PTP edits, hospital outpatient table (imported by `rules import` into rules/cms/<quarter>/ncci-ptp; effective and deletion dates honoured, indicator 9 ignored; when no release is in force on the date the nearest one loaded is used and named); NCCI-associated modifiers: NCCI Policy Manual ch. I section E (rules/codes/ncci-modifiers.yaml); shared/domain/administration-coding.md, Edits that come from CMS data files.',
    fix: 'Remove the column-2 line, or, for an indicator-1 pair where the chart documents a separate service (another access site, another session), add the appropriate modifier (XU, XS or 59) to the column-2 line.',
  },
  perEncounter(enc, ctx) {
    const lines = adminLines(enc, ctx.rules);
    if (lines.length < 2) return;
    const byDate = new Map<string, ClaimLine[]>();
    for (const c of lines) {
      const l = byDate.get(c.serviceDate);
      if (l) l.push(c);
      else byDate.set(c.serviceDate, [c]);
    }
    for (const [date, day] of byDate) {
      // the NCCI-associated modifiers in force on the date, built once per date (not per encounter)
      const mods = memo2(ctx.rules, 'ptp-modifiers', date, '', () => new Set(ctx.rules.get<NcciModifiersData>('ncci-modifiers', date)?.data.modifiers ?? []));
      const release = memo2(ctx.rules, 'ptp-release', date, '', () => cmsRelease(ctx.rules, 'ncci-ptp', date));
      if (!release) return;
      let seen: Set<string> | undefined;
      for (const c1 of day) {
        for (const c2 of day) {
          if (c1 === c2 || c1.code === c2.code) continue;
          const edit = memo3(ctx.rules, 'ptp', date, c1.code, c2.code, () => ptpPairsFor(ctx.rules, c1.code, c2.code, date)[0]);
          if (!edit) continue;
          const key = `${c1.code}|${c2.code}`;
          if (seen?.has(key)) continue;
          (seen ??= new Set()).add(key);
          const marked = [...c1.modifiers, ...c2.modifiers].some((m) => mods.has(m.toUpperCase()));
          if (edit.modifierAllowed && marked) continue;
          const col2Lines = day.filter((x) => x.code === c2.code);
          const units = col2Lines.reduce((n, x) => n + x.units, 0);
          const amount = adminAmount(ctx.rules, c2.code, units, date);
          const rel = `NCCI PTP ${release.version}${release.inForce ? '' : ', the nearest release loaded'}`;
          ctx.report({
            message: edit.modifierAllowed
              ? `${c2.code} is billed with ${c1.code} on ${date} without an NCCI-associated modifier; the pair is an NCCI edit with modifier indicator 1 (${rel}).`
              : `${c2.code} is billed with ${c1.code} on ${date}; NCCI never pays this pair together (modifier indicator 0, ${rel}).`,
            records: [{ kind: 'claims', record: c2, column: 'code' }, { kind: 'claims', record: c1 }],
            patientId: enc.patientId,
            claimId: c2.claimId,
            line: c2.line,
            serviceDate: date,
            code: c2.code,
            expected: edit.modifierAllowed
              ? `no ${c2.code} beside ${c1.code}, or ${c2.code} with XU/XS/59 when the chart documents a separate service`
              : `no ${c2.code} beside ${c1.code}`,
            direction: 'denial',
            ...(amount !== undefined ? { amountAtRisk: amount } : {}),
            discriminator: key,
          });
        }
      }
    }
  },
};
