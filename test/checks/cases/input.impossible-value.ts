import { impossibleValue } from '../../../src/checks/input/impossible.js';
import { auth, claim, dispense, encounter, type CaseTable } from '../harness.js';

export default {
  check: impossibleValue,
  valid: [
    { name: 'one unit', encounters: [encounter({ claims: [claim({ units: 1 })] })] },
    { name: 'fractional units', encounters: [encounter({ claims: [claim({ units: 0.5 })] })] },
    { name: 'date of service is today', today: '2025-10-06', encounters: [encounter({ claims: [claim({ serviceDate: '2025-10-06' })] })] },
    { name: 'auth of one day', auths: [auth({ startDate: '2025-10-06', endDate: '2025-10-06' })], encounters: [] },
    { name: 'dispense of one vial', encounters: [encounter({ dispense: [dispense({ quantity: 1 })] })] },
  ],
  invalid: [
    {
      name: 'zero units is a warning',
      encounters: [encounter({ claims: [claim({ units: 0, code: '96413' })] })],
      expect: [{ code: '96413', severityResolved: 'warning' }],
    },
    {
      name: 'date of service tomorrow',
      today: '2025-10-05',
      encounters: [encounter({ claims: [claim({ serviceDate: '2025-10-06' })] })],
      expect: [{ severityResolved: 'error', expected: 'a date of service on or before today' }],
    },
    {
      name: 'auth ending the day before it starts',
      auths: [auth({ authId: 'A9', startDate: '2025-10-06', endDate: '2025-10-05' })],
      encounters: [],
      expect: [{ message: 'Authorization A9 ends (2025-10-05) before it starts (2025-10-06).' }],
    },
    {
      name: 'dispense of zero',
      encounters: [encounter({ dispense: [dispense({ dispenseId: 'D7', quantity: 0 })] })],
      expect: [{ message: 'Dispense D7 has quantity 0.' }],
    },
  ],
} satisfies CaseTable;
