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

/**
 * 340b-and-billing-model.md section 4: a dispense row without a shared encounter_id links to the
 * drug line of its patient with dispense_date in [DOS - 1 day, DOS].
 */
describe('Linker: the dispense window [DOS - 1 day, DOS]', () => {
  const DOS = '2025-10-06';
  const cases = [
    { name: 'DOS - 2: not linked', date: '2025-10-04', linked: false },
    { name: 'DOS - 1: linked', date: '2025-10-05', linked: true },
    { name: 'DOS: linked', date: '2025-10-06', linked: true },
    { name: 'DOS + 1: not linked', date: '2025-10-07', linked: false },
  ];
  for (const c of cases) {
    it(`${c.name} (all rows in memory)`, () => {
      const l = new Linker([]);
      l.addClaim(claim({ patientId: 'P1', serviceDate: DOS }));
      l.addOther(dispense({ patientId: 'P1', dispenseDate: c.date }), c.date);
      const encs = l.closeAll();
      const claimEnc = encs.find((e) => e.claims.length > 0);
      expect(claimEnc?.serviceDate).toBe(DOS);
      expect(claimEnc?.dispense.length).toBe(c.linked ? 1 : 0);
      expect(encs).toHaveLength(c.linked ? 1 : 2);
    });

    it(`${c.name} (streaming in date order)`, () => {
      const l = new Linker([]);
      const out: ReturnType<Linker['closeAll']> = [];
      // the pipeline: rows in date order, closeBefore(watermark) whenever every stream has passed a date
      const rows = [
        { date: DOS, add: () => l.addClaim(claim({ patientId: 'P1', serviceDate: DOS })) },
        { date: c.date, add: () => l.addOther(dispense({ patientId: 'P1', dispenseDate: c.date }), c.date) },
      ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const r of rows) {
        out.push(...l.closeBefore(r.date));
        r.add();
      }
      out.push(...l.closeBefore('2025-10-30'));
      expect(l.openEncounters).toBe(0);
      expect(l.heldRows).toBe(0);
      const claimEnc = out.find((e) => e.claims.length > 0);
      expect(claimEnc?.serviceDate).toBe(DOS);
      expect(claimEnc?.dispense.length).toBe(c.linked ? 1 : 0);
      expect(out).toHaveLength(c.linked ? 1 : 2);
    });
  }

  it('a dispense with a claim group on its own date stays there, not on the next day', () => {
    const l = new Linker([]);
    l.addClaim(claim({ patientId: 'P1', serviceDate: '2025-10-05', claimId: 'A' }));
    l.addClaim(claim({ patientId: 'P1', serviceDate: '2025-10-06', claimId: 'B' }));
    l.addOther(dispense({ patientId: 'P1', dispenseDate: '2025-10-05' }), '2025-10-05');
    const encs = l.closeAll();
    expect(encs.map((e) => [e.serviceDate, e.dispense.length])).toEqual([
      ['2025-10-05', 1],
      ['2025-10-06', 0],
    ]);
  });

  it('waits for the next day: a streaming close before the claims of DOS are read does not orphan the row', () => {
    const l = new Linker([]);
    l.addOther(dispense({ patientId: 'P1', dispenseDate: '2025-10-05' }), '2025-10-05');
    // every stream has passed Oct 5, not Oct 6: the row must wait
    expect(l.closeBefore('2025-10-06')).toEqual([]);
    l.addClaim(claim({ patientId: 'P1', serviceDate: '2025-10-06' }));
    const encs = l.closeBefore('2025-10-20');
    expect(encs.map((e) => [e.key, e.dispense.length])).toEqual([['P1|2025-10-06', 1]]);
  });

  it('another patient on DOS does not take the row', () => {
    const l = new Linker([]);
    l.addClaim(claim({ patientId: 'P2', serviceDate: '2025-10-06' }));
    l.addOther(dispense({ patientId: 'P1', dispenseDate: '2025-10-05' }), '2025-10-05');
    expect(l.closeAll().map((e) => [e.key, e.claims.length, e.dispense.length])).toEqual([
      ['P2|2025-10-06', 1, 0],
      ['P1|2025-10-05', 0, 1],
    ]);
  });
});
