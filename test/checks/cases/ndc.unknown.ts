import { ndcUnknown } from '../../../src/checks/ndc/unknown.js';
import { claim, encounter, type CaseTable } from '../harness.js';
import { ndcFacility } from '../ndc-fixtures.js';

const one = (p: Parameters<typeof claim>[0]) => [encounter({ claims: [claim({ ndcQuantity: 2, ndcUnit: 'UN', ...p })] })];

export default {
  check: ndcUnknown,
  facility: ndcFacility(),
  valid: [
    { name: 'NDC in the crosswalk under the billed code', encounters: one({ ndc: '00006-3026-02' }) },
    { name: 'NDC in the crosswalk under another code (ndc.not-linked)', encounters: one({ ndc: '64764-0300-20' }) },
    { name: 'NOC line with an unknown NDC (drug-code rules decide)', encounters: one({ code: 'J3490', units: 1, ndc: '12345-6789-01' }) },
    { name: 'C9399 with an unknown NDC', encounters: one({ code: 'C9399', units: 1, ndc: '12345-6789-01' }) },
    { name: 'no NDC', encounters: one({}) },
    { name: 'malformed NDC', encounters: one({ ndc: '1234567890' }) },
  ],
  invalid: [
    {
      name: 'Medicare: unknown NDC on a code the crosswalk lists NDCs for',
      encounters: one({ ndc: '00006-3026-99' }),
      expect: [{ severityResolved: 'warning', line: '1', code: 'J9271' }],
    },
    {
      name: 'Medicaid: same rule, still a warning (the crosswalk is not a complete NDC list)',
      encounters: one({ ndc: '00006302699', payer: 'Ohio Medicaid' }),
      expect: [{ severityResolved: 'warning' }],
    },
    {
      name: 'a drug code the crosswalk lists no NDC for: info (cannot be checked)',
      encounters: one({ code: 'J0739', units: 1, ndc: '12345-6789-01' }),
      expect: [{ severityResolved: 'info', expected: 'the NDC on the package used (confirm from the label)' }],
    },
  ],
} satisfies CaseTable;
