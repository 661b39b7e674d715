import { ncciPtp } from '../../../src/checks/hierarchy/ptp.js';
import type { CaseTable } from '../harness.js';
import { adminClaim, enc } from '../admin-fixtures.js';

// Pairs from the shipped NCCI PTP pack (rules/cms/2026Q4/ncci-ptp.csv, hospital outpatient):
// 96413/96374 and 96365/96374 indicator 1; 96413/96523 and 96360/96523 indicator 0.
export default {
  check: ncciPtp,
  valid: [
    { name: '96413 with its add-ons', encounters: enc([adminClaim('96413'), adminClaim('96415'), adminClaim('96375')]) },
    { name: 'indicator 1 pair with XU on the column-2 line', encounters: enc([adminClaim('96413'), adminClaim('96374', 1, ['XU'])]) },
    { name: 'indicator 1 pair with 59 on the column-1 line', encounters: enc([adminClaim('96365', 1, ['59']), adminClaim('96374')]) },
    { name: 'a pair on two different dates of one encounter', encounters: enc([adminClaim('96413'), adminClaim('96374', 1, [], { serviceDate: '2025-10-07' })]) },
    { name: 'a single code', encounters: enc([adminClaim('96523')]) },
  ],
  invalid: [
    {
      name: 'indicator 1 pair without a modifier',
      encounters: enc([adminClaim('96413'), adminClaim('96374')]),
      expect: [{ code: '96374', direction: 'denial', amountAtRisk: 217.31, expected: 'no 96374 beside 96413, or 96374 with XU/XS/59 when the chart documents a separate service' }],
    },
    {
      name: 'indicator 0 pair: port flush beside chemo, a modifier does not help',
      encounters: enc([adminClaim('96413'), adminClaim('96523', 1, ['XU'])]),
      expect: [{ code: '96523', expected: 'no 96523 beside 96413', message: '96523 is billed with 96413 on 2025-10-06; NCCI never pays this pair together (modifier indicator 0, NCCI PTP 2026Q4, the nearest release loaded).' }],
    },
    {
      name: 'hydration initial beside a therapeutic initial (96365/96360, indicator 1): Q1-free S code priced',
      encounters: enc([adminClaim('96365'), adminClaim('96360')]),
      expect: [{ code: '96360', amountAtRisk: 217.31 }],
    },
  ],
} satisfies CaseTable;
