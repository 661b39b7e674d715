import { describe, expect, it } from 'vitest';
import { runCheck, type CaseTable } from './harness.js';
import type { Facility } from '../../src/rules/index.js';

const tables = import.meta.glob<{ default: CaseTable }>('./cases/*.ts', { eager: true });

for (const [file, mod] of Object.entries(tables)) {
  const t = mod.default;
  describe(`${t.check.id} (${file})`, () => {
    for (const c of t.valid) {
      it(`not flagged: ${c.name}`, async () => {
        const got = await runCheck(t.check, c.encounters, { ...(c.auths ? { auths: c.auths } : {}), ...(c.today ? { today: c.today } : {}), ...(c.facility ?? t.facility ? { facility: (c.facility ?? t.facility) as Facility } : {}) });
        expect(got.map((f) => f.message)).toEqual([]);
      });
    }
    for (const c of t.invalid) {
      it(`flagged: ${c.name}`, async () => {
        const got = await runCheck(t.check, c.encounters, { ...(c.auths ? { auths: c.auths } : {}), ...(c.today ? { today: c.today } : {}), ...(c.facility ?? t.facility ? { facility: (c.facility ?? t.facility) as Facility } : {}) });
        expect(got).toHaveLength(c.expect.length);
        c.expect.forEach((want, i) => expect(got[i]).toMatchObject(want));
        for (const f of got) {
          expect(f.message.length).toBeGreaterThan(10);
          expect(f.records.length).toBeGreaterThan(0);
        }
      });
    }
  });
}
