/**
 * 340b-and-billing-model.md section 4 in acquisitions(): a dispense row backs a drug line by the
 * line's encounter_id, else (linked by patient) when its dispense_date is in [DOS - 1 day, DOS].
 * Both matching paths: by the line's NDC, and through the HCPCS when the line carries no NDC.
 */
import { describe, expect, it } from 'vitest';
import { acquisitions } from '../../src/checks/340b/acquisition.js';
import { builtinRules, claim, dispense, encounter } from './harness.js';
import { DRUGS } from './340b-fixtures.js';

const [code, units, ndc, dNdc] = DRUGS.keytruda;
const DOS = '2025-10-06';

describe('acquisitions: the dispense window', () => {
  const cases = [
    { name: 'DOS - 2', date: '2025-10-04', status: 'unknown' },
    { name: 'DOS - 1', date: '2025-10-05', status: '340b' },
    { name: 'DOS', date: '2025-10-06', status: '340b' },
    { name: 'DOS + 1', date: '2025-10-07', status: 'unknown' },
  ] as const;
  for (const lineNdc of [true, false]) {
    for (const c of cases) {
      it(`${c.name} (${c.date}), ${lineNdc ? 'by the line NDC' : 'through the HCPCS'}: ${c.status}`, async () => {
        const rules = await builtinRules();
        const enc = encounter({
          serviceDate: DOS,
          claims: [claim({ serviceDate: DOS, code, units, ...(lineNdc ? { ndc } : {}) })],
          dispense: [dispense({ dispenseDate: c.date, ndc: dNdc, inventory: '340b' })],
        });
        expect(acquisitions(enc, rules).map((a) => a.status)).toEqual([c.status]);
      });
    }
  }

  it('a multi-day encounter: a row linked by patient backs only the lines of its window; one with the encounter_id backs all', async () => {
    const rules = await builtinRules();
    const lines = [
      claim({ encounterId: 'E1', serviceDate: '2025-10-06', line: '1', code, units, ndc }),
      claim({ encounterId: 'E1', serviceDate: '2025-10-08', line: '2', code, units, ndc }),
    ];
    const byPatient = encounter({ encounterId: 'E1', claims: lines, dispense: [dispense({ dispenseDate: '2025-10-06', ndc: dNdc, inventory: '340b' })] });
    expect(acquisitions(byPatient, rules).map((a) => [a.line.line, a.status])).toEqual([
      ['1', '340b'],
      ['2', 'unknown'],
    ]);
    const byId = encounter({ encounterId: 'E1', claims: lines, dispense: [dispense({ encounterId: 'E1', dispenseDate: '2025-10-03', ndc: dNdc, inventory: 'wac' })] });
    expect(acquisitions(byId, rules).map((a) => [a.line.line, a.status])).toEqual([
      ['1', 'non-340b'],
      ['2', 'non-340b'],
    ]);
  });
});
