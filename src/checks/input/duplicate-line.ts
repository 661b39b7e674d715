import type { Check } from '../types.js';

/** `input.duplicate-line`: two different rows claim the same claim id and line number. */
export const duplicateLine: Check = {
  id: 'input.duplicate-line',
  category: 'input',
  severity: 'error',
  needs: ['claims'],
  docs: {
    summary: 'Two different rows carry the same claim_id and line number.',
    why: 'A claim line is identified by its claim and line number; two different rows under one identity mean a broken export or a line that was edited and exported twice, and either could be the one the payer saw.',
    source: 'shared/SPEC.md "Inputs" (claims: one row per claim line, claim_id + line) and "Checks and categories" (input: duplicates).',
    fix: 'Keep the row that matches the submitted claim; re-export with unique line numbers.',
  },
  perEncounter(enc, ctx) {
    const seen = new Map<string, (typeof enc.claims)[number]>();
    for (const c of enc.claims) {
      const k = `${c.claimId}\u001f${c.line}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, c);
        continue;
      }
      ctx.report({
        message: `Claim ${c.claimId} line ${c.line} appears on two different rows (rows ${first.row} and ${c.row}).`,
        records: [{ kind: 'claims', record: c }, { kind: 'claims', record: first }],
        patientId: c.patientId,
        claimId: c.claimId,
        line: c.line,
        serviceDate: c.serviceDate,
        code: c.code,
        expected: `one row for claim ${c.claimId} line ${c.line}`,
        discriminator: `row-pair`,
      });
    }
  },
};
