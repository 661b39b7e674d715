import { wasteJwUndocumented } from '../../../src/checks/waste/jw-undocumented.js';
import type { CaseTable } from '../harness.js';
import { AETNA, facility, visit } from '../waste-fixtures.js';

// Xgeva J0897 (1 mg, SI K, $29.38; catalog container unknown: a billed JW asserts single-dose), 120 mg.
const xgeva = (wasted: number | undefined, payer?: string, date = '2025-10-09') =>
  visit({ date, lines: [['J0897', 120, [], '55513-0730-01'], ['J0897', 12, ['JW'], '55513-0730-01']], mar: [['J0897', 120, 'mg', wasted]], ...(payer ? { payer } : {}) });

export default {
  check: wasteJwUndocumented,
  facility,
  valid: [
    { name: 'JW x 12 with 12 mg discarded on the MAR', encounters: xgeva(12) },
    { name: 'JW with waste documented 0 (waste.jw-units instead)', encounters: xgeva(0) },
    { name: 'no JW line', encounters: visit({ date: '2025-10-09', lines: [['J0897', 120, ['JZ']]], mar: [['J0897', 120, 'mg']] }) },
    { name: 'JW on a multi-dose NDC: waste.jw-not-allowed instead', encounters: visit({ date: '2025-12-02', lines: [['Q5116', 36, [], '00069-0305-01'], ['Q5116', 6, ['JW'], '00069-0305-01']], mar: [['Q5116', 360, 'mg']] }) },
  ],
  invalid: [
    {
      name: 'Medicare J0897-JW x 12, MAR waste blank (the samples plant)',
      encounters: xgeva(undefined),
      expect: [{ line: '2', severityResolved: 'warning', direction: 'over', amountAtRisk: 352.56 }],
    },
    {
      name: 'before 2017-01-01 too',
      encounters: xgeva(undefined, undefined, '2016-05-02'),
      expect: [{ line: '2' }],
    },
    {
      name: 'commercial not-required: JW above (no) documented waste',
      encounters: xgeva(undefined, AETNA),
      expect: [{ severityResolved: 'warning' }],
    },
  ],
} satisfies CaseTable;
