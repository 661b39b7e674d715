import { mixed340b } from '../../../src/checks/340b/mixed.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, dose, fac } from '../340b-fixtures.js';

export default {
  check: mixed340b,
  facility: fac('dsh'),
  valid: [
    { name: 'all 340B', encounters: dose({ date: '2025-09-09', mods: ['TB'], stock: ['340b', '340b'] }) },
    { name: 'all WAC', encounters: dose({ date: '2025-09-09', stock: ['wac', 'gpo'] }) },
    { name: 'commercial payer', encounters: dose({ date: '2025-09-09', payer: COMMERCIAL, mods: ['TB'], stock: ['340b', 'wac'] }) },
    { name: '340B with a blank-inventory row: unknown', encounters: dose({ date: '2025-09-09', mods: ['TB'], stock: ['340b', 'blank'] }) },
  ],
  invalid: [
    {
      name: 'one line backed by 340B and WAC dispenses (worked example 6): once, on the administered line',
      encounters: dose({ date: '2025-09-09', mods: ['TB'], stock: ['340b', 'wac'], jw: ['TB'] }),
      expect: [{ line: '1', severityResolved: 'warning', message: 'J9271 line 1: the dose was dispensed from 340B stock (D1) and from other stock (D2); one line cannot carry the right 340B modifier for both.' }],
    },
    { name: '340B and a white-bag dose', encounters: dose({ date: '2025-09-09', stock: ['340b', 'white_bag'] }), expect: [{ line: '1' }] },
  ],
} satisfies CaseTable;
