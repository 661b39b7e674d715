import { wasteJwNotAllowed } from '../../../src/checks/waste/jw-not-allowed.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaRequired, facility, visit } from '../waste-fixtures.js';

// Trazimera Q5116 (10 mg, SI K, $27.991): 360 mg from one 420 mg multiple-dose vial (example 4).
const trazimera = (ndc: string, jw: number, payer?: string) =>
  visit({ date: '2025-12-02', lines: [['Q5116', 36, [], ndc], ['Q5116', jw, ['JW'], ndc]], mar: [['Q5116', 360, 'mg', 60]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJwNotAllowed,
  facility,
  valid: [
    { name: 'JW on the single-dose 150 mg Trazimera NDC', encounters: trazimera('00069-0308-01', 6) },
    { name: 'JZ on or after 2023-01-01', encounters: visit({ date: '2023-01-01', lines: [['J9271', 200, ['JZ']]], mar: [['J9271', 200, 'mg', 0]] }) },
    { name: 'JW before 2017-01-01 on a single-dose drug (JW existed)', encounters: visit({ date: '2016-06-01', lines: [['J9042', 135, []], ['J9042', 15, ['JW']]], mar: [['J9042', 135, 'mg', 15]] }) },
    { name: 'commercial not-required: not judged', encounters: trazimera('00069-0305-01', 6, AETNA) },
  ],
  invalid: [
    {
      name: 'Q5116-JW x 6 on the 420 mg multiple-dose vial (example 4)',
      encounters: trazimera('00069-0305-01', 6),
      expect: [{ line: '2', severityResolved: 'error', direction: 'over', amountAtRisk: 167.95, expected: 'Q5116 x 36, no JW/JZ' }],
    },
    {
      name: 'JW on a JW line without NDC: takes the administered line\'s multi-dose NDC',
      encounters: visit({ date: '2025-12-02', lines: [['Q5116', 36, [], '00069-0305-01'], ['Q5116', 6, ['JW']]], mar: [['Q5116', 360, 'mg', 60]] }),
      expect: [{ line: '2', severityResolved: 'error' }],
    },
    {
      name: 'commercial required: JW on multi-dose carboplatin (catalog)',
      facility: aetnaRequired,
      encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J9045', 9, []], ['J9045', 1, ['JW']]], mar: [['J9045', 450, 'mg', 50]] }),
      expect: [{ severityResolved: 'error', amountAtRisk: 2.47 }],
    },
    {
      name: 'JW on C9399',
      encounters: visit({ date: '2025-10-06', lines: [['C9399', 1, []], ['C9399', 1, ['JW']]] }),
      expect: [{ severityResolved: 'error', expected: 'C9399 x 1 (waste in the remarks)' }],
    },
    {
      name: 'JZ before 2023-01-01: warning',
      encounters: visit({ date: '2022-12-31', lines: [['J9271', 200, ['JZ']]], mar: [['J9271', 200, 'mg', 0]] }),
      expect: [{ severityResolved: 'warning', direction: 'denial' }],
    },
    {
      name: 'JW on Medicare SI N (J9041): warning, $0',
      encounters: visit({ date: '2025-11-13', lines: [['J9041', 25, []], ['J9041', 10, ['JW']]], mar: [['J9041', 2.431, 'mg', 1.069]] }),
      expect: [{ severityResolved: 'warning', line: '2' }],
    },
  ],
} satisfies CaseTable;
