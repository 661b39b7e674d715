import { wrong340b } from '../../../src/checks/340b/wrong.js';
import type { CaseTable } from '../harness.js';
import { COMMERCIAL, MA, dose, fac } from '../340b-fixtures.js';

const dsh = fac('dsh');

export default {
  check: wrong340b,
  facility: dsh,
  valid: [
    { name: 'dsh, 2025: TB', encounters: dose({ date: '2025-04-08', mods: ['JZ', 'TB'], stock: ['340b'] }) },
    { name: 'dsh, 2024: JG', encounters: dose({ date: '2024-04-08', mods: ['JG'], stock: ['340b'] }) },
    { name: 'dsh, 2024, PN line: TB', encounters: dose({ date: '2024-09-10', drug: 'imfinzi', mods: ['JZ', 'TB', 'PN'], stock: ['340b'] }) },
    { name: 'dsh, 2023, SI G: TB', encounters: dose({ date: '2023-03-14', drug: 'eyleaHd', mods: ['TB'], stock: ['340b'] }) },
    { name: 'dsh, 2021, PN line: JG (the cut reached PN sites in 2019)', encounters: dose({ date: '2021-03-02', mods: ['JG', 'PN'], stock: ['340b'] }) },
    { name: 'rural_sch, 2020: TB', facility: fac('rural_sch'), encounters: dose({ date: '2020-08-11', drug: 'entyvio', mods: ['TB'], stock: ['340b'] }) },
    { name: 'cah, 2023: JG is optional territory', facility: fac('cah'), encounters: dose({ date: '2023-11-14', mods: ['JG'], stock: ['340b'] }) },
    { name: 'JG on WAC stock: 340b.not-340b, not this check', encounters: dose({ date: '2025-04-08', mods: ['JG'], stock: ['wac'] }) },
    { name: 'JG with no dispense evidence: unknown, no finding', encounters: dose({ date: '2025-04-08', mods: ['JG'] }) },
    { name: 'commercial payer: not checked', encounters: dose({ date: '2025-04-08', payer: COMMERCIAL, mods: ['JG'], stock: ['340b'] }) },
    { name: 'SI N drug: out of scope', encounters: dose({ date: '2025-04-08', drug: 'ondansetron', mods: ['JG'], stock: ['340b'] }) },
  ],
  invalid: [
    {
      name: 'dsh, Medicare, 2025-04-08: JG where TB (worked example 1): warning, same payment',
      encounters: dose({ date: '2025-04-08', mods: ['JZ', 'JG'], stock: ['340b'] }),
      expect: [{ severityResolved: 'warning', expected: 'J9271 with modifier TB instead of JG' }],
    },
    {
      name: 'rural_sch, 2020-08-11: JG where TB (worked example 2): error, JG cut the payment',
      facility: fac('rural_sch'),
      encounters: dose({ date: '2020-08-11', drug: 'entyvio', mods: ['JG'], stock: ['340b'] }),
      expect: [{ code: 'J3380', severityResolved: 'error', expected: 'J3380 with modifier TB instead of JG' }],
    },
    {
      name: 'dsh, 2024-09-10, PN line: JG where TB (worked example 3): warning',
      encounters: dose({ date: '2024-09-10', drug: 'imfinzi', mods: ['JZ', 'JG', 'PN'], stock: ['340b'] }),
      expect: [{ severityResolved: 'warning', expected: 'J9173 with modifier TB instead of JG' }],
    },
    { name: 'dsh, 2024, SI K: TB where JG', encounters: dose({ date: '2024-04-08', mods: ['TB'], stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier JG instead of TB', severityResolved: 'warning' }] },
    { name: 'dsh, 2022-09-27 (last day of the cut): error', encounters: dose({ date: '2022-09-27', mods: ['TB'], stock: ['340b'] }), expect: [{ severityResolved: 'error' }] },
    { name: 'dsh, 2022-09-28 (ASP+6% again): warning', encounters: dose({ date: '2022-09-28', mods: ['TB'], stock: ['340b'] }), expect: [{ severityResolved: 'warning' }] },
    { name: 'dsh, 2023, SI G: JG where TB', encounters: dose({ date: '2023-03-14', drug: 'eyleaHd', mods: ['JG'], stock: ['340b'] }), expect: [{ expected: 'J0177 with modifier TB instead of JG' }] },
    { name: 'cah, 2025: JG where TB', facility: fac('cah'), encounters: dose({ date: '2025-02-04', mods: ['JG'], stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier TB instead of JG' }] },
    { name: 'both JG and TB', encounters: dose({ date: '2025-04-08', mods: ['JG', 'TB'], stock: ['340b'] }), expect: [{ expected: 'J9271 with modifier TB only' }] },
    { name: 'Medicare Advantage, 2021: capped at warning', encounters: dose({ date: '2021-05-04', payer: MA, mods: ['TB'], stock: ['340b'] }), expect: [{ severityResolved: 'warning' }] },
  ],
} satisfies CaseTable;
