import { concurrentOnce } from '../../../src/checks/hierarchy/concurrent.js';
import type { CaseTable } from '../harness.js';
import { adminClaim, enc } from '../admin-fixtures.js';

export default {
  check: concurrentOnce,
  valid: [
    { name: '96368 once', encounters: enc([adminClaim('96413'), adminClaim('96368')]) },
    {
      name: '96368 once on each date of an observation stay',
      encounters: enc([adminClaim('96365'), adminClaim('96368'), adminClaim('96368', 1, [], { serviceDate: '2025-10-07' })]),
    },
  ],
  invalid: [
    { name: '96368 x2 on one line', encounters: enc([adminClaim('96413'), adminClaim('96368', 2)]), expect: [{ code: '96368', expected: '96368 x1 on 2025-10-06', direction: 'over' }] },
    { name: '96368 on two lines of one date', encounters: enc([adminClaim('96413'), adminClaim('96368'), adminClaim('96368')]), expect: [{ code: '96368' }] },
  ],
} satisfies CaseTable;
