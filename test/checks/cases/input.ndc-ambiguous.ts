import { ndcAmbiguous } from '../../../src/checks/input/ndc-ambiguous.js';
import { dispense, encounter, mar, type CaseTable } from '../harness.js';

export default {
  check: ndcAmbiguous,
  valid: [
    { name: 'MAR NDC 11 digits', encounters: [encounter({ mar: [mar({ ndc: '00006302602' })] })] },
    { name: 'MAR NDC hyphenated 10 digits (padding is certain)', encounters: [encounter({ mar: [mar({ ndc: '0006-3026-02' })] })] },
    { name: 'dispense NDC 5-4-2', encounters: [encounter({ dispense: [dispense({ ndc: '00006-3026-02' })] })] },
    { name: 'no MAR NDC', encounters: [encounter({ mar: [mar()] })] },
  ],
  invalid: [
    {
      name: 'MAR NDC of 10 bare digits',
      encounters: [encounter({ mar: [mar({ ndc: '4306600101' })] })],
      expect: [{ severityResolved: 'warning', message: 'MAR NDC "4306600101" has 10 digits without hyphens; it is treated as unknown.' }],
    },
    {
      name: 'dispense NDC of 10 bare digits',
      encounters: [encounter({ dispense: [dispense({ dispenseId: 'D3', ndc: '5114400301' })] })],
      expect: [{ message: 'Dispense D3 NDC "5114400301" has 10 digits without hyphens; it is treated as unknown.' }],
    },
  ],
} satisfies CaseTable;
