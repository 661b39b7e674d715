import { describe, expect, it } from 'vitest';
import { codesFor, initialIndex, rank, type AdminCategory, type AdminMethod } from '../../src/checks/admin/hierarchy.js';
import type { AdminHierarchyData } from '../../src/rules/schemas.js';
import { builtinRules } from './harness.js';

async function hierarchy(): Promise<AdminHierarchyData> {
  const t = (await builtinRules()).get<AdminHierarchyData>('admin-hierarchy', '2025-10-06');
  if (!t) throw new Error('admin-hierarchy table missing');
  return t.data;
}

const svc = (category: AdminCategory, method: AdminMethod) => ({ category, method });

describe('facility hierarchy (rules/admin/admin-hierarchy.yaml)', () => {
  it('ranks category first, then method', async () => {
    const h = await hierarchy();
    const order = [
      svc('chemo', 'infusion'),
      svc('chemo', 'push'),
      svc('therapeutic', 'infusion'),
      svc('therapeutic', 'push'),
      svc('hydration', 'infusion'),
    ].map((s) => rank(s.category, s.method, h));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it.each([
    ['a chemo infusion after an antiemetic push is still initial', [svc('therapeutic', 'push'), svc('chemo', 'infusion')], 1],
    ['a therapeutic push outranks a hydration infusion', [svc('hydration', 'infusion'), svc('therapeutic', 'push')], 1],
    ['a chemo push outranks a therapeutic infusion', [svc('therapeutic', 'infusion'), svc('chemo', 'push')], 1],
    ['of two equal services the first is initial', [svc('therapeutic', 'infusion'), svc('therapeutic', 'infusion')], 0],
    ['no services, no initial', [], -1],
  ] as const)('%s', async (_name, services, want) => {
    expect(initialIndex(services, await hierarchy())).toBe(want);
  });

  it('gives each IV service type its codes by role', async () => {
    const h = await hierarchy();
    expect(codesFor('chemo', 'infusion', h)).toMatchObject({ initial: '96413', sequential: '96417', addOnHour: '96415' });
    expect(codesFor('chemo', 'push', h)).toMatchObject({ initial: '96409', sequential: '96411' });
    expect(codesFor('therapeutic', 'infusion', h)).toMatchObject({ initial: '96365', sequential: '96367', addOnHour: '96366', concurrent: '96368' });
    expect(codesFor('therapeutic', 'push', h)).toMatchObject({ initial: '96374', sequential: '96375', repeatSameDrug: '96376' });
    expect(codesFor('hydration', 'infusion', h)).toMatchObject({ initial: '96360', sequential: '96361', addOnHour: '96361' });
    expect(codesFor('therapeutic', 'injection', h)).toBeUndefined();
  });

  it('every code it names is in the admin-codes table, add-ons flagged as add-ons', async () => {
    const rules = await builtinRules();
    const h = await hierarchy();
    const codes = rules.get<{ codes: { code: string; addOn: boolean }[] }>('admin-codes', '2025-10-06')?.data.codes ?? [];
    const addOn = new Map(codes.map((c) => [c.code, c.addOn] as const));
    for (const s of h.services) {
      expect(addOn.get(s.initial), s.initial).toBe(false);
      for (const c of [s.sequential, s.addOnHour, s.concurrent, s.repeatSameDrug]) if (c !== undefined) expect(addOn.get(c), c).toBe(true);
    }
  });
});
