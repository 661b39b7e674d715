import { ndcMissing } from '../../../src/checks/ndc/missing.js';
import { claim, encounter, type CaseTable } from '../harness.js';
import { DARZALEX_OK, darzalex, ndcFacility } from '../ndc-fixtures.js';

const one = (payer: string, p: Parameters<typeof claim>[0] = {}) => [encounter({ claims: [claim({ payer, ...p })] })];

export default {
  check: ndcMissing,
  facility: ndcFacility(),
  valid: [
    { name: 'Medicare drug line without NDC (not required)', encounters: one('Medicare Part B') },
    { name: 'payer of type other without NDC', encounters: one('Acme Workers Comp') },
    { name: 'Medicaid drug line with NDC', encounters: one('Ohio Medicaid', { ndc: '00006-3026-02', ndcQuantity: 2, ndcUnit: 'UN' }) },
    { name: 'Medicaid administration line (not a drug line)', encounters: one('Ohio Medicaid', { code: '96413', units: 1 }) },
    { name: 'noc-only payer, coded drug without NDC', encounters: one('NocOnly Plan') },
    { name: 'a malformed NDC is not missing (ndc.malformed reports it)', encounters: one('Ohio Medicaid', { ndc: '0069025510' }) },
    { name: 'worked example 5 billed right', encounters: darzalex(DARZALEX_OK) },
    { name: 'no payers in facility.yaml: every payer is other', facility: { ...ndcFacility(), payers: [] }, encounters: one('Ohio Medicaid') },
  ],
  invalid: [
    {
      name: 'Medicaid: line denied, expected units x ASP (worked example 5 without NDC: 128 x $71.371)',
      encounters: darzalex([{ units: 128 }]),
      expect: [{ severityResolved: 'error', amountAtRisk: 9135.49, direction: 'denial', line: '1', code: 'J9145', expected: 'J9145 with NDC 57894-0502-20 or 57894-0502-05 (dispensed), quantity and unit' }],
    },
    {
      name: 'Medicaid: units over the MAR range are brought into it for the amount (130 -> 128)',
      encounters: darzalex([{ units: 130 }]),
      expect: [{ amountAtRisk: 9135.49 }],
    },
    { name: 'commercial (expected): warning, no amount', encounters: one('Aetna PPO'), expect: [{ severityResolved: 'warning', message: 'J9271 x20 has no NDC; the payer (commercial) expects an NDC on drug lines.' }] },
    { name: 'Medicare Advantage (expected): warning', encounters: one('Humana Medicare Advantage'), expect: [{ severityResolved: 'warning' }] },
    { name: 'policy override required on a commercial payer: error', encounters: one('Strict Plan'), expect: [{ severityResolved: 'error', direction: 'denial' }] },
    { name: 'Medicare C9399 always needs an NDC', encounters: one('Medicare Part B', { code: 'C9399', units: 1 }), expect: [{ severityResolved: 'error', code: 'C9399' }] },
    { name: 'C9399 to a payer of type other still needs it', encounters: one('Acme Workers Comp', { code: 'C9399', units: 1 }), expect: [{ severityResolved: 'error' }] },
    { name: 'noc-only payer: NOC line without NDC', encounters: one('NocOnly Plan', { code: 'J3490', units: 1 }), expect: [{ severityResolved: 'error', code: 'J3490' }] },
    {
      name: 'Medicaid: a finding per drug line, JW line included',
      encounters: one('Ohio Medicaid').map((e) => ({ ...e, claims: [...e.claims, claim({ payer: 'Ohio Medicaid', line: '2', modifiers: ['JW'], units: 5 })] })),
      expect: [{ line: '1' }, { line: '2' }],
    },
  ],
} satisfies CaseTable;
