import { expect } from 'vitest';
import { drugCodeDeleted } from '../../../src/checks/drug-code/deleted.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, dose, drugLine, visit } from '../units-fixtures.js';

// rules/drugs/drug-code-changes.csv: J9070 (100 mg) -> J9075 NOS / J9071-J9074, J9076 (5 mg), provenInvalidFrom 2025-10-01.
// J9075 $0.481 (Oct 2025, SI K); Eugia 55150-0270-01 is J9071 in the crosswalk.
const D = '2025-11-04';
const cyclo = (date = D) => dose('cyclophosphamide', 1000, 'mg', date);

export default {
  check: drugCodeDeleted,
  facility: typedFacility(),
  valid: [
    { name: 'J9070 on 2025-09-30, before provenInvalidFrom', encounters: visit([drugLine('J9070', 10, '2025-09-30')], [cyclo('2025-09-30')]) },
    { name: 'the replacement J9075 x200', encounters: visit([drugLine('J9075', 200, D)], [cyclo()]) },
    { name: 'a code not in the table', encounters: visit([drugLine('J9035', 10, D)]) },
  ],
  invalid: [
    {
      name: 'J9070 x10 for 1,000 mg on 2025-11-04 (worked example 7)',
      encounters: visit([drugLine('J9070', 10, D, { modifiers: ['JZ'] })], [cyclo()]),
      expect: [{ code: 'J9070', expected: 'J9075 x200 with JZ', amountAtRisk: 96.2, direction: 'denial', severityResolved: 'error' }],
    },
    {
      name: 'J9070 on 2025-10-01 (the first date proven invalid), no MAR: billed units x the ratio',
      encounters: visit([drugLine('J9070', 10, '2025-10-01')]),
      expect: [{ expected: 'J9075 x200', message: expect.stringContaining('x10 of 100 mg in 5 mg units') }],
    },
    {
      name: 'the NDC names the product code (Eugia -> J9071); commercial estimate',
      encounters: visit([drugLine('J9070', 10, D, { ndc: '55150-0270-01', payer: AETNA })], [cyclo()]),
      expect: [{ expected: 'J9071 x200', message: expect.stringContaining('estimate') }],
    },
    {
      name: 'J1300 eculizumab 300 mg -> J1299 (2 mg) x150',
      encounters: visit([drugLine('J1300', 30, D)], [dose('eculizumab (Soliris)', 300, 'mg', D)]),
      expect: [{ expected: 'J1299 x150' }],
    },
  ],
} satisfies CaseTable;
