import { ndcQuantity } from '../../../src/checks/ndc/quantity.js';
import { claim, encounter, type CaseTable } from '../harness.js';
import { DARZALEX_OK, darzalex, ndcFacility } from '../ndc-fixtures.js';

/** Worked example 10: Ocrevus J2350 (1 mg), 600 mg = 2 x 50242-0150-01 (300 units each); Medicare 2025-11-25. */
const ocrevus = (p: Parameters<typeof claim>[0][] ) =>
  [encounter({ serviceDate: '2025-11-25', claims: p.map((x, i) => claim({ serviceDate: '2025-11-25', code: 'J2350', units: 600, ndc: '50242-0150-01', ndcUnit: 'UN', line: String(i + 1), ...x })) })];

export default {
  check: ndcQuantity,
  facility: ndcFacility(),
  valid: [
    { name: 'worked example 10: 600 units, UN 2', encounters: ocrevus([{ ndcQuantity: 2 }]) },
    { name: 'worked example 5: two NDCs on two lines, UN 3 and UN 1', encounters: darzalex(DARZALEX_OK) },
    { name: 'administered + JW lines of one NDC share its packages (UN 0.89 + 0.11 = 1)', encounters: [encounter({ claims: [
      claim({ code: 'J9075', units: 356, ndc: '00781-3255-94', ndcQuantity: 0.89, ndcUnit: 'UN' }),
      claim({ code: 'J9075', units: 44, line: '2', modifiers: ['JW'], ndc: '00781-3255-94', ndcQuantity: 0.11, ndcUnit: 'UN' }),
    ] })] },
    { name: 'unit ML: only > 0 (not compared with BILLUNITS)', encounters: ocrevus([{ ndcQuantity: 20, ndcUnit: 'ML' }]) },
    { name: 'NDC not in the crosswalk: no BILLUNITS, no check', encounters: ocrevus([{ ndcQuantity: 7, ndc: '12345-6789-01' }]) },
    { name: 'quantity missing (ndc.incomplete reports it)', encounters: ocrevus([{}]) },
  ],
  invalid: [
    {
      name: 'worked example 10: UN 3 for 600 units',
      encounters: ocrevus([{ ndcQuantity: 3 }]),
      expect: [{ severityResolved: 'warning', expected: 'NDC 50242-0150-01 quantity UN 2 in total (ceil(600 / 300))', line: '1', code: 'J2350' }],
    },
    {
      name: 'worked example 5 on one line: 128 units of 57894-0502-20 (40 per vial) need 4, UN 3 billed',
      encounters: darzalex([{ units: 128, ndc: '57894050220', ndcQuantity: 3, ndcUnit: 'UN' }]),
      expect: [{ expected: 'NDC 57894-0502-20 quantity UN 4 in total (ceil(128 / 40))' }],
    },
    {
      name: 'summed over an administered and a JW line: 1 + 1 for 400 units of a 400-unit vial',
      encounters: [encounter({ claims: [
        claim({ code: 'J9075', units: 356, ndc: '00781-3255-94', ndcQuantity: 1, ndcUnit: 'UN' }),
        claim({ code: 'J9075', units: 44, line: '2', modifiers: ['JW'], ndc: '00781-3255-94', ndcQuantity: 1, ndcUnit: 'UN' }),
      ] })],
      expect: [{ line: '1', message: 'NDC 00781-3255-94 quantity UN 2 on 2 lines does not match J9075 x400: 400 units per item (ASP crosswalk 2025Q4) makes 1.' }],
    },
  ],
} satisfies CaseTable;
