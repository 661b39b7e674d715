import { describe, expect, it } from 'vitest';
import { Linker, addDays } from '../../src/link/linker.js';
import { auth, claim, dispense, mar } from '../checks/harness.js';

describe('Linker', () => {
  it('joins by encounter_id when both sides carry it', () => {
    const l = new Linker([]);
    l.addClaim(claim({ encounterId: 'E1', serviceDate: '2025-10-06' }));
    l.addOther(mar({ encounterId: 'E1', date: '2025-10-06' }), '2025-10-06');
    l.addOther(mar({ encounterId: 'E2', date: '2025-10-06' }), '2025-10-06');
    const encs = l.closeAll();
    expect(encs.map((e) => [e.key, e.claims.length, e.mar.length])).toEqual([
      ['E1', 1, 1],
      ['E2', 0, 1],
    ]);
  });

  it('joins by patient and date when a side has no encounter_id', () => {
    const l = new Linker([]);
    l.addClaim(claim({ serviceDate: '2025-10-06', patientId: 'P1' }));
    l.addOther(mar({ patientId: 'P1', date: '2025-10-06', encounterId: 'E77' }), '2025-10-06');
    l.addOther(dispense({ patientId: 'P1', dispenseDate: '2025-10-06' }), '2025-10-06');
    l.addOther(mar({ patientId: 'P2', date: '2025-10-06' }), '2025-10-06');
    const encs = l.closeAll();
    expect(encs.map((e) => [e.key, e.claims.length, e.mar.length, e.dispense.length])).toEqual([
      ['P1|2025-10-06', 1, 1, 1],
      ['P2|2025-10-06', 0, 1, 0],
    ]);
  });

  it('does not join rows whose encounter ids differ', () => {
    const l = new Linker([]);
    l.addClaim(claim({ encounterId: 'E1', patientId: 'P1', serviceDate: '2025-10-06' }));
    l.addOther(mar({ encounterId: 'E9', patientId: 'P1', date: '2025-10-06' }), '2025-10-06');
    expect(l.closeAll().map((e) => e.key)).toEqual(['E1', 'E9']);
  });

  it('keeps a multi-day encounter together and closes it only after the window', () => {
    const l = new Linker([], 3);
    l.addClaim(claim({ encounterId: 'OBS', serviceDate: '2025-10-01' }));
    l.addClaim(claim({ encounterId: 'OBS', serviceDate: '2025-10-03', line: '2' }));
    l.addClaim(claim({ encounterId: 'DAY', serviceDate: '2025-10-01', patientId: 'P2' }));
    // all streams have reached Oct 5: Oct 1 is complete but OBS ran to Oct 3, within the window
    expect(l.closeBefore('2025-10-05').map((e) => e.key)).toEqual(['DAY']);
    expect(l.openEncounters).toBe(1);
    const later = l.closeBefore('2025-10-07');
    expect(later.map((e) => [e.key, e.serviceDate, e.claims.length])).toEqual([['OBS', '2025-10-01', 2]]);
  });

  it('links pending MAR rows only once every claim line of their date is in', () => {
    const l = new Linker([]);
    l.addOther(mar({ patientId: 'P1', date: '2025-10-06' }), '2025-10-06');
    l.addClaim(claim({ patientId: 'P1', serviceDate: '2025-10-06' }));
    const encs = l.closeBefore('2025-10-20');
    expect(encs).toHaveLength(1);
    expect(encs[0]?.mar).toHaveLength(1);
  });

  it("hands each encounter the patient's authorizations in force on its date", () => {
    const a1 = auth({ authId: 'A1', startDate: '2025-09-01', endDate: '2025-10-05' });
    const a2 = auth({ authId: 'A2', startDate: '2025-10-06', endDate: '2025-12-31' });
    const a3 = auth({ authId: 'A3', patientId: 'P9' });
    const l = new Linker([a1, a2, a3]);
    l.addClaim(claim({ serviceDate: '2025-10-06' }));
    expect(l.closeAll()[0]?.auths.map((a) => a.authId)).toEqual(['A2']);
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
