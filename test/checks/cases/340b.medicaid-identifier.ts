import { medicaidIdentifier340b } from '../../../src/checks/340b/medicaid-identifier.js';
import type { CaseTable } from '../harness.js';
import { IL_MEDICAID, MEDICARE, OH_MEDICAID, dose, medicaidFac } from '../medicaid-fixtures.js';

/** Illinois: carve-in, UD first (worked example 7). */
const il = medicaidFac({ carve: 'in', modifier: 'UD', position: 'first' });
const anyPos = medicaidFac({ carve: 'in', modifier: 'UD' });
const maine = medicaidFac({ carve: 'in', modifier: 'JG', non340bModifier: 'UC' });
const mco = medicaidFac({ carve: 'in', modifier: 'UD', position: 'first', managedCare: true });
const d = (stock: Parameters<typeof dose>[0]['stock'], mods: string[] = [], more: Partial<Parameters<typeof dose>[0]> = {}) =>
  dose({ date: '2025-07-15', payer: IL_MEDICAID, mods, ...(stock ? { stock } : {}), ...more });

export default {
  check: medicaidIdentifier340b,
  facility: il,
  valid: [
    { name: 'UD first on 340B stock (worked example 7 done right)', encounters: d(['340b'], ['UD', 'TB']) },
    { name: 'UD alone on 340B stock', encounters: d(['340b'], ['UD']) },
    { name: 'position any: UD second', facility: anyPos, encounters: d(['340b'], ['TB', 'UD']) },
    { name: 'non-340B stock without UD', encounters: d(['wac']) },
    { name: 'no dispense evidence, no UD: unknown, never guessed', encounters: d(undefined) },
    { name: 'blank inventory with UD: unknown', encounters: d(['blank'], ['UD']) },
    { name: 'mixed stock: left to 340b.mixed', encounters: d(['340b', 'wac']) },
    { name: 'white-bagged dose without UD', encounters: d(['white_bag']) },
    { name: 'carve-out payer: 340b.duplicate-discount instead', facility: medicaidFac({ carve: 'out' }), encounters: d(['340b']) },
    { name: 'carve-in without a state modifier configured', facility: medicaidFac({ carve: 'in' }), encounters: d(['340b']) },
    { name: 'unconfigured Medicaid payer', encounters: d(['340b'], [], { payer: OH_MEDICAID }) },
    { name: 'Medicare line of 340B stock without UD', encounters: d(['340b'], ['TB'], { payer: MEDICARE }) },
    { name: 'Maine: UC on WAC stock', facility: maine, encounters: d(['wac'], ['UC']) },
    { name: 'Maine: JG on 340B stock', facility: maine, encounters: d(['340b'], ['JG']) },
    { name: 'managed care: UD first on 340B stock', facility: mco, encounters: d(['340b'], ['UD']) },
  ],
  invalid: [
    {
      name: 'worked example 7: TB only on 340B stock',
      encounters: d(['340b'], ['TB']),
      expect: [
        {
          code: 'J9271',
          severityResolved: 'error',
          expected: 'J9271 with UD as the first modifier',
          message: 'J9271 line 1: Illinois Medicaid, where the site carves in for fee-for-service Medicaid (HRSA Medicaid Exclusion File): dispensed from 340B stock (D1) but billed without UD.',
        },
      ],
    },
    {
      name: 'worked example 7: "TB UD", UD not first',
      encounters: d(['340b'], ['TB', 'UD']),
      expect: [{ expected: 'J9271 with UD as the first modifier', message: 'J9271 line 1: Illinois Medicaid, where the site carves in for fee-for-service Medicaid (HRSA Medicaid Exclusion File): UD is modifier 2, but the state requires it first.' }],
    },
    { name: 'position any: UD absent', facility: anyPos, encounters: d(['340b']), expect: [{ expected: 'J9271 with modifier UD' }] },
    {
      name: 'UD on WAC stock',
      encounters: d(['wac'], ['UD']),
      expect: [{ expected: 'J9271 without UD', message: 'J9271 line 1: Illinois Medicaid, where the site carves in for fee-for-service Medicaid (HRSA Medicaid Exclusion File): UD says 340B-acquired, but dispensed from WAC stock, not 340B (D1).' }],
    },
    { name: 'Maine: JG on GPO stock', facility: maine, encounters: d(['gpo'], ['JG']), expect: [{ expected: 'J9271 with UC instead of JG' }] },
    {
      name: 'Maine: WAC stock without UC',
      facility: maine,
      encounters: d(['wac']),
      expect: [{ expected: 'J9271 with modifier UC', message: "J9271 line 1: Illinois Medicaid, where the site carves in for fee-for-service Medicaid (HRSA Medicaid Exclusion File): dispensed from WAC stock, not 340B (D1) but billed without the state's non-340B modifier UC." }],
    },
    { name: 'Maine: 340B stock without JG', facility: maine, encounters: d(['340b']), expect: [{ expected: 'J9271 with modifier JG' }] },
    {
      name: 'managed care: UD missing, plan rule named',
      facility: mco,
      encounters: d(['340b']),
      expect: [{ message: 'J9271 line 1: Illinois Medicaid, where the managed care plan carves in (state or plan rule; the MEF does not apply): dispensed from 340B stock (D1) but billed without UD.' }],
    },
    { name: 'JW line of 340B stock without UD: both lines', encounters: d(['340b'], [], { jw: [] }), expect: [{ line: '1' }, { line: '2' }] },
  ],
} satisfies CaseTable;
