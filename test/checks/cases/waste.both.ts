import { wasteBoth } from '../../../src/checks/waste/both.js';
import type { CaseTable } from '../harness.js';
import { AETNA, facility, visit } from '../waste-fixtures.js';

const adcetris = (lines: [string, number, string[], string?][], payer?: string) =>
  visit({ date: '2025-12-16', lines, mar: [['J9042', 135, 'mg', 15]], ...(payer ? { payer } : {}) });

export default {
  check: wasteBoth,
  facility,
  valid: [
    { name: 'J9042 x 135 + J9042-JW x 15', encounters: adcetris([['J9042', 135, []], ['J9042', 15, ['JW']]]) },
    { name: 'J9042-JZ x 135', encounters: adcetris([['J9042', 135, ['JZ']]]) },
    { name: 'JW beside a TB administered line', encounters: adcetris([['J9042', 135, ['TB']], ['J9042', 15, ['JW', 'TB']]]) },
  ],
  invalid: [
    {
      name: 'JW and JZ on one line',
      encounters: adcetris([['J9042', 135, []], ['J9042', 15, ['JW', 'JZ']]]),
      expect: [{ line: '2', severityResolved: 'error', direction: 'denial', amountAtRisk: 3879.6 }],
    },
    {
      name: 'JW line without the administered line',
      encounters: adcetris([['J9042', 15, ['JW']]]),
      expect: [{ line: '1', severityResolved: 'error', expected: 'J9042 x <administered units> + J9042-JW x 15' }],
    },
    {
      name: 'commercial not-required: a warning (one line with both, no other line: one finding)',
      encounters: adcetris([['J9042', 135, ['JW', 'JZ']]], AETNA),
      expect: [{ severityResolved: 'warning' }],
    },
  ],
} satisfies CaseTable;
