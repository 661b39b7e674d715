import { wasteJwMissing } from '../../../src/checks/waste/jw-missing.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaRequired, facility, visit } from '../waste-fixtures.js';

// Adcetris J9042 (1 mg, SI K, single-dose), 135 mg given, 15 mg discarded (drug-billing.md example 9).
const adcetris = (date: string, lines: [string, number, string[], string?][], wasted?: number, payer?: string) =>
  visit({ date, lines, mar: [['J9042', 135, 'mg', wasted]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJwMissing,
  facility,
  valid: [
    { name: 'J9042 x 135 + J9042-JW x 15 (waste 15 mg)', encounters: adcetris('2025-12-16', [['J9042', 135, []], ['J9042', 15, ['JW']]], 15) },
    { name: 'before 2017-01-01 JW was not required', encounters: adcetris('2016-12-31', [['J9042', 135, []]], 15) },
    { name: 'waste under one unit (0.5 mg): JZ, not JW', encounters: adcetris('2025-12-16', [['J9042', 135, ['JZ']]], 0.5) },
    { name: 'Medicare SI N (J9041 bortezomib): no JW expected', encounters: visit({ date: '2025-11-13', lines: [['J9041', 25, [], '00143-9098-01']], mar: [['J9041', 2.431, 'mg', 1.069]] }) },
    { name: 'multi-dose NDC (Trazimera 420 mg 00069-0305-01): the rest is not waste', encounters: visit({ date: '2025-12-02', lines: [['Q5116', 36, [], '00069-0305-01']], mar: [['Q5116', 360, 'mg', 60]] }) },
    { name: 'commercial payer, policy not-required (default)', encounters: adcetris('2025-12-16', [['J9042', 135, []]], 15, AETNA) },
    { name: 'JZ billed with waste: waste.jz-with-waste, not this check', encounters: adcetris('2025-12-16', [['J9042', 135, ['JZ']]], 15) },
  ],
  invalid: [
    {
      name: 'Medicare J9042 x 135 alone, MAR waste 15 mg (example 9)',
      encounters: adcetris('2025-12-16', [['J9042', 135, []]], 15),
      expect: [{ line: '1', code: 'J9042', severityResolved: 'error', expected: 'J9042 x 135 + J9042-JW x 15', amountAtRisk: 3879.6, direction: 'under' }],
    },
    {
      name: 'on 2017-01-01 (first day JW is required)',
      encounters: adcetris('2017-01-01', [['J9042', 135, []]], 15),
      expect: [{ expected: 'J9042 x 135 + J9042-JW x 15' }],
    },
    {
      name: 'commercial payer with jwjz: required (estimate at the ASP limit)',
      facility: aetnaRequired,
      encounters: adcetris('2025-12-16', [['J9042', 135, []]], 15, AETNA),
      expect: [{ amountAtRisk: 3879.6, direction: 'under' }],
    },
    {
      name: 'Trazimera 150 mg single-dose NDC 00069-0308-01: 140 mg given, 10 mg discarded = JW x 1',
      encounters: visit({ date: '2025-12-02', lines: [['Q5116', 14, [], '00069-0308-01']], mar: [['Q5116', 140, 'mg', 10]] }),
      expect: [{ expected: 'Q5116 x 14 + Q5116-JW x 1', amountAtRisk: 27.99 }],
    },
  ],
} satisfies CaseTable;
