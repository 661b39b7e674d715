import { expect } from 'vitest';
import { unitsOverDispensed } from '../../../src/checks/units/over-dispensed.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { disp, drugLine, visit } from '../units-fixtures.js';

// Neulasta 55513-0190-01: BILLUNITS 12 per syringe (crosswalk Oct 2025), J2506 0.5 mg, $89.344.
const D = '2025-10-30';
const NDC = '55513019001';

export default {
  check: unitsOverDispensed,
  facility: typedFacility(),
  valid: [
    { name: 'x12 from 1 syringe (12 units)', encounters: visit([drugLine('J2506', 12, D)], [], [disp(NDC, 1, D)]) },
    { name: 'x12 + JW x12 from 2 syringes', encounters: visit([drugLine('J2506', 12, D), drugLine('J2506', 12, D, { modifiers: ['JW'] })], [], [disp(NDC, 2, D)]) },
    { name: 'a dispense of 6 mg holds 12 units', encounters: visit([drugLine('J2506', 12, D)], [], [disp(NDC, 6, D, { quantityUnit: 'mg' })]) },
    { name: 'a quantity in mL cannot be valued for a mg code: not judged', encounters: visit([drugLine('J2506', 24, D)], [], [disp(NDC, 0.6, D, { quantityUnit: 'mL' })]) },
    { name: 'no dispense record: not judged (charge capture)', encounters: visit([drugLine('J2506', 24, D)]) },
  ],
  invalid: [
    {
      name: 'x13 from 1 syringe',
      encounters: visit([drugLine('J2506', 13, D)], [], [disp(NDC, 1, D)]),
      expect: [{ code: 'J2506', direction: 'over', amountAtRisk: 89.34, expected: 'J2506 at most x12 in all (administered + JW), what the dispensed containers hold' }],
    },
    {
      name: 'x12 + JW x4 from 1 syringe: JW counts',
      encounters: visit([drugLine('J2506', 12, D), drugLine('J2506', 4, D, { modifiers: ['JW'] })], [], [disp(NDC, 1, D)]),
      expect: [{ amountAtRisk: 357.38, message: expect.stringContaining('4 units more than dispensed') }],
    },
    {
      name: 'x13 from a 6 mg dispense',
      encounters: visit([drugLine('J2506', 13, D)], [], [disp(NDC, 6, D, { quantityUnit: 'mg' })]),
      expect: [{ amountAtRisk: 89.34 }],
    },
  ],
} satisfies CaseTable;
