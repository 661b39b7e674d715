import { wasteJwUnits } from '../../../src/checks/waste/jw-units.js';
import type { CaseTable } from '../harness.js';
import { AETNA, facility, visit } from '../waste-fixtures.js';

// Adcetris J9042 (1 mg, SI K, single-dose, $258.64): 135 mg given, 15 mg discarded.
const adcetris = (jw: number, wasted: number, payer?: string, date = '2025-12-16') =>
  visit({ date, lines: [['J9042', 135, []], ['J9042', jw, ['JW']]], mar: [['J9042', 135, 'mg', wasted]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJwUnits,
  facility,
  valid: [
    { name: 'JW x 15 = floor(15 mg / 1 mg)', encounters: adcetris(15, 15) },
    { name: 'JW x 15 with 15.7 mg discarded (rounded down)', encounters: adcetris(15, 15.7) },
    { name: 'JW before 2017-01-01 with the right units', encounters: adcetris(15, 15, undefined, '2016-06-01') },
    { name: 'commercial not-required: JW below the waste is not judged', encounters: adcetris(10, 15, AETNA) },
    { name: 'JW on SI N: waste.jw-not-allowed, not this check', encounters: visit({ date: '2025-11-13', lines: [['J9041', 25, []], ['J9041', 12, ['JW']]], mar: [['J9041', 2.431, 'mg', 1.069]] }) },
  ],
  invalid: [
    {
      name: 'JW x 20 above 15 documented units: error, over',
      encounters: adcetris(20, 15),
      expect: [{ line: '2', severityResolved: 'error', direction: 'over', amountAtRisk: 1293.2, expected: 'J9042 x 135 + J9042-JW x 15' }],
    },
    {
      name: 'JW x 10 below 15 documented units: warning, under',
      encounters: adcetris(10, 15),
      expect: [{ severityResolved: 'warning', direction: 'under', amountAtRisk: 1293.2 }],
    },
    {
      name: 'JW x 1 with 0.5 mg discarded (0 units: JZ expected)',
      encounters: adcetris(1, 0.5),
      expect: [{ severityResolved: 'error', expected: 'J9042-JZ x 135' }],
    },
    {
      name: 'commercial not-required: JW above the documented waste is a warning',
      encounters: adcetris(20, 15, AETNA),
      expect: [{ severityResolved: 'warning', direction: 'over' }],
    },
  ],
} satisfies CaseTable;
