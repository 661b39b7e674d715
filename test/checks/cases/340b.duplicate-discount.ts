import { duplicateDiscount340b } from '../../../src/checks/340b/duplicate-discount.js';
import type { CaseTable } from '../harness.js';
import { IL_MEDICAID, MEDICARE, OH_MEDICAID, dose, medicaidFac } from '../medicaid-fixtures.js';

const out = medicaidFac({ carve: 'out' });
const d = (stock: Parameters<typeof dose>[0]['stock'], more: Partial<Parameters<typeof dose>[0]> = {}) =>
  dose({ date: '2025-05-20', drug: 'imfinzi', payer: IL_MEDICAID, ...(stock ? { stock } : {}), ...more });

export default {
  check: duplicateDiscount340b,
  facility: out,
  valid: [
    { name: 'carve-out, WAC stock (worked example 8 done right)', encounters: d(['wac']) },
    { name: 'carve-out, GPO stock', encounters: d(['gpo']) },
    { name: 'carve-out, no dispense evidence: unknown, never guessed', encounters: d(undefined) },
    { name: 'carve-out, blank inventory: unknown', encounters: d(['blank']) },
    { name: 'carve-out, white-bagged dose: not hospital stock', encounters: d(['white_bag']) },
    { name: 'carve-in, 340B stock: allowed', facility: medicaidFac({ carve: 'in', modifier: 'UD', position: 'first' }), encounters: d(['340b'], { mods: ['UD'] }) },
    { name: 'carve-in managed care, 340B stock', facility: medicaidFac({ carve: 'in', modifier: 'UD', managedCare: true }), encounters: d(['340b'], { mods: ['UD'] }) },
    { name: 'Medicare line of 340B stock: not Medicaid', encounters: d(['340b'], { payer: MEDICARE, mods: ['TB'] }) },
    { name: 'unconfigured Medicaid payer: 340b.medicaid-unconfigured instead', encounters: d(['340b'], { payer: OH_MEDICAID }) },
  ],
  invalid: [
    {
      name: 'carve-out, 340B stock (worked example 8)',
      encounters: d(['340b']),
      expect: [
        {
          code: 'J9173',
          severityResolved: 'error',
          expected: 'J9173 for Illinois Medicaid dispensed from non-340B stock',
          message:
            'J9173 line 1: billed to Illinois Medicaid, where the site carves out for fee-for-service Medicaid (HRSA Medicaid Exclusion File), but dispensed from 340B stock (D1); the Medicaid rebate and the 340B price would both apply.',
        },
      ],
    },
    {
      name: 'carve-out managed care: the state or plan decides, same finding',
      facility: medicaidFac({ carve: 'out', managedCare: true }),
      encounters: d(['340b']),
      expect: [{ message: 'J9173 line 1: billed to Illinois Medicaid, where the managed care plan carves out (state or plan rule; the MEF does not apply), but dispensed from 340B stock (D1); the Medicaid rebate and the 340B price would both apply.' }],
    },
    { name: 'carve-out, mixed 340B and WAC stock: a 340B dose is on the line', encounters: d(['340b', 'wac']), expect: [{ severityResolved: 'error' }] },
    { name: 'carve-out, 340B stock with a state modifier anyway', facility: medicaidFac({ carve: 'out', modifier: 'UD' }), encounters: d(['340b'], { mods: ['UD'] }), expect: [{ line: '1' }] },
    { name: 'carve-out, 340B dose with a JW line: both lines', encounters: d(['340b'], { jw: [] }), expect: [{ line: '1' }, { line: '2' }] },
  ],
} satisfies CaseTable;
