/**
 * Lookups shared by the `drug-code` checks: the deleted-code table, the drug codes a MAR row names
 * (catalog name or charted code, else its NDC via the crosswalk) and the units a MAR dose makes in a code.
 */
import type { MarRow } from '../../model.js';
import type { RuleSet } from '../../rules/index.js';
import type { DrugCodeChange, DrugCodeChangesData } from '../../rules/drug-code-schemas.js';
import { marCodes, unitRange } from '../drug/lines.js';
import { drugUnit, ndcCodes, parseDosage } from '../drug/units-helpers.js';

const changeIndex = new WeakMap<object, Map<string, DrugCodeChange>>();

/** The deleted-code row of `code` in the table in force on `date`, if any (whether or not it applies yet). */
export function codeChange(rules: RuleSet, code: string, date: string): DrugCodeChange | undefined {
  const t = rules.get<DrugCodeChangesData>('drug-code-changes', date);
  if (!t) return undefined;
  let m = changeIndex.get(t.data);
  if (!m) {
    m = new Map(t.data.map((r) => [r.code, r] as const));
    changeIndex.set(t.data, m);
  }
  return m.get(code.trim().toUpperCase());
}

/** The row when `code` is no longer valid on `date`: after its verified lastValidDate, else from provenInvalidFrom. */
export function deletedOn(rules: RuleSet, code: string, date: string): DrugCodeChange | undefined {
  const r = codeChange(rules, code, date);
  if (!r) return undefined;
  if (r.lastValidDate !== undefined) return date > r.lastValidDate ? r : undefined;
  return r.provenInvalidFrom !== undefined && date >= r.provenInvalidFrom ? r : undefined;
}

/** The drug codes a MAR row names: catalog/charted code, else its NDC through the crosswalk of its date. */
export function marDrugCodes(rules: RuleSet, row: MarRow, date: string): string[] {
  const c = marCodes(rules, row);
  if (c.length) return c;
  return ndcCodes(rules, row.ndc, row.date ?? date);
}

/** MAR rows of an encounter on a date (rows without a date count for every date). */
export function marOn(mar: readonly MarRow[], date: string): MarRow[] {
  return mar.filter((r) => r.date === undefined || r.date === date);
}

/** Units of `code` the MAR doses make (sum of each dose rounded up); undefined when not computable. */
export function marUnitsIn(rules: RuleSet, rows: readonly MarRow[], code: string, date: string, fallbackUnit?: string): number | undefined {
  const u = drugUnit(rules, code, date) ?? (fallbackUnit !== undefined ? parseDosage(fallbackUnit) : undefined);
  if (!u || rows.length === 0) return undefined;
  return unitRange(rows, u)?.max;
}
