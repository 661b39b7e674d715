import { timeImpossible } from '../../../src/checks/documentation/time-impossible.js';
import type { CaseTable } from '../harness.js';
import { adm, adminClaim, enc } from '../admin-fixtures.js';

// two bags charted concurrently 09:00-11:00: 120 minutes of IV time in all
const concurrentBags = () => [adm('vancomycin 1 g', 'IV', '09:00', '11:00', undefined), adm('acyclovir 500 mg', 'IV', '09:00', '11:00', undefined)];

export default {
  check: timeImpossible,
  valid: [
    { name: 'concurrent bags billed as initial + concurrent (needs 16 of 120 minutes)', encounters: enc([adminClaim('96365'), adminClaim('96366'), adminClaim('96368')], concurrentBags()) },
    { name: 'billed time equal to the bound: 96365 + 96366 (76 min) in 76 charted minutes', encounters: enc([adminClaim('96365'), adminClaim('96366')], [adm('vancomycin 1 g', 'IV', '09:00', '10:16', undefined)]) },
    { name: 'an IV without a stop leaves the charted time unknown: not judged', encounters: enc([adminClaim('96365'), adminClaim('96366', 5)], [adm('vancomycin 1 g', 'IV', '09:00', undefined, undefined)]) },
    { name: 'pushes need no time', encounters: enc([adminClaim('96374'), adminClaim('96375', 3)], [adm('ondansetron', 'IV push', '09:00', undefined, undefined)]) },
  ],
  invalid: [
    {
      name: 'concurrent bags billed as sequential hours: 96365 + 96366 + 96367 + 96366 needs 152 of 120 minutes',
      encounters: enc([adminClaim('96365'), adminClaim('96366', 2), adminClaim('96367')], concurrentBags()),
      expect: [{ code: '96366', direction: 'over', message: 'The timed administration codes billed (96365, 96366 x2, 96367) need at least 152 minutes of infusion one after another, but the MAR charts 120 minutes of IV time in all.' }],
    },
    {
      name: 'one minute short: 96365 + 96366 (76 min) in 75 charted minutes',
      encounters: enc([adminClaim('96365'), adminClaim('96366')], [adm('vancomycin 1 g', 'IV', '09:00', '10:15', undefined)]),
      expect: [{ code: '96366', expected: 'timed codes that fit in the 75 charted minutes (overlapping infusions are concurrent: 96368)' }],
    },
  ],
} satisfies CaseTable;
