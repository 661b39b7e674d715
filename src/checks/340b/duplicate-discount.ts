import type { Check } from '../types.js';
import { lineFinding } from './common.js';
import { MEDICAID_SOURCE, carveWords, dispenseIds, forEachMedicaidLine, has340bDose } from './medicaid.js';

/** `340b.duplicate-discount`: a 340B dose billed to a Medicaid payer the site carves out. */
export const duplicateDiscount340b: Check = {
  id: '340b.duplicate-discount',
  category: '340b',
  severity: 'error',
  needs: ['claims', 'dispense'],
  docs: {
    summary: 'A drug line billed to a Medicaid payer whose policy is carve-out (facility.yaml medicaid340b carve: out) was dispensed, in whole or in part, from 340B stock.',
    why: 'A manufacturer may not give both a 340B price and a Medicaid rebate on one drug. A carve-out site is not on the HRSA Medicaid Exclusion File (or, for managed care, has told the state or plan it carves out), so the state invoices the manufacturer a rebate on this line: a duplicate discount the covered entity must repay to the manufacturer, and a 340B program compliance finding. The rebate at stake is not on the claim (no amount).',
    source: MEDICAID_SOURCE,
    fix: 'Replenish the dose from non-340B (WAC/GPO) inventory and correct the dispense record, or, if the site actually carves in for this Medicaid number, correct facility.yaml medicaid340b and the MEF listing.',
  },
  perEncounter(enc, ctx) {
    forEachMedicaidLine(enc, ctx, (a, p) => {
      if (p?.carve !== 'out' || !has340bDose(a)) return;
      const l = a.line;
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: billed to ${l.payer}, where ${carveWords(p)}, but dispensed from 340B stock (${dispenseIds(a)}); the Medicaid rebate and the 340B price would both apply.`,
          expected: `${l.code} for ${l.payer} dispensed from non-340B stock`,
        }, 'payer'),
      );
    });
  },
};
