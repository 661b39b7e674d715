import type { Check } from '../types.js';
import { codingFor } from '../admin/mar-input.js';

/** `documentation.start-stop`: a MAR administration whose start or stop time is missing, unreadable or reversed. */
export const startStop: Check = {
  id: 'documentation.start-stop',
  category: 'documentation',
  severity: 'error',
  needs: ['mar'],
  ruleTables: ['admin-terms'],
  docs: {
    summary: 'An administration has no readable start time, an IV infusion has no (or an unreadable) stop time, or the stop is before the start.',
    why: 'Every timed service needs a charted start and stop: without them an infusion supports no time-based units (at most a push), and an auditor will deny the units billed from it.',
    source: 'Medicare Claims Processing Manual (IOM 100-04) ch. 4 section 230.2 (time-based codes need documented start and stop times); CMS RAC topic 0071; shared/domain/administration-coding.md, Time rules ("Every timed service needs a charted start and stop").',
    fix: 'Complete the start and stop times in the MAR (late entry per policy), then recode the encounter.',
  },
  perEncounter(enc, ctx) {
    const d = codingFor(enc, { rules: ctx.rules, facility: ctx.facility, payers: ctx.payers });
    if (!d) return;
    for (const p of d.problems) {
      if (p.kind === 'unknown-class' || p.kind === 'unknown-route') continue;
      const row = enc.mar[p.ref];
      if (!row) continue;
      const column = p.kind === 'no-start' ? 'start' : 'stop';
      ctx.report({
        message: `${p.message}.`,
        records: [{ kind: 'mar', record: row, column }],
        patientId: row.patientId,
        ...(row.date !== undefined ? { serviceDate: row.date } : {}),
        expected: p.kind === 'reversed' ? 'a stop time after the start time' : `a charted ${column} time`,
        discriminator: `${p.kind}:${row.row}`,
      });
    }
  },
};
