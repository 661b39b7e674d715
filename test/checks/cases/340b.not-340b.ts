import { not340b } from '../../../src/checks/340b/not-340b.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, MA, dose, fac } from '../340b-fixtures.js';

const dsh = fac('dsh');

export default {
  check: not340b,
  facility: dsh,
  valid: [
    { name: 'TB on 340B stock', encounters: dose({ date: '2025-04-08', mods: ['TB'], stock: ['340b'] }) },
    { name: 'WAC stock without a modifier', encounters: dose({ date: '2025-04-08', stock: ['wac'] }) },
    { name: 'TB with no dispense evidence: unknown, never guessed', encounters: dose({ date: '2025-04-08', mods: ['TB'] }) },
    { name: 'TB with a blank inventory: unknown', encounters: dose({ date: '2025-04-08', mods: ['TB'], stock: ['blank'] }) },
    { name: 'mixed stock: 340b.mixed', encounters: dose({ date: '2025-04-08', mods: ['TB'], stock: ['340b', 'wac'] }) },
    { name: 'commercial payer: not checked', encounters: dose({ date: '2025-04-08', payer: COMMERCIAL, mods: ['TB'], stock: ['wac'] }) },
    { name: 'not a covered entity, no modifier', facility: fac('none'), encounters: dose({ date: '2025-04-08', stock: ['340b'] }) },
  ],
  invalid: [
    {
      name: 'urban_sch, 2025-06-17: TB on GPO stock (worked example 5)',
      facility: fac('urban_sch'),
      encounters: dose({ date: '2025-06-17', drug: 'ocrevus', mods: ['JZ', 'TB'], stock: ['gpo'] }),
      expect: [{ code: 'J2350', severityResolved: 'error', expected: 'J2350 without JG or TB', message: 'J2350 line 1: TB says 340B-acquired, but dispensed from GPO stock, not 340B (D1).' }],
    },
    { name: 'dsh, 2024: JG on WAC stock', encounters: dose({ date: '2024-04-08', mods: ['JG'], stock: ['wac'] }), expect: [{ severityResolved: 'error' }] },
    { name: 'dsh, 2023: TB on WAC stock, SI N drug too', encounters: dose({ date: '2023-04-08', drug: 'ondansetron', mods: ['TB'], stock: ['wac'] }), expect: [{ code: 'J2405' }] },
    { name: 'TB on a brown-bagged dose (worked example 11)', encounters: dose({ date: '2025-12-03', mods: ['TB'], stock: ['brown_bag'] }), expect: [{ message: 'J9271 line 1: TB says 340B-acquired, but brought by the patient (brown bag), not hospital stock (D1).' }] },
    { name: 'TB on a white-bagged dose', encounters: dose({ date: '2025-12-03', mods: ['TB'], stock: ['white_bag'] }), expect: [{ severityResolved: 'error' }] },
    {
      name: 'entity_340b none: any JG/TB, even without dispense evidence',
      facility: fac('none'),
      encounters: dose({ date: '2025-04-08', mods: ['TB'] }),
      expect: [{ message: 'J9271 line 1: TB says 340B-acquired, but the facility is not a 340B covered entity on 2025-04-08 (facility.yaml entity_340b).' }],
    },
    {
      name: 'dated entity list: not covered before 2024',
      facility: fac([{ type: 'dsh', from: '2024-01-01' }]),
      encounters: [...dose({ date: '2023-12-31', mods: ['TB'], stock: ['340b'] }), ...dose({ date: '2024-01-01', mods: ['JG'], stock: ['340b'] })],
      expect: [{ message: 'J9271 line 1: TB says 340B-acquired, but the facility is not a 340B covered entity on 2023-12-31 (facility.yaml entity_340b).' }],
    },
    { name: 'Medicare Advantage: warning', encounters: dose({ date: '2025-04-08', payer: MA, mods: ['TB'], stock: ['wac'] }), expect: [{ severityResolved: 'warning' }] },
    { name: 'JW line of WAC stock with TB: both lines', encounters: dose({ date: '2025-04-08', mods: ['TB'], stock: ['wac'], jw: ['TB'] }), expect: [{ line: '1' }, { line: '2' }] },
  ],
} satisfies CaseTable;
