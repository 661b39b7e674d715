import { wasteJzWithWaste } from '../../../src/checks/waste/jz-with-waste.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaRequired, facility, visit } from '../waste-fixtures.js';

// Privigen J1459 (500 mg, SI K, single-dose, $50.737): 27.2 g given, 2.8 g discarded (example 1).
const privigen = (date: string, lines: [string, number, string[], string?][], wasted: number | undefined, payer?: string) =>
  visit({ date, lines, mar: [['J1459', 27.2, 'g', wasted]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJzWithWaste,
  facility,
  valid: [
    { name: 'J1459 x 55 + J1459-JW x 5', encounters: privigen('2025-11-18', [['J1459', 55, []], ['J1459', 5, ['JW']]], 2.8) },
    { name: 'J1459-JZ x 55 with waste 0.4 g (under one unit)', encounters: privigen('2025-11-18', [['J1459', 55, ['JZ']]], 0.4) },
    { name: 'JZ on SI N is ignored (J9041 Medicare, example 3)', encounters: visit({ date: '2025-11-13', lines: [['J9041', 25, ['JZ']]], mar: [['J9041', 2.431, 'mg', 1.069]] }) },
    { name: 'JZ on a multi-dose NDC is ignored (Trazimera 420 mg)', encounters: visit({ date: '2025-12-02', lines: [['Q5116', 36, ['JZ'], '00069-0305-01']], mar: [['Q5116', 360, 'mg', 60]] }) },
    { name: 'JZ before 2023-01-01: waste.jw-not-allowed, not this check', encounters: privigen('2022-12-31', [['J1459', 55, ['JZ']]], 2.8) },
  ],
  invalid: [
    {
      name: 'Medicare J1459-JZ x 55, MAR waste 2.8 g (example 1)',
      encounters: privigen('2025-11-18', [['J1459', 55, ['JZ']]], 2.8),
      expect: [{ line: '1', severityResolved: 'error', expected: 'J1459 x 55 + J1459-JW x 5', amountAtRisk: 253.69, direction: 'under' }],
    },
    {
      name: 'JZ in the optional period (2023-03-01) with waste',
      encounters: privigen('2023-03-01', [['J1459', 55, ['JZ']]], 2.8),
      expect: [{ severityResolved: 'error' }],
    },
    {
      name: 'commercial payer, not-required: a warning',
      encounters: privigen('2025-11-18', [['J1459', 55, ['JZ']]], 2.8, AETNA),
      expect: [{ severityResolved: 'warning', amountAtRisk: 253.69 }],
    },
    {
      name: 'commercial payer with jwjz: required: an error',
      facility: aetnaRequired,
      encounters: privigen('2025-11-18', [['J1459', 55, ['JZ']]], 2.8, AETNA),
      expect: [{ severityResolved: 'error' }],
    },
  ],
} satisfies CaseTable;
