import { wasteVialSelection } from '../../../src/checks/waste/vial-selection.js';
import type { CaseTable } from '../harness.js';
import { facility, visit } from '../waste-fixtures.js';

// Privigen J1459 (500 mg): CSL packages 44206-0436-05 (5 g, 10 u), -0437-10 (10 g, 20 u), -0438-20 (20 g, 40 u).
const privigen = (admin: number, jw: number, dose: number, wasted: number, ndc = '44206-0438-20') =>
  visit({ date: '2025-11-18', lines: [['J1459', admin, [], ndc], ['J1459', jw, ['JW'], ndc]], mar: [['J1459', dose, 'g', wasted]] });

export default {
  check: wasteVialSelection,
  facility,
  valid: [
    { name: '27.2 g from 3 x 10 g: JW x 5 < 10 (smallest CSL package)', encounters: privigen(55, 5, 27.2, 2.8, '44206-0437-10') },
    { name: 'Adcetris: only a 50 mg vial, JW x 15 < 50', encounters: visit({ date: '2025-12-16', lines: [['J9042', 135, [], '51144-0050-01'], ['J9042', 15, ['JW'], '51144-0050-01']], mar: [['J9042', 135, 'mg', 15]] }) },
  ],
  invalid: [
    {
      name: '25 g from 2 x 20 g: JW x 30 >= 10 (a 5 g vial would do)',
      encounters: privigen(50, 30, 25, 15),
      expect: [{ line: '2', severityResolved: 'warning', expected: 'J1459-JW below 10 units (smallest package 44206-0436-05)' }],
    },
  ],
} satisfies CaseTable;
