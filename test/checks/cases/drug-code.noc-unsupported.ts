import { nocUnsupported } from '../../../src/checks/drug-code/noc-unsupported.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { AETNA, drugLine, visit } from '../units-fixtures.js';

const D = '2025-10-14';

export default {
  check: nocUnsupported,
  facility: typedFacility(),
  valid: [
    { name: 'J3490 with an NDC', encounters: visit([drugLine('J3490', 1, D, { ndc: '12345-6789-01' })]) },
    { name: 'C9399 with NDC and quantity', encounters: visit([drugLine('C9399', 1, D, { ndc: '12345-6789-01', ndcQuantity: 2, ndcUnit: 'UN' })]) },
    { name: 'a specific code without NDC is ndc.missing\'s business', encounters: visit([drugLine('J9035', 10, D)]) },
  ],
  invalid: [
    { name: 'Medicare J3490 without NDC: warning (policy ndc not-required)', encounters: visit([drugLine('J3490', 1, D)]), expect: [{ code: 'J3490', severityResolved: 'warning', direction: 'denial' }] },
    { name: 'commercial J9999 without NDC: error (policy ndc expected)', encounters: visit([drugLine('J9999', 1, D, { payer: AETNA })]), expect: [{ code: 'J9999', severityResolved: 'error' }] },
    { name: 'C9399 without NDC quantity: error', encounters: visit([drugLine('C9399', 1, D, { ndc: '12345-6789-01' })]), expect: [{ code: 'C9399', severityResolved: 'error' }] },
    { name: 'C9399 without NDC: error', encounters: visit([drugLine('C9399', 1, D)]), expect: [{ severityResolved: 'error' }] },
  ],
} satisfies CaseTable;
