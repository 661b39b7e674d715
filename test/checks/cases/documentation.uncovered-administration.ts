import { uncoveredAdministration } from '../../../src/checks/documentation/uncovered.js';
import type { CaseTable } from '../harness.js';
import { adm, adminClaim, drugClaim, enc, pembro30 } from '../admin-fixtures.js';

export default {
  check: uncoveredAdministration,
  valid: [
    { name: 'administration billed', encounters: enc([adminClaim('96413'), drugClaim()], [pembro30()]) },
    { name: 'a wrong administration code is a code-set finding, not this one', encounters: enc([adminClaim('96365'), drugClaim()], [pembro30()]) },
    { name: 'hydration of 30 minutes supports no code: nothing missing', encounters: enc([drugClaim('J7030', 1)], [adm('NS 1000 mL', 'IV', '09:00', '09:30', 'hydration')]) },
    { name: 'a KVO line supports no code', encounters: enc([drugClaim()], [adm('NS KVO', 'IV', '09:00', '11:00', 'hydration')]) },
  ],
  invalid: [
    {
      name: 'pembrolizumab infused, only the drug line billed',
      encounters: enc([drugClaim()], [pembro30()]),
      expect: [{ direction: 'under', severityResolved: 'warning', expected: '96413', message: 'The MAR supports 96413 but the claim bills no administration code: pembrolizumab 200 mg 09:00-09:30, 30 min: 96413.' }],
    },
    {
      name: 'hydration of 31 minutes with only the fluid billed',
      encounters: enc([drugClaim('J7030', 1)], [adm('NS 1000 mL', 'IV', '09:00', '09:31', 'hydration')]),
      expect: [{ expected: '96360' }],
    },
  ],
} satisfies CaseTable;
