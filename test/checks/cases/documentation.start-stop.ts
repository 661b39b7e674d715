import { startStop } from '../../../src/checks/documentation/start-stop.js';
import type { CaseTable } from '../harness.js';
import { adm, enc } from '../admin-fixtures.js';

export default {
  check: startStop,
  valid: [
    { name: 'an infusion with start and stop', encounters: enc([], [adm('vancomycin 1 g', 'IV', '09:00', '10:00', 'therapeutic')]) },
    { name: 'a charted push needs no stop', encounters: enc([], [adm('ondansetron 8 mg', 'IV push', '09:00', undefined, 'therapeutic')]) },
    { name: 'an IM injection needs no stop', encounters: enc([], [adm('ceftriaxone 1 g', 'IM', '09:00', undefined, 'therapeutic')]) },
    { name: 'a zero-minute IV (start = stop) is a push, not reversed', encounters: enc([], [adm('famotidine 20 mg', 'IV', '09:00', '09:00', 'therapeutic')]) },
  ],
  invalid: [
    {
      name: 'an IV infusion without a stop time',
      encounters: enc([], [adm('vancomycin 1 g', 'IV', '09:00', undefined, 'therapeutic')]),
      expect: [{ severityResolved: 'error', expected: 'a charted stop time', message: 'vancomycin 1 g: no stop time, so the infusion supports no time-based units (at most a push).' }],
    },
    {
      name: 'a stop one minute before the start',
      encounters: enc([], [adm('vancomycin 1 g', 'IV', '10:00', '09:59', 'therapeutic')]),
      expect: [{ expected: 'a stop time after the start time' }],
    },
    {
      name: 'a stop that does not parse',
      encounters: enc([], [adm('vancomycin 1 g', 'IV', '09:00', undefined, 'therapeutic', { stopText: '25:99' })]),
      expect: [{ message: 'vancomycin 1 g: the stop time does not parse, so the infusion supports no time-based units.' }],
    },
    {
      name: 'no readable start',
      encounters: enc([], [adm('vancomycin 1 g', 'IV', '09:00', '10:00', 'therapeutic', { start: undefined, startText: 'yesterday' })]),
      expect: [{ expected: 'a charted start time' }],
    },
  ],
} satisfies CaseTable;
