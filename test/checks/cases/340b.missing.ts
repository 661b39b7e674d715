import { missing340b } from '../../../src/checks/340b/missing.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, MA, MA_STRICT, MEDICAID, dose, fac } from '../340b-fixtures.js';

const dsh = fac('dsh');

export default {
  check: missing340b,
  facility: dsh,
  valid: [
    { name: 'dsh, Medicare, 2025: TB on 340B stock', encounters: dose({ date: '2025-04-08', mods: ['JZ', 'TB'], stock: ['340b'] }) },
    { name: 'dsh, Medicare, 2024: JG on 340B stock', encounters: dose({ date: '2024-06-11', mods: ['JZ', 'JG'], stock: ['340b'] }) },
    { name: 'no dispense row: unknown, never guessed', encounters: dose({ date: '2025-04-08', mods: ['JZ'] }) },
    { name: 'dispense row with a blank inventory: unknown', encounters: dose({ date: '2025-04-08', mods: ['JZ'], stock: ['blank'] }) },
    { name: 'WAC stock without a modifier', encounters: dose({ date: '2025-04-08', mods: ['JZ'], stock: ['wac'] }) },
    { name: 'GPO stock without a modifier', encounters: dose({ date: '2024-04-08', mods: ['JZ'], stock: ['gpo'] }) },
    { name: 'mixed 340B and WAC stock: 340b.mixed, not this check', encounters: dose({ date: '2025-04-08', mods: ['JZ'], stock: ['340b', 'wac'] }) },
    { name: 'white-bagged dose', encounters: dose({ date: '2025-04-08', mods: ['JZ'], stock: ['white_bag'] }) },
    { name: 'commercial payer (modifiers340b none)', encounters: dose({ date: '2025-04-08', payer: COMMERCIAL, stock: ['340b'] }) },
    { name: 'Medicaid (modifiers340b none; section 6 identifiers are other checks)', encounters: dose({ date: '2025-04-08', payer: MEDICAID, stock: ['340b'] }) },
    { name: 'cah, 2023-11-14: TB optional (worked example 4)', facility: fac('cah'), encounters: dose({ date: '2023-11-14', drug: 'orencia', mods: ['JZ'], stock: ['340b'] }) },
    { name: 'grantee, 2023: optional', facility: fac('grantee'), encounters: dose({ date: '2023-05-02', stock: ['340b'] }) },
    { name: 'cah, 2020: CAHs report neither', facility: fac('cah'), encounters: dose({ date: '2020-05-02', stock: ['340b'] }) },
    { name: 'not a covered entity: no modifier expected', facility: fac('none'), encounters: dose({ date: '2025-04-08', stock: ['340b'] }) },
    { name: 'SI N drug (J2405): modifier optional', encounters: dose({ date: '2025-04-08', drug: 'ondansetron', stock: ['340b'] }) },
    { name: 'before 2018: no 340B modifier existed', encounters: dose({ date: '2017-12-29', stock: ['340b'] }) },
    {
      name: 'dated entity list: dsh until 2024-12-31, none after',
      facility: fac([{ type: 'dsh', from: '2018-01-01', to: '2024-12-31' }]),
      encounters: dose({ date: '2025-01-02', stock: ['340b'] }),
    },
    { name: 'line NDC differs from the dispensed NDC: not linked (unknown)', encounters: dose({ date: '2025-04-08', stock: ['340b'], claim: { ndc: '00006-3029-02' } }) },
  ],
  invalid: [
    {
      name: 'dsh, Medicare, 2025: 340B stock without TB',
      encounters: dose({ date: '2025-04-08', mods: ['JZ'], stock: ['340b'] }),
      expect: [{ line: '1', code: 'J9271', severityResolved: 'error', expected: 'J9271 with modifier TB', message: 'J9271 line 1: dispensed from 340B stock (D1) but billed without JG or TB; a DSH hospital reports TB on SI K drugs on 2025-04-08 (340b-modifiers 2025).' }],
    },
    {
      name: 'the line carries no NDC: linked through the crosswalk',
      encounters: dose({ date: '2025-04-08', stock: ['340b'], lineNdc: false }),
      expect: [{ expected: 'J9271 with modifier TB' }],
    },
    { name: 'dsh, 2024, SI K: JG', encounters: dose({ date: '2024-02-13', stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier JG', severityResolved: 'error' }] },
    { name: 'dsh, 2024-12-31 (last day of JG)', encounters: dose({ date: '2024-12-31', stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier JG' }] },
    { name: 'dsh, 2025-01-01 (first day of TB for all)', encounters: dose({ date: '2025-01-01', stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier TB' }] },
    { name: 'dsh, 2024, PN line: TB (worked example 3)', encounters: dose({ date: '2024-09-10', drug: 'imfinzi', mods: ['JZ', 'PN'], stock: ['340b'] }), expect: [{ expected: 'J9173 with modifier TB' }] },
    { name: 'dsh, 2023, SI K: JG', encounters: dose({ date: '2023-03-14', stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier JG' }] },
    { name: 'dsh, 2023, SI G (pass-through J0177): TB', encounters: dose({ date: '2023-03-14', drug: 'eyleaHd', stock: ['340b'] }), expect: [{ expected: 'J0177 with modifier TB' }] },
    { name: 'cah, 2024-02-13: TB required (worked example 4)', facility: fac('cah'), encounters: dose({ date: '2024-02-13', drug: 'orencia', mods: ['JZ'], stock: ['340b'] }), expect: [{ expected: 'J0129 with modifier TB', severityResolved: 'error' }] },
    { name: 'rural_sch, 2020: TB', facility: fac('rural_sch'), encounters: dose({ date: '2020-08-11', drug: 'entyvio', stock: ['340b'] }), expect: [{ expected: 'J3380 with modifier TB' }] },
    {
      name: 'dsh, 2020: JG missing while JG cut the payment (no ASP file of 2020Q3 loaded: no amount)',
      encounters: dose({ date: '2020-08-11', stock: ['340b'] }),
      expect: [{ expected: 'J9271 with modifier JG', severityResolved: 'error' }],
    },
    { name: 'grantee, 2025: TB on weak evidence (medium-low): warning', facility: fac('grantee'), encounters: dose({ date: '2025-04-08', stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier TB', severityResolved: 'warning' }] },
    { name: 'Medicare Advantage (default medicare-warn): warning', encounters: dose({ date: '2025-04-08', payer: MA, stock: ['340b'] }), expect: [{ severityResolved: 'warning' }] },
    { name: 'Medicare Advantage with modifiers340b: medicare: error', encounters: dose({ date: '2025-04-08', payer: MA_STRICT, stock: ['340b'] }), expect: [{ severityResolved: 'error' }] },
    {
      name: 'JW line takes its administered line\'s dispense: both lines flagged',
      encounters: dose({ date: '2025-04-08', stock: ['340b'], jw: [] }),
      expect: [{ line: '1' }, { line: '2' }],
    },
    {
      name: 'dated entity list: rural_sch until 2023, dsh from 2024',
      facility: fac([{ type: 'rural_sch', to: '2023-12-31' }, { type: 'dsh', from: '2024-01-01' }]),
      encounters: [...dose({ date: '2023-06-01', stock: ['340b'] }), ...dose({ date: '2024-06-01', stock: ['340b'] })],
      expect: [{ expected: 'J9271 with modifier TB' }, { expected: 'J9271 with modifier JG' }],
    },
  ],
} satisfies CaseTable;
