import { medicaidUnconfigured340b } from '../../../src/checks/340b/medicaid-unconfigured.js';
import type { CaseTable } from '../harness.js';
import { IL_MEDICAID, MEDICARE, OH_MEDICAID, dose, medicaidFac } from '../medicaid-fixtures.js';

const d = (stock: Parameters<typeof dose>[0]['stock'], more: Partial<Parameters<typeof dose>[0]> = {}) =>
  dose({ date: '2025-05-20', drug: 'imfinzi', payer: OH_MEDICAID, ...(stock ? { stock } : {}), ...more });

export default {
  check: medicaidUnconfigured340b,
  facility: medicaidFac({ carve: 'out' }),
  valid: [
    { name: 'unconfigured, WAC stock: nothing at stake', encounters: d(['wac']) },
    { name: 'unconfigured, no dispense evidence: unknown, never guessed', encounters: d(undefined) },
    { name: 'unconfigured, blank inventory: unknown', encounters: d(['blank']) },
    { name: 'unconfigured, brown-bagged dose', encounters: d(['brown_bag']) },
    { name: 'configured carve-out payer: 340b.duplicate-discount instead', encounters: d(['340b'], { payer: IL_MEDICAID }) },
    { name: 'configured carve-in payer', facility: medicaidFac({ carve: 'in', modifier: 'UD' }), encounters: d(['340b'], { payer: IL_MEDICAID, mods: ['UD'] }) },
    { name: 'Medicare line: not Medicaid', encounters: d(['340b'], { payer: MEDICARE, mods: ['TB'] }) },
    { name: 'no Medicaid claim line at all', encounters: d(['340b'], { payer: 'Aetna PPO' }) },
  ],
  invalid: [
    {
      name: 'worked example 8 with no policy',
      encounters: d(['340b']),
      expect: [
        {
          code: 'J9173',
          severityResolved: 'warning',
          expected: 'a medicaid340b policy for Ohio Medicaid in facility.yaml',
          message:
            'J9173 line 1: dispensed from 340B stock (D1) and billed to Ohio Medicaid, a Medicaid payer with no medicaid340b policy in facility.yaml; carve-in/out and the state identifier are not checked.',
        },
      ],
    },
    { name: 'no policy on any Medicaid entry, mixed stock', facility: medicaidFac(), encounters: d(['340b', 'wac'], { payer: IL_MEDICAID }), expect: [{ severityResolved: 'warning' }] },
  ],
} satisfies CaseTable;
