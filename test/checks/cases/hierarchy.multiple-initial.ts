import { multipleInitial } from '../../../src/checks/hierarchy/initial.js';
import type { CaseTable } from '../harness.js';
import { adminClaim, enc } from '../admin-fixtures.js';

export default {
  check: multipleInitial,
  valid: [
    { name: 'one initial', encounters: enc([adminClaim('96413'), adminClaim('96375')]) },
    { name: 'second initial with XU', encounters: enc([adminClaim('96365'), adminClaim('96365', 1, ['XU'])]) },
    { name: 'second initial with 59', encounters: enc([adminClaim('96365'), adminClaim('96374', 1, ['59'])]) },
  ],
  invalid: [
    {
      name: 'therapeutic infusion and push both initial',
      encounters: enc([adminClaim('96365'), adminClaim('96374')]),
      expect: [{ code: '96374', direction: 'over' }],
    },
    {
      name: 'one line of 96413 x2',
      encounters: enc([adminClaim('96413', 2)]),
      expect: [{ code: '96413' }],
    },
    {
      name: 'three initials, one with XU: still two unmarked',
      encounters: enc([adminClaim('96413'), adminClaim('96365', 1, ['XU']), adminClaim('96360')]),
      expect: [{ code: '96360' }],
    },
  ],
} satisfies CaseTable;
