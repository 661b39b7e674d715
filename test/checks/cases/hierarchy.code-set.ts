import { codeSet } from '../../../src/checks/hierarchy/code-set.js';
import type { CaseTable } from '../harness.js';
import { adm, adminClaim, drugClaim, enc, ondansetronPush, pembro30, ritux250 } from '../admin-fixtures.js';

export default {
  check: codeSet,
  valid: [
    { name: 'chemo infusion after an antiemetic push billed 96413 + 96375', encounters: enc([adminClaim('96413'), adminClaim('96375'), drugClaim()], [ondansetronPush(), pembro30()]) },
    { name: 'rituximab 250 min billed 96413 + 96415 x3', encounters: enc([adminClaim('96413'), adminClaim('96415', 3)], [ritux250()]) },
    { name: 'add-on hours off by one are left to documentation.time-units', encounters: enc([adminClaim('96413'), adminClaim('96415', 4)], [ritux250()]) },
    { name: 'no MAR: nothing to compare', encounters: enc([adminClaim('96365')]) },
    {
      name: 'a drug class the engine cannot tell (no purpose, no catalog match) is not compared',
      encounters: enc([adminClaim('96365')], [adm('investigational drug XYZ', 'IV', '09:00', '10:00', undefined)]),
    },
    { name: 'nothing billed at all is left to documentation.uncovered-administration', encounters: enc([drugClaim()], [pembro30()]) },
    {
      name: 'IV of 15 minutes billed as the push it is (96374)',
      encounters: enc([adminClaim('96374')], [adm('famotidine 20 mg', 'IV', '09:00', '09:15', 'therapeutic')]),
    },
    {
      name: 'leucovorin concurrent with oxaliplatin billed 96368',
      encounters: enc(
        [adminClaim('96413'), adminClaim('96415'), adminClaim('96368')],
        [adm('oxaliplatin 150 mg', 'IV', '09:00', '11:00', 'chemo'), adm('leucovorin 700 mg', 'IV', '09:00', '11:00', 'therapeutic')],
      ),
    },
  ],
  invalid: [
    {
      name: 'therapeutic initial billed where chemo is initial by hierarchy',
      encounters: enc([adminClaim('96365'), adminClaim('96375'), drugClaim()], [ondansetronPush(), pembro30()]),
      expect: [
        { code: '96365', direction: 'over', severityResolved: 'error', amountAtRisk: 217.31, message: '96365 is billed (x1) but the MAR supports no 96365; it supports 96375 + 96413.' },
        { code: '96413', direction: 'under', severityResolved: 'warning', amountAtRisk: 337.46, expected: '96413 x1 (the MAR supports 96375 + 96413)' },
      ],
    },
    {
      name: 'IV of 16 minutes billed as a push: it is an infusion',
      encounters: enc([adminClaim('96374')], [adm('famotidine 20 mg', 'IV', '09:00', '09:16', 'therapeutic')]),
      expect: [{ code: '96365', direction: 'under' }, { code: '96374', direction: 'over' }],
    },
    {
      name: 'push billed as a sequential infusion (10-minute IV)',
      encounters: enc(
        [adminClaim('96413'), adminClaim('96367')],
        [pembro30(), adm('dexamethasone 12 mg', 'IV', '09:40', '09:50', 'therapeutic')],
      ),
      expect: [{ code: '96367', direction: 'over' }, { code: '96375', direction: 'under' }],
    },
    {
      name: 'repeat push 40 minutes later not billed (96376 missed)',
      encounters: enc([adminClaim('96374')], [ondansetronPush('09:00'), ondansetronPush('09:40')]),
      expect: [{ code: '96376', direction: 'under', message: '96376 is supported by the MAR but not billed: ondansetron 8 mg 09:40 (40 min after the previous push of it started): 96376.' }],
    },
    {
      name: 'repeat push exactly 30 minutes later billed as 96376',
      encounters: enc([adminClaim('96374'), adminClaim('96376')], [ondansetronPush('09:00'), ondansetronPush('09:30')]),
      expect: [{ code: '96376', direction: 'over', expected: 'no 96376 (the MAR supports 96374)' }],
    },
    {
      name: 'concurrent hydration billed as 96361',
      encounters: enc(
        [adminClaim('96413'), adminClaim('96415'), adminClaim('96361')],
        [adm('oxaliplatin 150 mg', 'IV', '09:00', '11:00', 'chemo'), adm('NS 1000 mL', 'IV', '09:00', '11:00', 'hydration')],
      ),
      expect: [{ code: '96361', direction: 'over' }],
    },
    {
      name: 'hydration of 30 minutes billed as 96360',
      encounters: enc([adminClaim('96360')], [adm('NS 1000 mL', 'IV', '09:00', '09:30', 'hydration')]),
      expect: [{ code: '96360', direction: 'over', expected: 'no 96360 (the MAR supports no administration code)' }],
    },
  ],
} satisfies CaseTable;
