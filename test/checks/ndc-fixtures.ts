/** Shared fixtures for the NDC case tables: one payer of every type, and worked example 5 (Darzalex). */
import type { Facility } from '../../src/rules/index.js';
import { claim, dispense, encounter, mar, payer, typedFacility } from './harness.js';
import type { ClaimLine } from '../../src/model.js';

/** Medicare, Ohio Medicaid, Humana Medicare Advantage, Aetna (commercial), Strict Plan (commercial, ndc required), NocOnly Plan (commercial, noc-only); anything else is `other`. */
export function ndcFacility(): Facility {
  return typedFacility({
    payers: [
      payer('Medicare Advantage', 'medicare_advantage', 0),
      payer('Medicare', 'medicare', 1),
      payer('Medicaid', 'medicaid', 2),
      payer('Aetna', 'commercial', 3),
      payer('Strict Plan', 'commercial', 4, { ndc: 'required' }),
      payer('NocOnly Plan', 'commercial', 5, { ndc: 'noc-only' }),
    ],
  });
}

export const MEDICAID = 'Ohio Medicaid';

/** Worked example 5: Darzalex 1,280 mg, Medicaid 2025-10-21, 3 x 57894-0502-20 + 1 x 57894-0502-05 dispensed. */
export function darzalex(lines: Partial<ClaimLine>[], payerName = MEDICAID) {
  const d = '2025-10-21';
  return [
    encounter({
      serviceDate: d,
      claims: lines.map((p, i) => claim({ serviceDate: d, payer: payerName, code: 'J9145', line: String(i + 1), ...p })),
      mar: [mar({ drug: 'daratumumab (Darzalex)', code: 'J9145', dose: 1280, doseUnit: 'mg', date: d, start: `${d}T09:00:00`, stop: `${d}T16:00:00` })],
      dispense: [
        dispense({ dispenseId: 'D1', dispenseDate: d, ndc: '57894050220', quantity: 3, quantityUnit: 'UN', drug: 'daratumumab' }),
        dispense({ dispenseId: 'D2', dispenseDate: d, ndc: '57894-0502-05', quantity: 1, quantityUnit: 'UN', drug: 'daratumumab' }),
      ],
    }),
  ];
}

/** The correct billing of worked example 5. */
export const DARZALEX_OK: Partial<ClaimLine>[] = [
  { units: 120, ndc: '57894050220', ndcQuantity: 3, ndcUnit: 'UN' },
  { units: 8, ndc: 'N457894050205', ndcQuantity: 1, ndcUnit: 'UN' },
];
