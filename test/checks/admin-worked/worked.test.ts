import { describe, expect, it } from 'vitest';
import { builtinRules } from '../harness.js';
import { WORKED } from './cases.js';
import { codeSet, deriveWorked } from './run.js';

describe('worked administration encounters (test/checks/admin-worked/cases.ts, an independent reading of administration-coding.md)', () => {
  it.each(WORKED.map((w) => [w.name, w] as const))('%s', async (_name, w) => {
    const d = deriveWorked(await builtinRules(), w.admins, w.setting ?? 'hopd');
    const want = [...w.expected].map((l) => (l.modifiers?.length ? l : { code: l.code, units: l.units })).sort((a, b) => a.code.localeCompare(b.code) || (a.modifiers?.join() ?? '').localeCompare(b.modifiers?.join() ?? ''));
    expect(codeSet(d), `${w.reasoning}\nengine: ${d.lines.map((l) => l.reason).join(' | ')} | not coded: ${d.notCoded.map((n) => n.reason).join(' | ')}`).toEqual(want);
  });
});
