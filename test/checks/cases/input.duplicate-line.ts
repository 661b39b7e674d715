import { duplicateLine } from '../../../src/checks/input/duplicate-line.js';
import { claim, encounter, type CaseTable } from '../harness.js';

export default {
  check: duplicateLine,
  valid: [
    { name: 'two lines of one claim', encounters: [encounter({ claims: [claim({ line: '1' }), claim({ line: '2', code: '96413' })] })] },
    {
      name: 'line 1 of two different claims',
      encounters: [encounter({ claims: [claim({ claimId: 'C1', line: '1' }), claim({ claimId: 'C2', line: '1' })] })],
    },
  ],
  invalid: [
    {
      name: 'the same claim and line on two rows with different codes',
      encounters: [encounter({ claims: [claim({ line: '3', code: '96413' }), claim({ line: '3', code: '96415' })] })],
      expect: [{ claimId: 'C1001', line: '3', code: '96415', severityResolved: 'error' }],
    },
    {
      name: 'three rows with one identity: two findings',
      encounters: [encounter({ claims: [claim({ line: '2' }), claim({ line: '2', units: 3 }), claim({ line: '2', units: 4 })] })],
      expect: [{ line: '2' }, { line: '2' }],
    },
  ],
} satisfies CaseTable;
