import { ndcIncomplete } from '../../../src/checks/ndc/incomplete.js';
import { claim, encounter, type CaseTable } from '../harness.js';
import { darzalex, ndcFacility } from '../ndc-fixtures.js';

const NDC = '00006-3026-02';
const one = (payer: string, p: Parameters<typeof claim>[0] = {}) => [encounter({ claims: [claim({ payer, ndc: NDC, ...p })] })];

export default {
  check: ndcIncomplete,
  facility: ndcFacility(),
  valid: [
    { name: 'Medicaid: quantity and unit UN', encounters: one('Ohio Medicaid', { ndcQuantity: 2, ndcUnit: 'UN' }) },
    { name: 'commercial: decimal quantity in ML, lower-case unit', encounters: one('Aetna PPO', { ndcQuantity: 12.5, ndcUnit: 'ml' }) },
    { name: 'no NDC at all (ndc.missing decides)', encounters: one('Ohio Medicaid', { ndc: undefined }) },
    { name: 'administration line', encounters: one('Ohio Medicaid', { code: '96413', units: 1 }) },
  ],
  invalid: [
    {
      name: 'worked example 5: Medicaid, unit blank -> error, the line is denied',
      encounters: darzalex([{ units: 128, ndc: '57894050220', ndcQuantity: 4 }]),
      expect: [{ severityResolved: 'error', amountAtRisk: 9135.49, direction: 'denial' }],
    },
    { name: 'Medicare (not required): at least a warning', encounters: one('Medicare Part B', { ndcUnit: 'UN' }), expect: [{ severityResolved: 'warning', message: 'J9271 NDC 00006-3026-02: no NDC quantity.' }] },
    { name: 'commercial: unit not a qualifier', encounters: one('Aetna PPO', { ndcQuantity: 2, ndcUnit: 'EA' }), expect: [{ severityResolved: 'warning' }] },
    { name: 'other payer: zero quantity', encounters: one('Acme Workers Comp', { ndcQuantity: 0, ndcUnit: 'UN' }), expect: [{ severityResolved: 'warning' }] },
    { name: 'Medicare C9399: error', encounters: one('Medicare Part B', { code: 'C9399', units: 1, ndcUnit: 'ML' }), expect: [{ severityResolved: 'error' }] },
    { name: 'Medicare Advantage: both missing', encounters: one('Humana Medicare Advantage'), expect: [{ severityResolved: 'warning', message: 'J9271 NDC 00006-3026-02: no NDC unit and no NDC quantity.' }] },
  ],
} satisfies CaseTable;
