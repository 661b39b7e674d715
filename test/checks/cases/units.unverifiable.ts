import { expect } from 'vitest';
import { unitsUnverifiable } from '../../../src/checks/units/unverifiable.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { dose, drugLine, visit } from '../units-fixtures.js';

const D = '2025-10-30';

export default {
  check: unitsUnverifiable,
  facility: typedFacility(),
  valid: [
    { name: 'a convertible MAR dose', encounters: visit([drugLine('J2506', 12, D)], [dose('Neulasta', 6, 'mg', D)]) },
    { name: 'no MAR rows at all: charge capture\'s business, not a units note', encounters: visit([drugLine('J2506', 12, D)]) },
    { name: 'a JW line is not a units line', encounters: visit([drugLine('J2506', 12, D), drugLine('J2506', 2, D, { modifiers: ['JW'] })], [dose('Neulasta', 6, 'mg', D)]) },
    { name: 'a NOC line is the drug-code checks\' business', encounters: visit([drugLine('J3490', 1, D)], [dose('ondansetron', 4, 'mg', D)]) },
  ],
  invalid: [
    {
      name: 'the MAR holds another drug only',
      encounters: visit([drugLine('J2506', 12, D)], [dose('ondansetron', 4, 'mg', D)]),
      expect: [{ code: 'J2506', severityResolved: 'info', message: expect.stringContaining('no administration of this drug') }],
    },
    {
      name: 'dose in mL for a mg code: not converted',
      encounters: visit([drugLine('J2506', 12, D)], [dose('Neulasta', 0.6, 'mL', D)]),
      expect: [{ message: expect.stringContaining('cannot be converted') }],
    },
    {
      name: 'the MAR row has no dose; one note per administered line',
      encounters: visit([drugLine('J2506', 6, D), drugLine('J2506', 6, D)], [dose('Neulasta', undefined, undefined, D)]),
      expect: [{ message: expect.stringContaining('has no dose') }, { message: expect.stringContaining('has no dose') }],
    },
    {
      name: 'the MAR dose is on the day before',
      encounters: visit([drugLine('J2506', 12, D)], [dose('Neulasta', 6, 'mg', '2025-10-29')]),
      expect: [{ expected: 'J2506 units = MAR dose / 0.5 mg, rounded up' }],
    },
  ],
} satisfies CaseTable;
