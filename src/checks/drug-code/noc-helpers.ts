/** What the NOC checks share: the NOC lines of an encounter and the specific code their NDC names. */
import type { ClaimLine, MarRow } from '../../model.js';
import type { RuleSet } from '../../rules/index.js';
import { crosswalkFor } from '../../rules/cms.js';
import type { NocCodesData } from '../../rules/schemas.js';
import type { Encounter } from '../types.js';
import { lastEncounter } from '../memo.js';
import { drugView, ndc11, showNdc } from '../drug/units-helpers.js';
import { marDrugCodes, marOn, marUnitsIn } from './code-helpers.js';

/** The scope of a NOC code in the noc-codes table (`medicare-opps-asc` = C9399). */
export function nocScope(rules: RuleSet, code: string, date: string): 'all' | 'medicare-opps-asc' | undefined {
  return rules.get<NocCodesData>('noc-codes', date)?.data.codes.find((c) => c.code === code)?.scope;
}

export interface NocLine {
  line: ClaimLine;
  code: string;
  date: string;
  /** the line's own NDC, 11 digits */
  lineNdc?: string;
  /** an NDC for the drug: the line's, else a MAR/dispense NDC the line stands for */
  ndc?: string;
  ndcFrom?: 'line' | 'mar' | 'dispense';
  /** specific HCPCS codes the NDC maps to on the date */
  codes: string[];
  mar: MarRow[];
}

const cache = lastEncounter<NocLine[]>();

/**
 * The encounter's NOC/C9399 administered lines (JW lines are the waste checks'), each with the NDC
 * that identifies the drug: the line's; else a MAR row charting the NOC code; else, when the date
 * has one NOC line, a MAR or dispense NDC that maps to a code billed on no line of that date.
 */
export function nocLines(enc: Encounter, rules: RuleSet): NocLine[] {
  return cache(enc, rules, () => build(enc, rules));
}

function build(enc: Encounter, rules: RuleSet): NocLine[] {
  const view = drugView(enc, rules);
  const out: NocLine[] = [];
  for (const g of view.groups) {
    if (!g.noc) continue;
    const billed = view.billedByDate.get(g.date) ?? new Set<string>();
    const nocOnDate = view.groups.filter((x) => x.noc && x.date === g.date).reduce((n, x) => n + x.given.length, 0);
    const marDay = marOn(enc.mar, g.date);
    for (const line of g.given) {
      const n: NocLine = { line, code: g.code, date: g.date, codes: [], mar: [] };
      const own = ndc11(line.ndc);
      if (own) {
        n.lineNdc = own;
        n.ndc = own;
        n.ndcFrom = 'line';
      } else {
        const charted = marDay.find((r) => r.code?.toUpperCase() === g.code && ndc11(r.ndc));
        if (charted) {
          n.ndc = ndc11(charted.ndc) as string;
          n.ndcFrom = 'mar';
        } else if (nocOnDate === 1) {
          const unclaimed = (t: string | undefined, d: string) => {
            const x = ndc11(t);
            if (!x) return undefined;
            const codes = crosswalkFor(rules, x, d).map((e) => e.hcpcs);
            return codes.length && !codes.some((c) => billed.has(c)) ? x : undefined;
          };
          const m = marDay.map((r) => unclaimed(r.ndc, g.date)).find((x) => x !== undefined);
          const d = m ? undefined : enc.dispense.map((r) => unclaimed(r.ndc, r.dispenseDate)).find((x) => x !== undefined);
          if (m) {
            n.ndc = m;
            n.ndcFrom = 'mar';
          } else if (d) {
            n.ndc = d;
            n.ndcFrom = 'dispense';
          }
        }
      }
      if (n.ndc) {
        n.codes = [...new Set(crosswalkFor(rules, n.ndc, g.date).map((e) => e.hcpcs))];
        n.mar = marDay.filter((r) => ndc11(r.ndc) === n.ndc || (r.code?.toUpperCase() === g.code));
      } else n.mar = marDay.filter((r) => r.code?.toUpperCase() === g.code);
      out.push(n);
    }
  }
  return out;
}

/** Units of `code` for a NOC line: the MAR dose, else the dispensed items x BILLUNITS of the NDC, else the billed units. */
export function unitsFor(n: NocLine, code: string, enc: Encounter, rules: RuleSet): number {
  const rows = [...new Set([...n.mar, ...marOn(enc.mar, n.date).filter((r) => marDrugCodes(rules, r, n.date).includes(code))])];
  const fromMar = marUnitsIn(rules, rows, code, n.date);
  if (fromMar !== undefined) return fromMar;
  if (n.ndc) {
    const e = crosswalkFor(rules, n.ndc, n.date).find((x) => x.hcpcs === code);
    const items = enc.dispense.filter((d) => ndc11(d.ndc) === n.ndc).reduce((s, d) => s + d.quantity, 0);
    if (e?.billUnits && items > 0) return Math.ceil(items * e.billUnits - 1e-9);
  }
  return n.line.units;
}

export { showNdc };
