import { wasteUndocumented } from '../../../src/checks/waste/undocumented.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaRequired, facility, visit } from '../waste-fixtures.js';

// Adcetris J9042 x 135 (SI K, single-dose, $258.64), MAR waste blank (drug-billing.md example 9).
const adcetris = (date: string, mods: string[], wasted?: number, payer?: string) =>
  visit({ date, lines: [['J9042', 135, mods, '51144-0050-01']], mar: [['J9042', 135, 'mg', wasted]], ...(payer ? { payer } : {}) });

export default {
  check: wasteUndocumented,
  facility,
  valid: [
    { name: 'JZ billed (nothing to document beyond the modifier)', encounters: adcetris('2025-12-16', ['JZ']) },
    { name: 'waste documented as 0 (waste.jz-missing instead)', encounters: adcetris('2025-12-16', [], 0) },
    { name: 'before 2023-07-01', encounters: adcetris('2023-06-30', []) },
    { name: 'commercial payer, not-required', encounters: adcetris('2025-12-16', [], undefined, AETNA) },
    { name: 'Medicare SI N (J9041)', encounters: visit({ date: '2025-11-13', lines: [['J9041', 25, []]], mar: [['J9041', 2.431, 'mg']] }) },
    { name: 'multi-dose NDC (Trazimera 420 mg)', encounters: visit({ date: '2025-12-02', lines: [['Q5116', 36, [], '00069-0305-01']], mar: [['Q5116', 360, 'mg']] }) },
  ],
  invalid: [
    {
      name: 'Medicare J9042 x 135, no modifier, MAR waste blank (example 9): whole line',
      encounters: adcetris('2025-12-16', []),
      expect: [{ line: '1', severityResolved: 'warning', direction: 'denial', amountAtRisk: 34916.4 }],
    },
    {
      name: 'on 2023-07-01',
      encounters: adcetris('2023-07-01', []),
      expect: [{ code: 'J9042' }],
    },
    {
      name: 'commercial payer with jwjz: required',
      facility: aetnaRequired,
      encounters: adcetris('2025-12-16', [], undefined, AETNA),
      expect: [{ amountAtRisk: 34916.4 }],
    },
  ],
} satisfies CaseTable;
