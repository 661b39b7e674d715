import { expect } from 'vitest';
import { unitsOver } from '../../../src/checks/units/over.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, dose, drugLine, visit } from '../units-fixtures.js';

// Neulasta J2506 (0.5 mg, P $89.344 Oct 2025, SI K); bevacizumab J9035 (10 mg, $73.201); diphenhydramine J1200 (up to 50 mg, $0.755, SI N).
const D = '2025-10-30';
const neulasta = (mg: number, date = D) => dose('pegfilgrastim (Neulasta)', mg, 'mg', date);

export default {
  check: unitsOver,
  facility: typedFacility(),
  valid: [
    { name: 'J2506 x12 for 6 mg (= max)', encounters: visit([drugLine('J2506', 12, D)], [neulasta(6)]) },
    { name: 'J2506 x11 for 5.01 mg (rounded up: 10.02 -> 11)', encounters: visit([drugLine('J2506', 11, D)], [neulasta(5.01)]) },
    { name: 'J9035 x4 for two 15 mg doses (max = 2 + 2)', encounters: visit([drugLine('J9035', 4, D)], [dose('bevacizumab', 15, 'mg', D), dose('bevacizumab', 15, 'mg', D)]) },
    { name: 'J2506 x12 + JW x4: JW lines are not administered units', encounters: visit([drugLine('J2506', 12, D), drugLine('J2506', 4, D, { modifiers: ['JW'] })], [neulasta(6)]) },
    { name: 'J1200 x1 for 25 mg (up to 50 mg)', encounters: visit([drugLine('J1200', 1, D)], [dose('diphenhydramine', 25, 'mg', D)]) },
    { name: 'dose in mcg converted: 6000 mcg = 12 units', encounters: visit([drugLine('J2506', 12, D)], [dose('pegfilgrastim (Neulasta)', 6000, 'mcg', D)]) },
    { name: 'MAR on another date: not compared (units.unverifiable)', encounters: visit([drugLine('J2506', 24, D)], [neulasta(6, '2025-10-29')]) },
    { name: 'no MAR: nothing', encounters: visit([drugLine('J2506', 24, D)]) },
  ],
  invalid: [
    {
      name: 'J2506 x24 for 6 mg (worked example 8)',
      encounters: visit([drugLine('J2506', 24, D)], [neulasta(6)]),
      expect: [{ code: 'J2506', direction: 'over', expected: 'J2506 x12', amountAtRisk: 1072.13, severityResolved: 'error', message: 'J2506 x24 on 2025-10-30: the MAR dose (6 mg in all) of a 0.5 mg unit supports 12 units; 12 units billed over the dose: $1,072.13.' }],
    },
    { name: 'J2506 x13 for 6 mg: one over', encounters: visit([drugLine('J2506', 13, D)], [neulasta(6)]), expect: [{ amountAtRisk: 89.34 }] },
    {
      name: 'J9035 x5 for two 15 mg doses (above max 4), over two lines',
      encounters: visit([drugLine('J9035', 3, D), drugLine('J9035', 2, D)], [dose('bevacizumab', 15, 'mg', D), dose('bevacizumab', 15, 'mg', D)]),
      expect: [{ code: 'J9035', expected: 'J9035 x4 (accepted 3 to 4) over its administered lines', amountAtRisk: 73.2 }],
    },
    {
      name: 'commercial J1200 x25 for 25 mg: an estimate (worked example 2)',
      encounters: visit([drugLine('J1200', 25, '2025-12-09', { payer: AETNA })], [dose('diphenhydramine', 25, 'mg', '2025-12-09')]),
      expect: [{ amountAtRisk: 18.12, message: expect.stringContaining('estimate') }],
    },
    {
      name: 'Medicare J1200 x25: packaged, no amount',
      encounters: visit([drugLine('J1200', 25, '2025-12-09')], [dose('diphenhydramine', 25, 'mg', '2025-12-09')]),
      expect: [{ message: expect.stringContaining('packaged (SI N)') }],
    },
  ],
} satisfies CaseTable;
