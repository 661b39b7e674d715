import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, CHECKS, READER_CHECKS } from '../../src/checks/registry.js';
import { CATEGORIES, INPUT_KINDS, SEVERITIES } from '../../src/model.js';
import type { CaseTable } from './harness.js';

const tables = import.meta.glob<{ default: CaseTable }>('./cases/*.ts', { eager: true });
const tableIds = new Map(Object.values(tables).map((m) => [m.default.check.id, m.default] as const));

/** Reader checks are raised from input files: their cases live in the golden scenarios. */
const readerCaseFile = import.meta.glob('../cli/scenarios/*/command.json', { eager: true, import: 'default' });

describe('check registry', () => {
  it('ids are unique and shaped category.name', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CHECKS) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.id.split('.')[0] === c.category || c.category === 'input').toBe(true);
    }
  });

  for (const c of ALL_CHECKS) {
    it(`${c.id} has a known category, severity, inputs and full docs with a source`, () => {
      expect(CATEGORIES).toContain(c.category);
      expect(SEVERITIES).toContain(c.severity);
      for (const k of c.needs) expect(INPUT_KINDS).toContain(k);
      for (const key of ['summary', 'why', 'source', 'fix'] as const) {
        expect(c.docs[key].trim().length, `${c.id} docs.${key}`).toBeGreaterThan(20);
      }
      expect(c.docs.source).toMatch(/domain\/|SPEC|IOM|CMS|NCCI|manual|Federal Register|X12|https?:/i);
    });
  }

  for (const c of CHECKS) {
    it(`${c.id} has a table of valid and invalid cases`, () => {
      const t = tableIds.get(c.id);
      expect(t, `test/checks/cases/${c.id}.ts is missing`).toBeDefined();
      expect(t?.valid.length ?? 0).toBeGreaterThan(0);
      expect(t?.invalid.length ?? 0).toBeGreaterThan(0);
    });
  }

  it('every reader check is exercised by a golden scenario', () => {
    const expected = new Set<string>();
    for (const cmd of Object.values(readerCaseFile) as { ruleIds?: string[] }[]) for (const id of cmd.ruleIds ?? []) expected.add(id);
    for (const c of READER_CHECKS) expect(expected, `no golden scenario lists ${c.id}`).toContain(c.id);
  });
});
