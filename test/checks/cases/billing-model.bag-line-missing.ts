import { expect } from 'vitest';
import { bagLineMissing } from '../../../src/checks/billing-model/bag-line-missing.js';
import type { CaseTable } from '../harness.js';
import { claim, mar } from '../harness.js';
import { COMMERCIAL, MEDICARE, NAMED, NAMED_MOD, NONE, PENNY, PENNY_MOD, fac, visit } from '../billing-model-fixtures.js';

/** An ondansetron push charted before the infusion, billed as 96375 (line 3): not the bagged dose's. */
const withPremed = (payer: string) =>
  visit({ payer, models: ['white_bag'] }).map((e) => ({
    ...e,
    claims: [...e.claims, { ...(e.claims[0] as (typeof e.claims)[number]), line: '3', code: '96375', charge: 121 }],
    mar: [mar({ administrationId: 'M0', drug: 'ondansetron 8 mg', route: 'IV push', dose: 8, doseUnit: 'mg', date: '2026-02-10', start: '2026-02-10T08:50:00', startText: '2026-02-10 08:50', stop: '2026-02-10T08:52:00', stopText: '2026-02-10 08:52' }), ...e.mar],
  }));

export default {
  check: bagLineMissing,
  facility: fac(),
  valid: [
    { name: 'penny: $0.01 line', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01 }) },
    { name: 'penny: $0.01 line without an NDC (the NDC is the payer\'s ndc policy)', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01, line: { ndc: undefined } }) },
    { name: 'penny: line with no charge (not judged)', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0, line: { charge: undefined } }) },
    { name: 'penny: $0.02 line (bag-charged, not this check)', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.02 }) },
    { name: 'named: $0.00 line with HCPCS and NDC', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0 }) },
    { name: 'named: $0.01 line with HCPCS and NDC', encounters: visit({ payer: NAMED, models: ['brown_bag'], charge: 0.01 }) },
    { name: 'named: $6,000 line (bag-charged, not this check)', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 6000, line: { ndc: undefined } }) },
    { name: 'named: a NOC line of the date without an NDC counts as a drug line', encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0, line: { code: 'J3590', ndc: undefined } }) },
    { name: 'none: no drug line wanted', encounters: visit({ payer: NONE, models: ['white_bag'] }) },
    { name: 'default (any): no drug line', encounters: visit({ payer: COMMERCIAL, models: ['white_bag'] }) },
    { name: 'Medicare (any): brown bag, no drug line (worked example 11)', encounters: visit({ date: '2025-12-03', drug: 'xgeva', payer: MEDICARE, models: ['brown_bag'] }) },
    { name: 'penny: buy-and-bill dose without a drug line (not-billed, not this check)', encounters: visit({ payer: PENNY, models: ['buy_and_bill'] }) },
    { name: 'penny: no dispense row (unknown: charge capture)', encounters: visit({ payer: PENNY }) },
    { name: 'penny: white-bag and buy-and-bill rows for the drug (not wholly bagged)', encounters: visit({ payer: PENNY, models: ['white_bag', 'buy_and_bill'] }) },
    { name: 'penny: white bag dispensed but not given (no MAR)', encounters: visit({ payer: PENNY, models: ['white_bag'], given: false }) },
    { name: 'penny: a claim row of the encounter was unreadable', encounters: visit({ payer: PENNY, models: ['white_bag'], enc: { claimsIncomplete: true } }) },
    { name: 'penny: no claim line for the encounter (the claim is not in the extract)', encounters: visit({ payer: PENNY, models: ['white_bag'], enc: { claims: [] } }) },
    { name: 'penny: the drug line billed under another code with the bagged NDC', encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01, line: { code: 'J3490' } }) },
  ],
  invalid: [
    {
      name: 'penny: administration alone (worked example 10)',
      encounters: visit({ payer: PENNY, models: ['white_bag'] }),
      expect: [{
        code: 'J3380', claimId: 'C1001', severityResolved: 'warning', amountAtRisk: 337.46, direction: 'denial',
        expected: 'J3380 at $0.01 beside the administration on 2026-02-10',
        message: 'vedolizumab (Entyvio) 300 mg given (M1), shipped by the payer\'s specialty pharmacy (white bag) (D1); the payer\'s bag policy is drugLine: penny and the claim has no J3380 line for 2026-02-10; the administration may deny without it: 96413 (line 1) at $337.46 (OPPS Addendum B 2026Q1, an estimate).',
      }],
    },
    {
      name: 'named: brown bag, no drug line',
      encounters: visit({ payer: NAMED, models: ['brown_bag'] }),
      expect: [{ code: 'J3380', amountAtRisk: 337.46, expected: 'J3380 at $0.00 or $0.01 with the NDC beside the administration on 2026-02-10', message: expect.stringContaining('brought by the patient (brown bag) (D1)') as unknown as string }],
    },
    {
      name: 'penny with U1: no drug line, expected names the modifier',
      encounters: visit({ payer: PENNY_MOD, models: ['white_bag'] }),
      expect: [{ expected: 'J3380 at $0.01 with modifier U1 beside the administration on 2026-02-10' }],
    },
    {
      name: 'penny: the premedication push is billed too, only the bagged dose\'s 96413 is at risk',
      encounters: withPremed(PENNY),
      expect: [{ amountAtRisk: 337.46, message: expect.stringContaining('96413 (line 1) at $337.46 (OPPS') as unknown as string }],
    },
    {
      name: 'penny: the infusion\'s administration is not billed either (the administration-coding checks report it): no amount',
      encounters: visit({ payer: PENNY, models: ['white_bag'], admin: false }).map((e) => ({ ...e, claims: [claim({ serviceDate: '2026-02-10', payer: PENNY, code: '96375', units: 1, charge: 121 })] })),
      expect: [{ message: expect.stringContaining('no separately paid administration line billed for the dose') as unknown as string }],
    },
    {
      name: 'penny: the MAR cannot be coded (a route the rules do not know): no amount',
      encounters: visit({ payer: PENNY, models: ['white_bag'] }).map((e) => ({ ...e, mar: e.mar.map((m) => ({ ...m, route: 'per protocol' })) })),
      expect: [{ message: expect.stringContaining('could not be told from the MAR') as unknown as string }],
    },
    {
      name: 'penny: the drug billed on another date only',
      encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0.01, line: { serviceDate: '2026-02-11' } }),
      expect: [{ code: 'J3380' }],
    },
    {
      name: 'penny: a $0.00 line (the payer asks for $0.01)',
      encounters: visit({ payer: PENNY, models: ['white_bag'], charge: 0 }),
      expect: [{ line: '2', code: 'J3380', expected: 'J3380 at $0.01', message: expect.stringContaining('is billed at $0.00 where the payer asks for $0.01') as unknown as string }],
    },
    {
      name: 'named: $0.01 line without an NDC',
      encounters: visit({ payer: NAMED, models: ['white_bag'], charge: 0.01, line: { ndc: undefined } }),
      expect: [{ line: '2', expected: 'J3380 at $0.00 or $0.01 with the NDC', message: 'J3380 line 2 for a dose shipped by the payer\'s specialty pharmacy (white bag), not hospital stock (D1) carries no NDC: the line does not name the drug; the payer\'s bag policy is drugLine: named.' }],
    },
    {
      name: 'named with U2: $0.00 line under J3590 with the bagged NDC',
      encounters: visit({ payer: NAMED_MOD, models: ['white_bag'], charge: 0, line: { code: 'J3590' } }),
      expect: [{ line: '2', code: 'J3590', expected: 'J3380 at $0.00 or $0.01 with the NDC with modifier U2', message: expect.stringContaining('under the NOC code J3590 where the dispensed NDC is J3380') as unknown as string }],
    },
  ],
} satisfies CaseTable;
