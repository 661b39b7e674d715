import { wasteJzMissing } from '../../../src/checks/waste/jz-missing.js';
import type { CaseTable } from '../harness.js';
import { AETNA, aetnaJwOnly, aetnaRequired, facility, visit } from '../waste-fixtures.js';

// Keytruda J9271 (1 mg, SI K, single-dose, $60.291), 200 mg from 2 x 100 mg vials, nothing discarded.
const keytruda = (date: string, mods: string[], wasted: number | null = 0, payer?: string) =>
  visit({ date, lines: [['J9271', 200, mods, '00006-3026-02']], mar: [['J9271', 200, 'mg', wasted ?? undefined]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJzMissing,
  facility,
  valid: [
    { name: 'J9271-JZ x 200, waste 0', encounters: keytruda('2025-10-06', ['JZ']) },
    { name: 'before 2023-07-01 JZ was optional (2023-06-30)', encounters: keytruda('2023-06-30', []) },
    { name: 'between creation and requirement (2023-03-01)', encounters: keytruda('2023-03-01', []) },
    { name: 'waste not documented: waste.undocumented, not this check', encounters: keytruda('2025-10-06', [], null) },
    { name: 'Medicare SI N (J2405 ondansetron single-dose NDC): no JZ', encounters: visit({ date: '2025-10-06', lines: [['J2405', 4, [], '00641-6080-25']], mar: [['J2405', 4, 'mg', 0]] }) },
    { name: 'multi-dose container (carboplatin J9045, commercial required)', facility: aetnaRequired, encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J9045', 9, []]], mar: [['J9045', 450, 'mg', 0]] }) },
    { name: 'commercial payer, not-required', encounters: keytruda('2025-10-06', [], 0, AETNA) },
    { name: 'commercial payer, jw-only: JZ not expected', facility: aetnaJwOnly, encounters: keytruda('2025-10-06', [], 0, AETNA) },
    { name: 'inpatient bill type 111: out of scope', encounters: visit({ date: '2025-10-06', billType: '0111', lines: [['J9271', 200, []]], mar: [['J9271', 200, 'mg', 0]] }) },
  ],
  invalid: [
    {
      name: 'from 2023-10-01: error, whole line at risk',
      encounters: keytruda('2023-10-01', []),
      expect: [{ line: '1', severityResolved: 'error', expected: 'J9271-JZ x 200', direction: 'denial', amountAtRisk: 12058.2 }],
    },
    {
      name: '2023-07-01..09-30: warning',
      encounters: keytruda('2023-07-01', []),
      expect: [{ severityResolved: 'warning' }],
    },
    {
      name: 'waste under one unit (0.4 mg) counts as none',
      encounters: keytruda('2025-10-06', ['TB'], 0.4),
      expect: [{ expected: 'J9271-JZ-TB x 200' }],
    },
    {
      name: 'commercial payer with jwjz: required',
      facility: aetnaRequired,
      encounters: keytruda('2025-10-06', [], 0, AETNA),
      expect: [{ severityResolved: 'error', amountAtRisk: 12058.2 }],
    },
    {
      name: 'commercial required: J2405 single-dose NDC (SI does not matter for a commercial payer)',
      facility: aetnaRequired,
      encounters: visit({ date: '2025-10-06', payer: AETNA, lines: [['J2405', 4, [], '00641-6080-25']], mar: [['J2405', 4, 'mg', 0]] }),
      expect: [{ expected: 'J2405-JZ x 4', amountAtRisk: 0.36 }],
    },
  ],
} satisfies CaseTable;
