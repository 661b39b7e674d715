import { describe, expect, it } from 'vitest';
import { toMinutes } from '../../src/checks/admin/derive.js';

describe('toMinutes: local wall-clock minutes read digit by digit', () => {
  it('agrees with Date.parse on every day from 1999 to 2034 (leap years, month ends) at several times', () => {
    const start = Date.UTC(1999, 0, 1);
    for (let day = 0; day < 36 * 366; day++) {
      const d = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      for (const t of ['00:00:00', '09:07:00', '23:59:00']) {
        const iso = `${d}T${t}`;
        expect(toMinutes(iso), iso).toBe(Date.parse(iso + 'Z') / 60_000);
      }
    }
  });

  it('ignores seconds and reads times without them', () => {
    expect(toMinutes('2024-02-29T13:45:59')).toBe(toMinutes('2024-02-29T13:45'));
  });
});
