import { ndcDispenseMismatch } from '../../../src/checks/ndc/dispense-mismatch.js';
import { claim, dispense, encounter, type CaseTable } from '../harness.js';
import { DARZALEX_OK, darzalex, ndcFacility } from '../ndc-fixtures.js';

const keytruda = (p: Parameters<typeof claim>[0], d: Parameters<typeof dispense>[0] = {}) =>
  [encounter({ claims: [claim({ units: 200, ndcQuantity: 2, ndcUnit: 'UN', ...p })], dispense: [dispense(d)] })];

export default {
  check: ndcDispenseMismatch,
  facility: ndcFacility(),
  valid: [
    { name: 'worked example 5 billed right: one line per NDC dispensed (N4 prefix, hyphens ignored)', encounters: darzalex(DARZALEX_OK) },
    { name: 'billed NDC = dispensed NDC', encounters: keytruda({ ndc: '00006-3026-02' }) },
    { name: 'a line without NDC is left to ndc.missing', encounters: darzalex([{ units: 128 }]) },
    { name: 'no dispense for the drug', encounters: [encounter({ claims: [claim({ ndc: '00006-3026-02' })] })] },
    { name: 'dispense NDC of 10 bare digits is unknown, never compared', encounters: keytruda({ ndc: '00006-3026-04' }, { ndc: '0006302602', drug: 'pembrolizumab' }) },
    { name: 'malformed line NDC is not compared', encounters: keytruda({ ndc: '0006302602' }) },
  ],
  invalid: [
    {
      name: 'worked example 5: Medicaid, one line x128 of 57894-0502-20; 57894-0502-05 dispensed and on no line -> error, $9,135.49',
      encounters: darzalex([{ units: 128, ndc: '57894050220', ndcQuantity: 4, ndcUnit: 'UN' }]),
      expect: [{
        severityResolved: 'error',
        amountAtRisk: 9135.49,
        direction: 'denial',
        line: '1',
        expected: 'one J9145 line per NDC dispensed: 57894-0502-20 (D1 x3 UN); 57894-0502-05 (D2 x1 UN), each with its units and NDC quantity',
      }],
    },
    {
      name: 'same billing to a commercial payer: warning, no amount',
      encounters: darzalex([{ units: 128, ndc: '57894050220', ndcQuantity: 4, ndcUnit: 'UN' }], 'Aetna PPO'),
      expect: [{ severityResolved: 'warning', message: 'NDC 57894-0502-05 dispensed for J9145 is on no J9145 line (billed: 57894-0502-20).' }],
    },
    {
      name: 'Medicare: billed NDC not dispensed (substitution)',
      encounters: keytruda({ ndc: '00006-3026-04' }),
      expect: [{ severityResolved: 'warning', message: 'J9271 line 1 bills NDC 00006-3026-04, which was not dispensed for J9271 (dispensed: 00006-3026-02); NDC 00006-3026-02 dispensed for J9271 is on no J9271 line (billed: 00006-3026-04).' }],
    },
    {
      name: 'Medicaid: swapped NDCs on two lines each name the line',
      encounters: darzalex([
        { units: 120, ndc: '57894050220', ndcQuantity: 3, ndcUnit: 'UN' },
        { units: 8, ndc: '57894-0502-20', ndcQuantity: 1, ndcUnit: 'UN' },
      ]),
      expect: [{ line: '1', severityResolved: 'error' }],
    },
  ],
} satisfies CaseTable;
