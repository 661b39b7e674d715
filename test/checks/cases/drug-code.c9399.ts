import { c9399 } from '../../../src/checks/drug-code/c9399.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, drugLine, visit } from '../units-fixtures.js';

const D = '2025-10-14';
const q = { ndc: '12345-6789-01', ndcQuantity: 1, ndcUnit: 'UN' };

export default {
  check: c9399,
  facility: typedFacility(),
  valid: [
    { name: 'Medicare C9399 x1 with NDC quantity', encounters: visit([drugLine('C9399', 1, D, q)]) },
    { name: 'commercial J3490 with an unknown NDC', encounters: visit([drugLine('J3490', 1, D, { ...q, payer: AETNA })]) },
    { name: 'Medicare J3490 whose NDC the crosswalk knows (noc-has-code\'s business)', encounters: visit([drugLine('J3490', 1, D, { ndc: '64764-0300-20' })]) },
    { name: 'Medicare J9999 with an unknown NDC', encounters: visit([drugLine('J9999', 1, D, q)]) },
  ],
  invalid: [
    { name: 'C9399 to a commercial payer', encounters: visit([drugLine('C9399', 1, D, { ...q, payer: AETNA })]), expect: [{ code: 'C9399', severityResolved: 'warning', direction: 'denial' }] },
    { name: 'Medicare C9399 x2', encounters: visit([drugLine('C9399', 2, D, q)]), expect: [{ severityResolved: 'warning', expected: 'C9399 x1 with NDC quantity' }] },
    { name: 'Medicare J3590 with an NDC unknown to the crosswalk: info', encounters: visit([drugLine('J3590', 1, D, q)]), expect: [{ code: 'J3590', severityResolved: 'info' }] },
  ],
} satisfies CaseTable;
