import { wasteNotVerifiable } from '../../../src/checks/waste/not-verifiable.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaRequired, facility, visit } from '../waste-fixtures.js';

export default {
  check: wasteNotVerifiable,
  facility: aetnaRequired,
  valid: [
    { name: 'J2405 with a single-dose NDC from the ndc-containers table', encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J2405', 4, ['JZ'], '00641-6080-25']], mar: [['J2405', 4, 'mg', 0]] }) },
    { name: 'catalog single-dose code without NDC (J9042)', encounters: visit({ date: '2025-12-16', lines: [['J9042', 135, ['JZ']]], mar: [['J9042', 135, 'mg', 0]] }) },
    { name: 'commercial not-required payer', facility, encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J2405', 4, []]], mar: [['J2405', 4, 'mg', 0]] }) },
    { name: 'Medicare J2405 is SI N: nothing to verify', encounters: visit({ date: '2025-10-06', lines: [['J2405', 4, []]], mar: [['J2405', 4, 'mg', 0]] }) },
    { name: 'before 2023-07-01 without waste: no modifier needed either way', encounters: visit({ date: '2023-06-01', payer: AETNA, lines: [['J2405', 4, []]], mar: [['J2405', 4, 'mg', 0]] }) },
  ],
  invalid: [
    {
      name: 'J2405 without NDC anywhere (mixed code), commercial required',
      encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J2405', 4, []]], mar: [['J2405', 4, 'mg', 0]] }),
      expect: [{ severityResolved: 'info', line: '1' }],
    },
    {
      name: 'J1100 NDC not in the ndc-containers table',
      encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J1100', 10, [], '63323-0165-30']], mar: [['J1100', 10, 'mg', 0]] }),
      expect: [{ severityResolved: 'info' }],
    },
    {
      name: 'Medicare, catalog container unknown (J9299), no modifier',
      encounters: visit({ date: '2025-10-06', lines: [['J9299', 240, []]], mar: [['J9299', 240, 'mg', 0]] }),
      expect: [{ severityResolved: 'info' }],
    },
  ],
} satisfies CaseTable;
