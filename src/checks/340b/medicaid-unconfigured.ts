import type { Check } from '../types.js';
import { lineFinding } from './common.js';
import { MEDICAID_SOURCE, dispenseIds, forEachMedicaidLine, has340bDose } from './medicaid.js';

/** `340b.medicaid-unconfigured`: a 340B dose billed to a Medicaid payer with no medicaid340b policy. */
export const medicaidUnconfigured340b: Check = {
  id: '340b.medicaid-unconfigured',
  category: '340b',
  severity: 'warning',
  needs: ['claims', 'dispense'],
  docs: {
    summary: 'A drug line dispensed from 340B stock is billed to a Medicaid payer whose facility.yaml entry sets no medicaid340b policy, so the carve-in/out and state identifier checks cannot judge it.',
    why: 'Whether a 340B dose may go on a Medicaid claim, and which modifier marks it, depends on the site\'s carve-in/out choice (HRSA Medicaid Exclusion File for fee-for-service, the state or plan for managed care) and the state\'s rules. Without the policy a duplicate discount or a missing state identifier goes unseen.',
    source: MEDICAID_SOURCE,
    fix: 'Add payers[].policy.medicaid340b to facility.yaml for this payer: {carve: in | out, modifier, position, non340bModifier, managedCare} from the state table (rules/README.md).',
  },
  perEncounter(enc, ctx) {
    forEachMedicaidLine(enc, ctx, (a, p) => {
      if (p !== undefined || !has340bDose(a)) return;
      const l = a.line;
      ctx.report(
        lineFinding(a, enc.patientId, {
          message: `${l.code} line ${l.line}: dispensed from 340B stock (${dispenseIds(a)}) and billed to ${l.payer}, a Medicaid payer with no medicaid340b policy in facility.yaml; carve-in/out and the state identifier are not checked.`,
          expected: `a medicaid340b policy for ${l.payer} in facility.yaml`,
        }, 'payer'),
      );
    });
  },
};
