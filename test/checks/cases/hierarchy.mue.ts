import { adminMue } from '../../../src/checks/hierarchy/mue.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { adm, adminClaim, enc } from '../admin-fixtures.js';

// MUE values from the shipped pack (rules/cms/2026Q4/ncci-mue.csv, outpatient hospital):
// 96413 1 (MAI 3), 96368 1 (MAI 2), 96415 8 (MAI 3), 96375 6 (MAI 3).
const commercial = { payer: 'Aetna PPO' };

export default {
  check: adminMue,
  facility: typedFacility(),
  valid: [
    { name: '96415 x8 (= MUE)', encounters: enc([adminClaim('96413'), adminClaim('96415', 8)]) },
    { name: '96375 x6 on two lines (= MUE per date)', encounters: enc([adminClaim('96413'), adminClaim('96375', 3), adminClaim('96375', 3)]) },
    { name: 'a commercial payer: MUE not applied (policy mue: none)', encounters: enc([adminClaim('96413', 2, [], commercial)]) },
    { name: '96379 x2 (= MUE; a code absent from the file returns no limit: test/rules/import.test.ts)', encounters: enc([adminClaim('96379', 2)]) },
    { name: '96368 once on each of two dates', encounters: enc([adminClaim('96413'), adminClaim('96368'), adminClaim('96368', 1, [], { serviceDate: '2025-10-07' })]) },
  ],
  invalid: [
    {
      name: '96415 x9 on one line (MUE 8, MAI 3, not supported by a MAR)',
      encounters: enc([adminClaim('96413'), adminClaim('96415', 9)]),
      expect: [{ code: '96415', direction: 'denial', severityResolved: 'error', expected: '96415 at most x8 per date of service', amountAtRisk: 662.04 }],
    },
    {
      name: '96375 x7 over two lines of one date: one finding',
      encounters: enc([adminClaim('96413'), adminClaim('96375', 4), adminClaim('96375', 3)]),
      expect: [{ code: '96375', message: '96375 x7 on 2025-10-06 is above its MUE of 6 (MAI 3, NCCI MUE 2026Q4, the nearest release loaded); the lines deny.' }],
    },
    {
      name: '96368 x2 (MAI 2, per date, no appeal)',
      encounters: enc([adminClaim('96413'), adminClaim('96368', 2)]),
      expect: [{ code: '96368', severityResolved: 'error' }],
    },
    {
      name: 'MAI 3 excess the MAR supports: a warning (expect a denial, appeal with the records)',
      encounters: enc(
        [adminClaim('96413'), adminClaim('96375', 7)],
        [
          adm('oxaliplatin 150 mg', 'IV', '08:00', '08:50', 'chemo'),
          ...['ondansetron', 'dexamethasone', 'diphenhydramine', 'famotidine', 'granisetron', 'palonosetron', 'methylprednisolone'].map((d, i) =>
            adm(`${d}`, 'IV push', `09:${String(i * 5).padStart(2, '0')}`, undefined, 'therapeutic'),
          ),
        ],
      ),
      expect: [{ code: '96375', severityResolved: 'warning' }],
    },
  ],
} satisfies CaseTable;
