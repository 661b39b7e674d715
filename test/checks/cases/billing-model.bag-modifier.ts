import { expect } from 'vitest';
import { bagModifier } from '../../../src/checks/billing-model/bag-modifier.js';
import type { CaseTable } from '../harness.js';
import { ANY_MOD, NAMED_MOD, NONE_MOD, PENNY, PENNY_MOD, fac, visit } from '../billing-model-fixtures.js';

export default {
  check: bagModifier,
  facility: fac(),
  valid: [
    { name: 'penny with U1: $0.01 line carries U1', encounters: visit({ payer: PENNY_MOD, models: ['white_bag'], charge: 0.01, line: { modifiers: ['U1'] } }) },
    { name: 'named with U2: $0.00 line carries U2 after another modifier', encounters: visit({ payer: NAMED_MOD, models: ['white_bag'], charge: 0, line: { modifiers: ['JZ', 'U2'] } }) },
    { name: 'policy without a modifier: $0.01 line without one', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01 }) },
    { name: 'penny with U1: no drug line (bag-line-missing, not this check)', encounters: visit({ payer: PENNY_MOD, models: ['white_bag'] }) },
    { name: 'penny with U1: $0.02 line (bag-charged, whose expected names U1)', encounters: visit({ payer: PENNY_MOD, models: ['white_bag'], charge: 0.02 }) },
    { name: 'none with U1: $0.01 line unwanted anyway (bag-line-unwanted)', encounters: visit({ payer: NONE_MOD, models: ['white_bag'], charge: 0.01 }) },
    { name: 'penny with U1: buy-and-bill dose', encounters: visit({ payer: PENNY_MOD, models: ['buy_and_bill'], charge: 6000 }) },
    { name: 'penny with U1: no dispense row, unknown', encounters: visit({ payer: PENNY_MOD, charge: 0.01 }) },
  ],
  invalid: [
    {
      name: 'penny with U1: $0.01 line without U1',
      encounters: visit({ payer: PENNY_MOD, models: ['white_bag'], charge: 0.01 }),
      expect: [{ line: '2', code: 'J3380', severityResolved: 'warning', expected: 'J3380 at $0.01 with modifier U1', message: 'J3380 line 2 bills a dose shipped by the payer\'s specialty pharmacy (white bag), not hospital stock (D1) without modifier U1, which the payer\'s bag policy asks for on such a line.' }],
    },
    {
      name: 'named with U2: $0.00 line with another modifier only',
      encounters: visit({ payer: NAMED_MOD, models: ['brown_bag'], charge: 0, line: { modifiers: ['JZ'] } }),
      expect: [{ line: '2', expected: 'J3380 at $0.00 or $0.01 with the NDC with modifier U2', message: expect.stringContaining('(modifiers JZ)') as unknown as string }],
    },
    {
      name: 'any with U3: $0.01 line without U3',
      encounters: visit({ payer: ANY_MOD, models: ['white_bag'], charge: 0.01 }),
      expect: [{ line: '2', expected: 'J3380 at $0.00 or $0.01 with modifier U3, or no drug line' }],
    },
    {
      name: 'penny with U1: line with no charge',
      encounters: visit({ payer: PENNY_MOD, models: ['white_bag'], charge: 0, line: { charge: undefined } }),
      expect: [{ line: '2' }],
    },
  ],
} satisfies CaseTable;
