import { expect } from 'vitest';
import { bagLineUnwanted } from '../../../src/checks/billing-model/bag-line-unwanted.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, MEDICARE, NAMED, NONE, NONE_MOD, PENNY, fac, visit } from '../billing-model-fixtures.js';

export default {
  check: bagLineUnwanted,
  facility: fac(),
  valid: [
    { name: 'white bag, drugLine none: administration only', encounters: visit({ payer: NONE, models: ['white_bag'] }) },
    { name: 'white bag, drugLine none, $0.02: above a penny, bag-charged not this check', encounters: visit({ payer: NONE, models: ['white_bag'], charge: 0.02 }) },
    { name: 'white bag, drugLine none, charged in full: bag-charged not this check', encounters: visit({ payer: NONE, models: ['white_bag'], charge: 6000 }) },
    { name: 'white bag, drugLine penny: $0.01 line wanted', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01 }) },
    { name: 'white bag, drugLine named: $0.00 line wanted', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0 }) },
    { name: 'white bag, default policy (any): $0.01 line', encounters: visit({ payer: COMMERCIAL, models: ['white_bag'], charge: 0.01 }) },
    { name: 'brown bag, Medicare (any): J0897 at $0.01 (worked example 11)', encounters: visit({ date: '2025-12-03', drug: 'xgeva', payer: MEDICARE, models: ['brown_bag'], charge: 0.01 }) },
    { name: 'buy-and-bill dose at $0.01, drugLine none: not bagged', encounters: visit({ payer: NONE, models: ['buy_and_bill'], charge: 0.01 }) },
    { name: 'no dispense row: unknown, never guessed', encounters: visit({ payer: NONE, charge: 0.01 }) },
    { name: 'white bag and buy-and-bill rows behind one line: not wholly bagged', encounters: visit({ payer: NONE, models: ['white_bag', 'buy_and_bill'], charge: 0.01 }) },
    { name: 'the administration line of a bagged drug is never flagged', encounters: visit({ payer: NONE, models: ['brown_bag'] }) },
  ],
  invalid: [
    {
      name: 'white bag, drugLine none: J3380 at $0.01 (worked example 9)',
      encounters: visit({ payer: NONE, models: ['white_bag'], charge: 0.01 }),
      expect: [{ line: '2', code: 'J3380', severityResolved: 'warning', expected: 'no J3380 drug line: bill the administration only', message: 'J3380 line 2 is billed at $0.01 for a dose shipped by the payer\'s specialty pharmacy (white bag), not hospital stock (D1); the payer\'s bag policy is drugLine: none (administration only), so the claim should carry no drug line for it.' }],
    },
    {
      name: 'white bag, drugLine none: $0.00 line',
      encounters: visit({ payer: NONE, models: ['white_bag'], charge: 0 }),
      expect: [{ line: '2', code: 'J3380' }],
    },
    {
      name: 'white bag, drugLine none: a line with no charge',
      encounters: visit({ payer: NONE, models: ['white_bag'], charge: 0, line: { charge: undefined } }),
      expect: [{ line: '2', message: expect.stringContaining('billed with no charge') as unknown as string }],
    },
    {
      name: 'brown bag, drugLine none with a modifier: unwanted, modifier not judged',
      encounters: visit({ payer: NONE_MOD, models: ['brown_bag'], charge: 0.01 }),
      expect: [{ line: '2', message: expect.stringContaining('brought by the patient (brown bag)') as unknown as string }],
    },
    {
      name: 'line without an NDC: linked through the crosswalk',
      encounters: visit({ drug: 'keytruda', payer: NONE, models: ['white_bag'], charge: 0.01, line: { ndc: undefined } }),
      expect: [{ code: 'J9271' }],
    },
  ],
} satisfies CaseTable;
