import { notBilled } from '../../../src/checks/billing-model/not-billed.js';
import type { CaseTable } from '../harness.js';
import { MEDICARE, NONE, PENNY, fac, visit } from '../billing-model-fixtures.js';

export default {
  check: notBilled,
  facility: fac(),
  valid: [
    { name: 'buy-and-bill, given and billed', encounters: visit({ models: ['buy_and_bill'], charge: 6000 }) },
    { name: 'buy-and-bill, billed without the NDC', encounters: visit({ models: ['buy_and_bill'], charge: 6000, line: { ndc: undefined } }) },
    { name: 'buy-and-bill, billed under a NOC code with the NDC', encounters: visit({ models: ['buy_and_bill'], charge: 6000, line: { code: 'J3590' } }) },
    { name: 'buy-and-bill, billed under another code with the dispensed NDC', encounters: visit({ models: ['buy_and_bill'], charge: 6000, line: { code: 'C9399' } }) },
    { name: 'buy-and-bill, dispensed but not given (no MAR)', encounters: visit({ models: ['buy_and_bill'], given: false }) },
    { name: 'white bag, given, no drug line (drugLine none)', encounters: visit({ payer: NONE, models: ['white_bag'] }) },
    { name: 'white bag, given, no drug line (penny: bag-line-missing, not this check)', encounters: visit({ payer: PENNY, models: ['white_bag'] }) },
    { name: 'brown bag, given, no drug line', encounters: visit({ payer: MEDICARE, drug: 'xgeva', models: ['brown_bag'] }) },
    { name: 'buy-and-bill and white-bag rows for the drug: not judged', encounters: visit({ models: ['buy_and_bill', 'white_bag'] }) },
    { name: 'given, no dispense row: charge capture, not this check', encounters: visit({}) },
    { name: 'no claim lines for the encounter: the claim is not in the extract', encounters: visit({ models: ['buy_and_bill'], enc: { claims: [] } }) },
    { name: 'a claim row of the encounter was unreadable', encounters: visit({ models: ['buy_and_bill'], enc: { claimsIncomplete: true } }) },
    { name: 'billed on the MAR date, dispensed the day before', encounters: visit({ models: ['buy_and_bill'], charge: 6000 }).map((e) => ({ ...e, dispense: e.dispense.map((d) => ({ ...d, dispenseDate: '2026-02-09' })) })) },
  ],
  invalid: [
    {
      name: 'buy-and-bill, Medicare, Xgeva given, no drug line (worked example 12)',
      encounters: visit({ date: '2025-11-12', drug: 'xgeva', payer: MEDICARE, models: ['buy_and_bill'] }),
      expect: [{ code: 'J0897', severityResolved: 'error', amountAtRisk: 3525.6, direction: 'under', expected: 'J0897 x 120 on 2025-11-12', message: 'denosumab (Xgeva) 120 mg given (M1) and dispensed buy-and-bill (D1); no J0897 line on the claim for 2025-11-12; 120 units x P = $3525.60 (ASP pricing 2025Q4).' }],
    },
    {
      name: 'buy-and-bill, commercial: the amount is an estimate',
      encounters: visit({ drug: 'keytruda', date: '2025-10-02', models: ['buy_and_bill'] }),
      expect: [{ code: 'J9271', amountAtRisk: 12058.2, expected: 'J9271 x 200 on 2025-10-02' }],
    },
    {
      name: 'buy-and-bill, the drug billed on another date only',
      encounters: visit({ models: ['buy_and_bill'], charge: 6000, line: { serviceDate: '2026-02-11' } }),
      expect: [{ code: 'J3380', direction: 'under' }],
    },
    {
      name: 'buy-and-bill, no dose charted: no amount',
      encounters: visit({ models: ['buy_and_bill'] }).map((e) => ({ ...e, mar: e.mar.map((m) => ({ ...m, dose: undefined })) })),
      expect: [{ code: 'J3380', expected: 'a J3380 drug line on 2026-02-10' }],
    },
  ],
} satisfies CaseTable;
