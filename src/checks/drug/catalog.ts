/**
 * Which catalog drug a MAR or dispense drug text names (rule table `drug-catalog`).
 *
 * The text is split into words (drug-schemas.ts `nameTokens`) and every catalog name (generic,
 * brand, alias) is looked up as a word sequence, longest first, so doses, strengths, volumes, salts
 * ("HCl", "sodium phosphate") and route words are simply not names. Then:
 * - a diluent is not the drug: names after a free-standing "in" ("Keytruda 200 mg in NS 100 mL")
 *   are dropped, and a hydration fluid named beside another drug is its carrier and is dropped;
 * - a name hyphen-joined to a word it does not include names another product ("infliximab-abda",
 *   "ado-trastuzumab"): the text resolves to none, never to the reference product;
 * - a row's `excludes` phrase anywhere in the text (Faspro, Hylecta, liposomal) removes that row;
 * - a fluid with a `strength` is dropped when the text names another percentage or a fraction
 *   ("0.45% NaCl", "1/2 NS");
 * - several names of one drug narrow each other ("infliximab (Remicade)" = J1745); names of
 *   different drugs with nothing in common give all of them as `several`.
 * A charted HCPCS code that is in the catalog wins over the name. Unknown text is `none`: nothing is
 * ever matched by similarity, so a typo never resolves.
 */
import type { RuleSet } from '../../rules/index.js';
import { drugNames, nameKey, nameTokens, type CatalogDrug, type DrugCatalogData, type NameToken } from '../../rules/drug-schemas.js';

export type { CatalogDrug } from '../../rules/drug-schemas.js';

export type DrugMatch =
  | { match: 'one'; drug: CatalogDrug }
  | { match: 'several'; drugs: CatalogDrug[] }
  | { match: 'none'; reason: NoneReason };

/**
 * Why a text resolved to nothing: `empty` (no words), `unknown` (no catalog name in it),
 * `other-product` (a catalog name that is part of another product's name: a biosimilar suffix or
 * prefix not in the catalog, an excluded phrase, another strength).
 */
export type NoneReason = 'empty' | 'unknown' | 'other-product';

export interface ResolveOptions {
  /** the row's charted drug HCPCS (MAR `code`); used when it is a catalog code */
  code?: string | undefined;
}

/** Distinct texts remembered per catalog; beyond this, texts are still resolved, just not remembered. */
const MEMO_LIMIT = 200_000;

interface Match {
  start: number;
  end: number;
  rows: number[];
}

/** An index over one catalog table version: names, codes and a memo of resolved texts. */
export class DrugCatalog {
  readonly drugs: readonly CatalogDrug[];
  private readonly byCode = new Map<string, CatalogDrug>();
  private readonly byName = new Map<string, number[]>();
  private readonly excludes: { rows: number; key: string[] }[] = [];
  private readonly maxWords: number;
  private readonly memo = new Map<string, DrugMatch>();

