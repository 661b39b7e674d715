import { expect } from 'vitest';
import { unitsMue } from '../../../src/checks/units/mue.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, dose, drugLine, visit } from '../units-fixtures.js';

// Outpatient hospital MUE (rules/cms/2026Q4/ncci-mue.csv): J2506 12 (MAI 3), J0178 4 (MAI 2), J1200 8 (MAI 3);
// J0163 is priced but absent from the MUE file (unknown, not checked). P: J2506 $89.344, J0178 $771.558.
const D = '2025-10-30';
const neulasta = (mg: number) => dose('pegfilgrastim (Neulasta)', mg, 'mg', D);

export default {
  check: unitsMue,
  facility: typedFacility(),
  valid: [
    { name: 'J2506 x12 (= MUE)', encounters: visit([drugLine('J2506', 12, D)], [neulasta(6)]) },
    { name: 'a commercial payer (policy mue: none)', encounters: visit([drugLine('J2506', 24, D, { payer: AETNA })], [neulasta(6)]) },
    { name: 'J0163 absent from the MUE file: no check', encounters: visit([drugLine('J0163', 500, D)]) },
    { name: 'J0178 x2 on each of two dates', encounters: visit([drugLine('J0178', 2, D), drugLine('J0178', 2, D), drugLine('J0178', 2, '2025-10-31')]) },
  ],
  invalid: [
    {
      name: 'J2506 x24 for 6 mg (worked example 8): error, the line as it should be billed',
      encounters: visit([drugLine('J2506', 24, D)], [neulasta(6)]),
      expect: [{ code: 'J2506', direction: 'denial', severityResolved: 'error', amountAtRisk: 1072.13, expected: 'J2506 at most x12 per date of service; the MAR supports x12' }],
    },
    {
      name: 'MAI 3 excess the MAR supports (6.5 mg = 13 units): warning',
      encounters: visit([drugLine('J2506', 13, D)], [neulasta(6.5)]),
      expect: [{ severityResolved: 'warning', amountAtRisk: 1161.47, message: expect.stringContaining('appeal') }],
    },
    {
      name: 'JW lines count toward the per-date MUE',
      encounters: visit([drugLine('J2506', 12, D), drugLine('J2506', 1, D, { modifiers: ['JW'] })], [neulasta(6)]),
      expect: [{ severityResolved: 'error', message: expect.stringContaining('over 2 lines') }],
    },
    {
      name: 'J0178 x5 over two lines of one date (MAI 2): one finding, no MAR: billed units priced',
      encounters: visit([drugLine('J0178', 3, D), drugLine('J0178', 2, D)]),
      expect: [{ code: 'J0178', severityResolved: 'error', amountAtRisk: 3857.79 }],
    },
    {
      name: 'Medicare J1200 x25 (worked example 2): packaged, no amount',
      encounters: visit([drugLine('J1200', 25, '2025-12-09')], [dose('diphenhydramine', 25, 'mg', '2025-12-09')]),
      expect: [{ code: 'J1200', severityResolved: 'error' }],
    },
  ],
} satisfies CaseTable;
