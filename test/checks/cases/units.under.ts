import { expect } from 'vitest';
import { unitsUnder } from '../../../src/checks/units/under.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, dose, drugLine, visit } from '../units-fixtures.js';

// Neulasta J2506 (0.5 mg, $89.344); bevacizumab J9035 (10 mg, $73.201).
const D = '2025-10-30';
const neulasta = (mg: number) => dose('pegfilgrastim (Neulasta)', mg, 'mg', D);

export default {
  check: unitsUnder,
  facility: typedFacility(),
  valid: [
    { name: 'J2506 x12 for 6 mg', encounters: visit([drugLine('J2506', 12, D)], [neulasta(6)]) },
    { name: 'J9035 x3 for two 15 mg doses (= min ceil(30 / 10))', encounters: visit([drugLine('J9035', 3, D)], [dose('bevacizumab', 15, 'mg', D), dose('bevacizumab', 15, 'mg', D)]) },
    { name: 'J2506 x1 for 0.05 mg (a dose under one unit is 1)', encounters: visit([drugLine('J2506', 1, D)], [neulasta(0.05)]) },
    { name: 'over is not under', encounters: visit([drugLine('J2506', 24, D)], [neulasta(6)]) },
  ],
  invalid: [
    {
      name: 'J2506 x6 for 6 mg (worked example 8)',
      encounters: visit([drugLine('J2506', 6, D)], [neulasta(6)]),
      expect: [{ code: 'J2506', direction: 'under', expected: 'J2506 x12', amountAtRisk: 536.06, severityResolved: 'error' }],
    },
    { name: 'J2506 x11 for 6 mg: one under', encounters: visit([drugLine('J2506', 11, D)], [neulasta(6)]), expect: [{ amountAtRisk: 89.34 }] },
    {
      name: 'J9035 x2 for two 15 mg doses (below min 3); commercial estimate',
      encounters: visit([drugLine('J9035', 2, D, { payer: AETNA })], [dose('bevacizumab', 15, 'mg', D), dose('bevacizumab', 15, 'mg', D)]),
      expect: [{ expected: 'J9035 x3 (accepted 3 to 4)', amountAtRisk: 73.2, message: expect.stringContaining('estimate') }],
    },
    {
      name: 'only a JW line billed for the dose: the administered units are missing',
      encounters: visit([drugLine('J2506', 1, D), drugLine('J2506', 11, D, { modifiers: ['JW'] })], [neulasta(6)]),
      expect: [{ amountAtRisk: 982.78 }],
    },
  ],
} satisfies CaseTable;
