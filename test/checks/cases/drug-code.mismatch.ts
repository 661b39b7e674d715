import { drugCodeMismatch } from '../../../src/checks/drug-code/mismatch.js';
import { typedFacility, type CaseTable } from '../harness.js';
import { disp, dose, drugLine, visit } from '../units-fixtures.js';

// Remicade J1745 (10 mg, $31.090), Inflectra Q5103 (10 mg), bevacizumab J9035.
const D = '2025-11-10';

export default {
  check: drugCodeMismatch,
  facility: typedFacility(),
  valid: [
    { name: 'billed J1745, MAR Remicade', encounters: visit([drugLine('J1745', 50, D)], [dose('infliximab (Remicade)', 500, 'mg', D)]) },
    { name: 'MAR "infliximab" names J1745 and its biosimilars: Q5103 matches', encounters: visit([drugLine('Q5103', 50, D)], [dose('infliximab', 500, 'mg', D)]) },
    { name: 'a charted MAR code decides', encounters: visit([drugLine('Q5103', 50, D)], [dose('Inflectra', 500, 'mg', D, { code: 'Q5103' })]) },
    { name: 'billed drug with no MAR drug at all: charge capture, not a mismatch', encounters: visit([drugLine('J9035', 50, D)], [dose('mystery drug', 5, 'mg', D)]) },
    { name: 'an unbilled saline beside a billed drug is not a substitution', encounters: visit([drugLine('J9035', 50, D)], [dose('normal saline 0.9%', 250, 'mL', D)]) },
    {
      name: 'a white-bagged MAR drug is not billed on purpose: not a substitution',
      encounters: visit([drugLine('J2405', 8, D)], [dose('infliximab (Remicade)', 500, 'mg', D)], [disp('57894003001', 5, D, { billingModel: 'white_bag' })]),
    },
    { name: 'the MAR drug on another date', encounters: visit([drugLine('Q5103', 50, D)], [dose('Remicade', 500, 'mg', '2025-11-09')]) },
  ],
  invalid: [
    {
      name: 'Q5103 billed, Remicade given (biosimilar vs reference)',
      encounters: visit([drugLine('Q5103', 50, D)], [dose('infliximab (Remicade)', 500, 'mg', D)]),
      expect: [{ code: 'Q5103', expected: 'J1745 x50', amountAtRisk: 1554.5, direction: 'denial', severityResolved: 'error' }],
    },
    {
      name: 'J9035 billed, Remicade given and not billed',
      encounters: visit([drugLine('J9035', 50, D), drugLine('J1200', 1, D)], [dose('Remicade', 400, 'mg', D), dose('diphenhydramine', 25, 'mg', D)]),
      expect: [{ code: 'J9035', expected: 'J1745 x40' }],
    },
  ],
} satisfies CaseTable;
