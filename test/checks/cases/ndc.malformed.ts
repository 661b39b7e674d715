import { ndcMalformed } from '../../../src/checks/ndc/malformed.js';
import { claim, encounter, type CaseTable } from '../harness.js';

const one = (ndc: string | undefined, serviceDate = '2025-10-06') =>
  [encounter({ claims: [claim(ndc === undefined ? { serviceDate } : { ndc, serviceDate })] })];

export default {
  check: ndcMalformed,
  valid: [
    { name: 'no NDC (missing is a different rule)', encounters: one(undefined) },
    { name: '11 digits hyphenated 5-4-2', encounters: one('00006-3026-02') },
    { name: '11 digits bare', encounters: one('00006302602') },
    { name: '11 digits with N4 prefix', encounters: one('N400006302602') },
    { name: '11 digits with spaces', encounters: one('00006 3026 02') },
    { name: 'last day of the 11-digit format', encounters: one('00006-3026-02', '2033-03-06') },
    { name: 'first day of the 12-digit format: 11-digit still accepted (provisional table)', encounters: one('00006-3026-02', '2033-03-07') },
    { name: '12-digit 6-4-2 from 2033-03-07', encounters: one('000006-3026-02', '2033-03-07') },
  ],
  invalid: [
    {
      name: 'hyphenated 4-4-2 padded in the labeler',
      encounters: one('0069-0809-01'),
      expect: [{ expected: 'NDC 00069-0809-01', severityResolved: 'error' }],
    },
    {
      name: 'hyphenated 5-3-2 padded in the product',
      encounters: one('64764-300-20'),
      expect: [{ expected: 'NDC 64764-0300-20' }],
    },
    {
      name: 'hyphenated 5-4-1 padded in the package',
      encounters: one('58118-1397-3'),
      expect: [{ expected: 'NDC 58118-1397-03' }],
    },
    {
      name: '10 digits without hyphens is ambiguous, never converted',
      encounters: one('5114400301'),
      expect: [{ expected: 'the 11-digit NDC of the package used (ambiguous: confirm from the label)' }],
    },
    { name: 'too short', encounters: one('123456789'), expect: [{ message: 'NDC "123456789" has 9 digits, not 11.' }] },
    { name: 'letters', encounters: one('0006-ABCD-02'), expect: [{ code: 'J9271' }] },
    { name: '11 digits hyphenated 6-3-2', encounters: one('000063-026-02'), expect: [{ claimId: 'C1001', line: '1' }] },
    {
      name: '12 digits on the last day of the 11-digit format',
      encounters: one('000006-3026-02', '2033-03-06'),
      expect: [{ message: 'NDC "000006-3026-02" has 12 digits, not 11.', severityResolved: 'error' }],
    },
    {
      name: 'hyphenated 10-digit on the first day of the 12-digit format: padded to 6-4-2, a warning (provisional table)',
      encounters: one('0069-0809-01', '2033-03-07'),
      expect: [{ expected: 'NDC 000069-0809-01', severityResolved: 'warning' }],
    },
  ],
} satisfies CaseTable;
