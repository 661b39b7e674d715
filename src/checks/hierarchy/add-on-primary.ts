import type { Check } from '../types.js';
import { adminCodeInfo, adminLines } from '../admin/billed.js';
import { aocPrimaries } from '../../rules/cms.js';
import { memo2 } from '../memo.js';

/** `hierarchy.add-on-without-primary`: an add-on administration code billed without any of its primary codes. */
export const addOnWithoutPrimary: Check = {
  id: 'hierarchy.add-on-without-primary',
  category: 'hierarchy',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['admin-codes'],
  docs: {
    summary: 'An add-on administration code (96361, 96366, 96367, 96368, 96375, 96376, 96411, 96415, 96417 ...) is billed with none of the primary codes it belongs to.',
    why: 'An add-on code is paid only beside a primary service; without one the line is denied (NCCI add-on code edit type 1), and it usually means the initial service was left off or coded wrong.',
    source: 'CMS NCCI add-on code (AOC) edit file (imported by `rules import` into rules/cms/<quarter>/ncci-aoc; type 1 and 3 primaries, type 2 left to the contractor, primaries marked Practitioner Only ignored on hospital claims; without an imported file, the primaries copied into rules/admin/admin-codes.yaml from AOC V2026Q2); NCCI Policy Manual ch. I section R; shared/domain/administration-coding.md, The codes.',
    fix: 'Bill the initial service the add-on belongs to (the MAR decides which), or remove the add-on line.',
  },
  perEncounter(enc, ctx) {
    const lines = adminLines(enc, ctx.rules);
    const billed = new Set(lines.map((c) => c.code));
    for (const c of lines) {
      const info = adminCodeInfo(ctx.rules, c.code, c.serviceDate);
      if (!info?.addOn) continue;
      // the CMS add-on code file wins (type 1 lists; type 2 is the contractor's call: not checked);
      // primaries the file marks "Practitioner Only" do not count on a hospital claim
      const hospital = ctx.facility.setting === 'hopd';
      const listed = memo2(ctx.rules, hospital ? 'aoc-hopd' : 'aoc-office', c.serviceDate, c.code, () => {
        const aoc = aocPrimaries(ctx.rules, c.code, c.serviceDate);
        if (aoc?.type === 2) return undefined;
        return aoc ? aoc.primaries.filter((p) => !(hospital && /practitioner only/i.test(aoc.notes.get(p) ?? ''))) : info.primaries;
      });
      if (!listed || listed.length === 0) continue;
      if (listed.some((p) => billed.has(p))) continue;
      const primaries = listed;
      ctx.report({
        message: `Add-on code ${c.code} is billed without a primary code (${primaries.join(', ')}) in the encounter.`,
        records: [{ kind: 'claims', record: c, column: 'code' }],
        patientId: c.patientId,
        claimId: c.claimId,
        line: c.line,
        serviceDate: c.serviceDate,
        code: c.code,
        expected: `one of ${primaries.join(', ')} with ${c.code}, or no ${c.code}`,
        discriminator: c.line,
      });
    }
  },
};