  constructor(drugs: readonly CatalogDrug[]) {
    this.drugs = drugs;
    let maxWords = 1;
    drugs.forEach((d, i) => {
      if (!this.byCode.has(d.hcpcs)) this.byCode.set(d.hcpcs, d);
      for (const name of drugNames(d)) {
        const key = nameKey(name);
        if (key === '') continue;
        const l = this.byName.get(key);
        if (!l) this.byName.set(key, [i]);
        else if (!l.includes(i)) l.push(i);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
      for (const x of d.excludes) {
        const key = nameKey(x).split(' ');
        if (key[0] !== '') this.excludes.push({ rows: i, key });
      }
    });
    this.maxWords = maxWords;
  }

  /** The catalog drug of a HCPCS code, if listed. */
  byHcpcs(code: string): CatalogDrug | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  /** Resolve drug text (and a charted code) to catalog drugs; see the module comment. */
  resolve(text: string, opts: ResolveOptions = {}): DrugMatch {
    if (opts.code !== undefined && opts.code !== '') {
      const d = this.byHcpcs(opts.code);
      if (d) return { match: 'one', drug: d };
    }
    let r = this.memo.get(text);
    if (r === undefined) {
      r = this.resolveText(text);
      if (this.memo.size < MEMO_LIMIT) this.memo.set(text, r);
    }
    return r;
  }

  private resolveText(text: string): DrugMatch {
    const toks = nameTokens(text);
    if (toks.length === 0) return { match: 'none', reason: 'empty' };
    const matches = this.findNames(toks);
    // the diluent: everything after the first "in" that is not inside a name ("dextrose 5% in water")
    const cut = toks.findIndex((x, i) => x.t === 'in' && i > 0 && !matches.some((m) => m.start <= i && i < m.end));
    const main = cut < 0 ? matches : matches.filter((m) => m.start < cut);
    if (main.length === 0) return { match: 'none', reason: 'unknown' };
    // a name glued by a hyphen to a word it does not cover names another product
    if (main.some((m) => foreignHyphen(toks, m))) return { match: 'none', reason: 'other-product' };

    const words = toks.map((x) => x.t);
    const excluded = new Set<number>();
    for (const x of this.excludes) if (containsSeq(words, x.key)) excluded.add(x.rows);
    const head = cut < 0 ? toks : toks.slice(0, cut);
    const strengths = head.filter((x) => isStrengthWord(x.t)).map((x) => x.t);
    const keep = (i: number): boolean => {
      if (excluded.has(i)) return false;
      const s = this.drugs[i]?.strength;
      if (s === undefined || strengths.length === 0) return true;
      return strengths.some((w) => w.endsWith('%') && Number.parseFloat(w) === Number.parseFloat(s));
    };
    let sets = main.map((m) => m.rows.filter(keep));
    if (sets.some((s) => s.length === 0)) {
      // a name whose every row is ruled out (Faspro, 0.45%) is that other product, not ours
      const allOut = sets.every((s) => s.length === 0);
      sets = sets.filter((s) => s.length > 0);
      if (allOut) return { match: 'none', reason: 'other-product' };
    }
    // a fluid beside a drug is its carrier
    const isFluid = (s: number[]) => s.every((i) => this.drugs[i]?.adminClass === 'hydration');
    if (sets.some((s) => !isFluid(s))) sets = sets.filter((s) => !isFluid(s));

    let rows = sets[0] ?? [];
    for (const s of sets.slice(1)) {
      const both = rows.filter((i) => s.includes(i));
      rows = both.length > 0 ? both : [...new Set([...rows, ...s])];
    }
    const drugs = [...new Set(rows)].sort((a, b) => a - b).map((i) => this.drugs[i] as CatalogDrug);
    if (drugs.length === 0) return { match: 'none', reason: 'unknown' };
    if (drugs.length === 1) return { match: 'one', drug: drugs[0] as CatalogDrug };
    return { match: 'several', drugs };
  }

  /** Leftmost-longest catalog names in the words. */
  private findNames(toks: NameToken[]): Match[] {
    const out: Match[] = [];
    let i = 0;
    while (i < toks.length) {
      let found: Match | undefined;
      for (let n = Math.min(this.maxWords, toks.length - i); n >= 1 && !found; n--) {
        let key = toks[i]?.t ?? '';
        for (let k = 1; k < n; k++) key += ' ' + (toks[i + k]?.t ?? '');
        const rows = this.byName.get(key);
        if (rows) found = { start: i, end: i + n, rows };
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }
}

function foreignHyphen(toks: NameToken[], m: Match): boolean {
  const first = toks[m.start];
  const before = toks[m.start - 1];
  if (first?.joined && before && /^[a-z]+$/.test(before.t)) return true;
  const after = toks[m.end];
  return after !== undefined && after.joined && /^[a-z]+$/.test(after.t);
}

function containsSeq(words: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

/** "0.9%", "5%", "1/2", "half": words that state a fluid's concentration. */
function isStrengthWord(w: string): boolean {
  return /^\d*\.?\d+%$/.test(w) || /^\d+\/\d+$/.test(w) || w === 'half';
}

const indexes = new WeakMap<object, DrugCatalog>();

/** The index of a catalog table's data, built once per table version (its data object). */
export function catalogIndex(data: DrugCatalogData): DrugCatalog {
  let c = indexes.get(data);
  if (!c) {
    c = new DrugCatalog(data);
    indexes.set(data, c);
  }
  return c;
}

/** The drug catalog in force on `date` (YYYY-MM-DD), indexed; undefined when no version is in force. */
export function catalogFor(rules: RuleSet, date: string): DrugCatalog | undefined {
  const t = rules.get<DrugCatalogData>('drug-catalog', date);
  return t ? catalogIndex(t.data) : undefined;
}

/** Resolve drug text against a catalog (a DrugCatalog index or the table's rows). */
export function resolveDrug(text: string, catalog: DrugCatalog | DrugCatalogData, opts: ResolveOptions = {}): DrugMatch {
  const c = catalog instanceof DrugCatalog ? catalog : catalogIndex(catalog);
  return c.resolve(text, opts);
}

/** The administration class a match implies: the drug's, or the one class all candidates share. */
export function matchClass(m: DrugMatch): CatalogDrug['adminClass'] | undefined {
  if (m.match === 'one') return m.drug.adminClass;
  if (m.match === 'several') {
    const c = m.drugs[0]?.adminClass;
    return m.drugs.every((d) => d.adminClass === c) ? c : undefined;
  }
  return undefined;
}
