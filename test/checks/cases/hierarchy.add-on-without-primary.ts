import { addOnWithoutPrimary } from '../../../src/checks/hierarchy/add-on-primary.js';
import type { CaseTable } from '../harness.js';
import { adminClaim, enc } from '../admin-fixtures.js';

export default {
  check: addOnWithoutPrimary,
  valid: [
    { name: '96415 with 96413', encounters: enc([adminClaim('96413'), adminClaim('96415', 2)]) },
    { name: '96375 with a chemo initial 96413', encounters: enc([adminClaim('96413'), adminClaim('96375')]) },
    { name: '96368 with the pump start 96416 (an AOC primary)', encounters: enc([adminClaim('96416'), adminClaim('96368')]) },
    { name: '96361 with 96374 (hydration after a push initial)', encounters: enc([adminClaim('96374'), adminClaim('96361')]) },
    { name: 'a primary alone', encounters: enc([adminClaim('96365')]) },
  ],
  invalid: [
    {
      name: '96415 without 96413',
      encounters: enc([adminClaim('96365'), adminClaim('96415')]),
      expect: [{ code: '96415', expected: 'one of 96413 with 96415, or no 96415' }],
    },
    {
      name: '96376 with only a hydration initial (96360 is not a primary of 96376)',
      encounters: enc([adminClaim('96360'), adminClaim('96376')]),
      expect: [{ code: '96376' }],
    },
    {
      name: 'push add-ons with no initial at all',
      encounters: enc([adminClaim('96375'), adminClaim('96411')]),
      expect: [{ code: '96375' }, { code: '96411' }],
    },
  ],
} satisfies CaseTable;
