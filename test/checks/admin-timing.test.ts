import { describe, expect, it } from 'vitest';
import {
  addOnHours,
  hydrationReportable,
  ivMethod,
  minutesBetween,
  repeatPushAllowed,
  secondaryHydrationUnits,
} from '../../src/checks/admin/timing.js';
import type { AdminTimingData } from '../../src/rules/schemas.js';
import { builtinRules } from './harness.js';

async function timing(date = '2025-10-06'): Promise<AdminTimingData> {
  const t = (await builtinRules()).get<AdminTimingData>('admin-timing', date);
  if (!t) throw new Error('admin-timing table missing');
  return t.data;
}

describe('administration timing (both sides of every threshold, from rules/admin/admin-timing.yaml)', () => {
  it.each([
    [1, 'push'],
    [15, 'push'],
    [16, 'infusion'],
    [45, 'infusion'],
  ] as const)('an IV administration of %i minutes is a %s', async (min, want) => {
    expect(ivMethod(min, await timing())).toBe(want);
  });

  it.each([
    [16, 0],
    [60, 0],
    [90, 0],
    [91, 1],
    [150, 1],
    [151, 2],
    [210, 2],
    [211, 3],
    [250, 3], // rituximab 09:00-13:10: 96413 + 96415 x3
  ])('an infusion of %i minutes supports %i add-on hours', async (min, want) => {
    expect(addOnHours(min, await timing())).toBe(want);
  });

  it.each([
    [30, false, 0],
    [31, true, 1],
    [90, true, 1],
    [91, true, 2],
    [150, true, 2],
    [151, true, 3],
  ])('hydration of %i minutes: reportable %s, secondary units %i', async (min, reportable, units) => {
    const t = await timing();
    expect(hydrationReportable(min, t)).toBe(reportable);
    expect(secondaryHydrationUnits(min, t)).toBe(units);
  });

  it.each([
    [30, false],
    [31, true],
  ])('a repeat push of the same drug %i minutes after the previous start: 96376 allowed %s', async (min, want) => {
    expect(repeatPushAllowed(min, await timing())).toBe(want);
  });

  it('counts whole minutes between local times, across midnight, negative when reversed', () => {
    expect(minutesBetween('2025-10-06T09:00:00', '2025-10-06T13:10:00')).toBe(250);
    expect(minutesBetween('2025-10-06T23:30:00', '2025-10-07T00:45:00')).toBe(75);
    expect(minutesBetween('2025-10-06T10:00:00', '2025-10-06T09:00:00')).toBe(-60);
  });
});
