import { ndcNotLinked } from '../../../src/checks/ndc/not-linked.js';
import { claim, encounter, type CaseTable } from '../harness.js';
import { ndcFacility } from '../ndc-fixtures.js';

/** Sandoz cyclophosphamide: powder 00781-3233-94 is J9075 (NOS), solution 00781-3528-10 is J9074 (drug-billing.md section 1). */
const one = (p: Parameters<typeof claim>[0]) => [encounter({ claims: [claim({ code: 'J9075', units: 200, ndcQuantity: 2, ndcUnit: 'UN', ...p })] })];

export default {
  check: ndcNotLinked,
  facility: ndcFacility(),
  valid: [
    { name: 'NDC crosswalked to the billed code', encounters: one({ ndc: '00781-3233-94' }) },
    { name: 'NDC under several codes, one of them billed (1 L saline)', encounters: one({ code: 'J7040', units: 2, ndc: '00264-7800-10' }) },
    { name: 'NDC not in the crosswalk (ndc.unknown)', encounters: one({ ndc: '12345-6789-01' }) },
    { name: 'NOC line with a coded NDC (drug-code.noc-has-code reports it)', encounters: one({ code: 'J3590', units: 1, ndc: '64764-0300-20' }) },
    { name: 'C9399 with a coded NDC', encounters: one({ code: 'C9399', units: 1, ndc: '64764-0300-20' }) },
    { name: 'malformed NDC (ndc.malformed)', encounters: one({ ndc: '0078132339' }) },
  ],
  invalid: [
    {
      name: 'Medicare: the solution NDC billed under the NOS code',
      encounters: one({ ndc: '00781-3528-10' }),
      expect: [{ severityResolved: 'error', expected: "J9074 for NDC 00781-3528-10 (units in that code's billing unit), or the NDC of a J9075 package", line: '1' }],
    },
    {
      name: 'Medicaid: denied, amount billed units x ASP (200 x $0.481)',
      encounters: one({ ndc: '00781352810', payer: 'Ohio Medicaid' }),
      expect: [{ severityResolved: 'error', amountAtRisk: 96.2, direction: 'denial' }],
    },
    {
      name: 'commercial: Entyvio NDC on a Keytruda line',
      encounters: one({ code: 'J9271', payer: 'Aetna PPO', ndc: 'N464764030020' }),
      expect: [{ code: 'J9271', expected: "J3380 for NDC 64764-0300-20 (units in that code's billing unit), or the NDC of a J9271 package" }],
    },
  ],
} satisfies CaseTable;
