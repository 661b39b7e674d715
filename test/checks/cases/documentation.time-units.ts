import { timeUnits } from '../../../src/checks/documentation/time-units.js';
import type { CaseTable } from '../harness.js';
import { adm, adminClaim, enc, ritux250 } from '../admin-fixtures.js';

const therapeutic = (stop: string) => adm('vancomycin 1 g', 'IV', '09:00', stop, 'therapeutic');

export default {
  check: timeUnits,
  valid: [
    { name: '90 minutes billed 96365 alone', encounters: enc([adminClaim('96365')], [therapeutic('10:30')]) },
    { name: '91 minutes billed 96365 + 96366', encounters: enc([adminClaim('96365'), adminClaim('96366')], [therapeutic('10:31')]) },
    { name: '151 minutes billed 96365 + 96366 x2', encounters: enc([adminClaim('96365'), adminClaim('96366', 2)], [therapeutic('11:31')]) },
    { name: 'rituximab 250 min billed 96413 + 96415 x3', encounters: enc([adminClaim('96413'), adminClaim('96415', 3)], [ritux250()]) },
    { name: '96366 billed where none is supported is a code-set finding, not a units one', encounters: enc([adminClaim('96365'), adminClaim('96366')], [therapeutic('10:30')]) },
  ],
  invalid: [
    {
      name: '150 minutes billed 96366 x2 (supports x1)',
      encounters: enc([adminClaim('96365'), adminClaim('96366', 2)], [therapeutic('11:30')]),
      expect: [{ code: '96366', direction: 'over', severityResolved: 'error', expected: '96366 x1', message: '96366 is billed x2 but the charted time supports x1: vancomycin 1 g 09:00-11:30, 150 min: 96365 + 96366.' }],
    },
    {
      name: '151 minutes billed 96366 x1 (supports x2): revenue missed',
      encounters: enc([adminClaim('96365'), adminClaim('96366')], [therapeutic('11:31')]),
      expect: [{ code: '96366', direction: 'under', severityResolved: 'warning', expected: '96366 x2' }],
    },
    {
      name: 'a 30-minute hold charted as stop and restart is subtracted',
      encounters: enc(
        [adminClaim('96413'), adminClaim('96415', 3)],
        [adm('rituximab 700 mg', 'IV', '09:00', '10:00', 'chemo'), adm('rituximab 700 mg', 'IV', '10:40', '13:00', 'chemo')],
      ),
      expect: [{ code: '96415', direction: 'over', expected: '96415 x2' }],
    },
  ],
} satisfies CaseTable;
