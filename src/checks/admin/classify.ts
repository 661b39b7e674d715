/**
 * The drug classifier of the administration engine: a MAR row's drug, through the drug catalog in
 * force on its date, gives the identity used by same-drug rules (the generic name, so a reference
 * product and its biosimilar are one drug), the administration class and the hormonal flag (96402).
 * Unknown text gives nothing: the engine then says the encounter is incomplete, never guesses.
 */
import type { RuleSet } from '../../rules/index.js';
import { catalogFor, matchClass } from '../drug/catalog.js';
import type { DrugClassifier } from './mar-input.js';

const byRules = new WeakMap<RuleSet, DrugClassifier>();

export function drugClassifier(rules: RuleSet): DrugClassifier {
  let c = byRules.get(rules);
  if (c) return c;
  c = (row) => {
    if (row.date === undefined) return undefined;
    const catalog = catalogFor(rules, row.date);
    if (!catalog) return undefined;
    const m = catalog.resolve(row.drug, { code: row.code });
    if (m.match === 'one') return { key: m.drug.generic, category: m.drug.adminClass, hormonal: m.drug.hormonal };
    if (m.match === 'several') {
      const generics = new Set(m.drugs.map((d) => d.generic));
      const category = matchClass(m);
      const facts: { key?: string; category?: typeof category; hormonal?: boolean } = {};
      if (generics.size === 1) facts.key = m.drugs[0]?.generic as string;
      if (category !== undefined) facts.category = category;
      if (m.drugs.every((d) => d.hormonal)) facts.hormonal = true;
      return facts.category === undefined ? undefined : (facts as ReturnType<DrugClassifier>);
    }
    return undefined;
  };
  byRules.set(rules, c);
  return c;
}
