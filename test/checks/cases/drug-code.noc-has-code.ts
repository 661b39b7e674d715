import { expect } from 'vitest';
import { nocHasCode } from '../../../src/checks/drug-code/noc-has-code.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, disp, dose, drugLine, visit } from '../units-fixtures.js';

// Entyvio 64764-0300-20 is J3380 (1 mg, $21.311) in the Oct-2025 crosswalk; 12345-6789-01 is in no crosswalk row.
const D = '2025-10-14';
const entyvio = dose('vedolizumab (Entyvio)', 300, 'mg', D);

export default {
  check: nocHasCode,
  facility: typedFacility(),
  valid: [
    { name: 'J3590 with an NDC unknown to the crosswalk', encounters: visit([drugLine('J3590', 1, D, { payer: AETNA, ndc: '12345-6789-01' })]) },
    { name: 'the specific code billed', encounters: visit([drugLine('J3380', 300, D, { payer: AETNA, ndc: '64764-0300-20' })], [entyvio]) },
    { name: 'J3590 without any NDC (noc-unsupported\'s business)', encounters: visit([drugLine('J3590', 1, D, { payer: AETNA })]) },
    { name: 'a dispensed NDC whose code is billed on another line is not the NOC line\'s', encounters: visit([drugLine('J3590', 1, D), drugLine('J3380', 300, D)], [], [disp('64764030020', 1, D)]) },
  ],
  invalid: [
    {
      name: 'Entyvio billed as J3590 x1, commercial (worked example 6)',
      encounters: visit([drugLine('J3590', 1, D, { payer: AETNA, ndc: '64764-0300-20', ndcQuantity: 1, ndcUnit: 'UN' })], [entyvio]),
      expect: [{ code: 'J3590', expected: 'J3380 x300', amountAtRisk: 6393.3, direction: 'denial', severityResolved: 'error', message: expect.stringContaining('estimate') }],
    },
    {
      name: 'no NDC on the line: the dispensed NDC names J3380 (1 vial x 300 units)',
      encounters: visit([drugLine('J3590', 1, D)], [], [disp('64764030020', 1, D)]),
      expect: [{ expected: 'J3380 x300', amountAtRisk: 6393.3 }],
    },
  ],
} satisfies CaseTable;
