import { bagCharged } from '../../../src/checks/billing-model/bag-charged.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, MEDICARE, NAMED, NONE, PENNY, PENNY_MOD, fac, visit } from '../billing-model-fixtures.js';

export default {
  check: bagCharged,
  facility: fac(),
  valid: [
    { name: 'buy-and-bill dose charged in full', encounters: visit({ models: ['buy_and_bill'], charge: 6000 }) },
    { name: 'white bag, drugLine none: administration only', encounters: visit({ payer: NONE, models: ['white_bag'] }) },
    { name: 'white bag, drugLine none, $0.01 line: bag-line-unwanted, not this check', encounters: visit({ payer: NONE, models: ['white_bag'], charge: 0.01 }) },
    { name: 'white bag, drugLine penny: $0.01 line', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01 }) },
    { name: 'white bag, drugLine named: $0.00 line', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0 }) },
    { name: 'white bag, drugLine named: $0.01 line', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0.01 }) },
    { name: 'white bag, default (any): no drug line', encounters: visit({ models: ['white_bag'] }) },
    { name: 'brown bag, Medicare: J0897 at $0.01 (worked example 11)', encounters: visit({ date: '2025-12-03', drug: 'xgeva', payer: MEDICARE, models: ['brown_bag'], charge: 0.01 }) },
    { name: 'drug line without a charge', encounters: visit({ models: ['white_bag'], charge: 0, line: { charge: undefined } }) },
    { name: 'no dispense row: unknown, never guessed', encounters: visit({ charge: 6000 }) },
    { name: 'white bag and buy-and-bill rows behind one line: not wholly bagged', encounters: visit({ models: ['white_bag', 'buy_and_bill'], charge: 6000 }) },
    { name: 'line NDC differs from the bagged NDC: not linked', encounters: visit({ models: ['white_bag'], charge: 6000, line: { ndc: '00006-3026-02' } }) },
    { name: 'the administration line of a bagged drug is never flagged', encounters: visit({ payer: NONE, models: ['brown_bag'] }) },
  ],
  invalid: [
    {
      name: 'white bag, drugLine none: J3380 charged (worked example 9)',
      encounters: visit({ payer: NONE, models: ['white_bag'], charge: 6000 }),
      expect: [{ line: '2', code: 'J3380', severityResolved: 'error', direction: 'over', expected: 'no J3380 drug line: bill the administration only' }],
    },
    {
      name: 'white bag, drugLine penny: charged',
      encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 6000 }),
      expect: [{ line: '2', expected: 'J3380 at $0.01' }],
    },
    {
      name: 'white bag, drugLine penny with a modifier: charged',
      encounters: visit({ payer: PENNY_MOD, models: ['white_bag'], charge: 6000 }),
      expect: [{ expected: 'J3380 at $0.01 with modifier U1' }],
    },
    {
      name: 'white bag, drugLine named: $0.02 is above a penny',
      encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0.02 }),
      expect: [{ expected: 'J3380 at $0.00 or $0.01 with the NDC' }],
    },
    {
      name: 'white bag, default policy (any): charged',
      encounters: visit({ payer: COMMERCIAL, models: ['white_bag'], charge: 6000 }),
      expect: [{ expected: 'J3380 at $0.00 or $0.01, or no drug line', severityResolved: 'error' }],
    },
    {
      name: 'brown bag, Medicare: J0897 x 120 charged (worked example 11 dose)',
      encounters: visit({ date: '2025-12-03', drug: 'xgeva', payer: MEDICARE, models: ['brown_bag'], charge: 10929.36 }),
      expect: [{ code: 'J0897', amountAtRisk: 3525.6, direction: 'over', message: 'J0897 line 2 charged $10929.36 for a dose brought by the patient (brown bag), not hospital stock (D1); the payer\'s bag policy is drugLine: any; 120 units x P = $3525.60 (ASP pricing 2025Q4).' }],
    },
    {
      name: 'line without an NDC: linked through the crosswalk',
      encounters: visit({ drug: 'keytruda', payer: NONE, models: ['white_bag'], charge: 12000, line: { ndc: undefined } }),
      expect: [{ code: 'J9271' }],
    },
    {
      name: 'two white-bag rows behind one line: one finding',
      encounters: visit({ payer: NONE, models: ['white_bag', 'white_bag'], charge: 6000 }),
      expect: [{ line: '2' }],
    },
  ],
} satisfies CaseTable;
