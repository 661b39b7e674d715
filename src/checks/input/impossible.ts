import type { Check } from '../types.js';

/** `input.impossible-value`: values no real claim, dispense or authorization can have. */
export const impossibleValue: Check = {
  id: 'input.impossible-value',
  category: 'input',
  severity: 'error',
  needs: ['claims'],
  docs: {
    summary:
      'Values that cannot be right: a claim line with zero units (warning), a date of service after the day of the audit, ' +
      'a dispense of zero quantity, an authorization that ends before it starts.',
    why: 'Such rows make every later check meaningless for the line; they usually come from a broken interface or a test record left in production.',
    source: 'shared/SPEC.md "Checks and categories": input covers rows that could not be read or linked, duplicates, impossible values.',
    fix: 'Correct the source record; for zero-unit lines, remove them or bill the units actually given.',
  },
  start(ctx) {
    for (const a of ctx.auths) {
      if (a.endDate < a.startDate) {
        ctx.report({
          message: `Authorization ${a.authId} ends (${a.endDate}) before it starts (${a.startDate}).`,
          records: [{ kind: 'auths', record: a, column: 'end_date' }],
          patientId: a.patientId,
          code: a.code,
          expected: 'an end date on or after the start date',
          discriminator: `auth:${a.authId}`,
        });
      }
    }
  },
  perEncounter(enc, ctx) {
    for (const c of enc.claims) {
      if (c.units === 0) {
        ctx.report({
          message: `Claim ${c.claimId} line ${c.line} bills 0 units of ${c.code}.`,
          records: [{ kind: 'claims', record: c, column: 'units' }],
          patientId: c.patientId,
          claimId: c.claimId,
          line: c.line,
          serviceDate: c.serviceDate,
          code: c.code,
          severity: 'warning',
          expected: 'the units given, or no line',
          discriminator: 'zero-units',
        });
      }
      if (c.serviceDate > ctx.today) {
        ctx.report({
          message: `Claim ${c.claimId} line ${c.line} has a date of service (${c.serviceDate}) after the audit date (${ctx.today}).`,
          records: [{ kind: 'claims', record: c, column: 'service_date' }],
          patientId: c.patientId,
          claimId: c.claimId,
          line: c.line,
          serviceDate: c.serviceDate,
          code: c.code,
          expected: 'a date of service on or before today',
          discriminator: 'future-date',
        });
      }
    }
    for (const d of enc.dispense) {
      if (d.quantity <= 0) {
        ctx.report({
          message: `Dispense ${d.dispenseId} has quantity ${d.quantity}.`,
          records: [{ kind: 'dispense', record: d, column: 'quantity' }],
          patientId: d.patientId,
          serviceDate: d.dispenseDate,
          expected: 'a quantity above zero',
          discriminator: `dispense:${d.dispenseId}`,
        });
      }
    }
  },
};
