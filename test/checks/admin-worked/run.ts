/**
 * Runs worked administration encounters (compact MAR rows with the exact expected facility codes)
 * through the real path: MAR rows -> admin-terms -> the coding engine with the built-in rules.
 */
import type { MarRow } from '../../../src/model.js';
import type { WorkedAdmin, WorkedLine } from './cases.js';
import { addOnPrimariesOf, toAdminInput } from '../../../src/checks/admin/mar-input.js';
import { drugClassifier } from '../../../src/checks/admin/classify.js';
import { deriveAdminCodes, summariseLines, type Derivation } from '../../../src/checks/admin/derive.js';
import type { RuleSet } from '../../../src/rules/index.js';
import type { AdminHierarchyData, AdminTermsData, AdminTimingData } from '../../../src/rules/schemas.js';

/** a worked administration (cases.ts), with a charted drug code allowed for ad-hoc tests */
export type Admin = Omit<WorkedAdmin, 'route'> & { route: string; code?: string };
export type Line = WorkedLine;

const iso = (s: string) => (s.length === 16 ? s.replace(' ', 'T') + ':00' : s.replace(' ', 'T'));

export function marRows(admins: readonly Admin[]): MarRow[] {
  return admins.map((a, i) => {
    const row: MarRow = {
      row: i + 2,
      input: 1,
      patientId: 'P0001',
      drug: a.note && /kvo|carrier|pump/i.test(a.note) && !/kvo|carrier|pump/i.test(a.drug) ? `${a.drug} (${(/kvo|carrier|pump/i.exec(a.note) as RegExpExecArray)[0]})` : a.drug,
      route: a.route,
      start: iso(a.start),
      startText: a.start,
      stopText: a.stop ?? '',
      date: a.start.slice(0, 10),
    };
    if (a.stop !== undefined) row.stop = iso(a.stop);
    if (a.purpose) row.purpose = a.purpose;
    if (a.accessSite) row.accessSite = a.accessSite;
    if (a.administrationId) row.administrationId = a.administrationId;
    if (a.code) row.code = a.code;
    return row;
  });
}

export function deriveWorked(
  rules: RuleSet,
  admins: readonly Admin[],
  setting: 'hopd' | 'office' = 'hopd',
  policy: { hydrationPieces?: 'add' | 'separate'; separateSiteModifier?: string } = {},
): Derivation {
  const date = admins[0]?.start.slice(0, 10) ?? '2025-10-06';
  const table = <T>(id: string): T => {
    const t = rules.get<T>(id, date);
    if (!t) throw new Error(`rule table ${id} missing`);
    return t.data;
  };
  const terms = table<AdminTermsData>('admin-terms');
  const primaries = addOnPrimariesOf(rules, date);
  // MAR rows have no hold column (a hold is charted as a stop and a restart); worked cases may give one
  const inputs = marRows(admins).map((row, i) => {
    const a = toAdminInput(row, i, terms, drugClassifier(rules));
    const hold = admins[i]?.holdMinutes;
    if (hold) a.holdMinutes = hold;
    return a;
  });
  return deriveAdminCodes(inputs, {
    timing: table<AdminTimingData>('admin-timing'),
    hierarchy: table<AdminHierarchyData>('admin-hierarchy'),
    setting,
    hydrationPieces: policy.hydrationPieces ?? 'add',
    separateSiteModifier: policy.separateSiteModifier ?? 'XU',
    ...(primaries ? { addOnPrimaries: primaries } : {}),
  });
}

export function codeSet(d: Derivation): Line[] {
  return summariseLines(d.lines).map((l) => (l.modifiers.length ? { code: l.code, units: l.units, modifiers: l.modifiers } : { code: l.code, units: l.units }));
}
