/**
 * MAR rows -> the administration coding engine's input, and the engine run once per encounter
 * (memoised: several checks and the encounter summary share one derivation).
 *
 * Words (routes, KVO, carrier, flush, pump, port, lumens) come from the `admin-terms` table; the
 * drug class comes from the MAR `purpose` column when charted, else from the drug classifier (the
 * drug catalog), else it is unknown and the derivation says it is incomplete: never guessed.
 */
import type { MarRow } from '../../model.js';
import type { Facility, PayerResolver, RuleSet } from '../../rules/index.js';
import type { AdminCodesData, AdminHierarchyData, AdminTermsData, AdminTimingData } from '../../rules/schemas.js';
import type { Encounter } from '../types.js';
import type { AdminCategory } from './hierarchy.js';
import { drugClassifier } from './classify.js';
import { lastEncounter } from '../memo.js';
import { deriveAdminCodes, type AdminInput, type Derivation, type DeriveOptions, type RouteKind } from './derive.js';

interface CompiledTerms {
  routes: Map<string, RouteKind>;
  kvo: RegExp[];
  carrier: RegExp[];
  flush: RegExp[];
  pump: RegExp[];
  port: RegExp[];
  lumen: RegExp[];
  lumenGlobal: RegExp[];
}

const compiled = new WeakMap<AdminTermsData, CompiledTerms>();

const routeKey = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function compile(d: AdminTermsData): CompiledTerms {
  let c = compiled.get(d);
  if (c) return c;
  const routes = new Map<string, RouteKind>();
  for (const [kind, words] of Object.entries(d.routes) as [RouteKind, string[]][]) for (const w of words) routes.set(routeKey(w), kind);
  const rx = (list: string[]) => list.map((p) => new RegExp(p, 'i'));
  c = { routes, kvo: rx(d.kvo), carrier: rx(d.carrier), flush: rx(d.flush), pump: rx(d.pump), port: rx(d.port), lumen: rx(d.lumen), lumenGlobal: d.lumen.map((p) => new RegExp(p, 'gi')) };
  compiled.set(d, c);
  return c;
}

const any = (list: RegExp[], text: string) => list.some((r) => r.test(text));

/** What the drug classifier knows of a MAR drug (the drug catalog fills this in). */
export interface DrugFacts {
  /** identity for same-drug rules (the catalog's HCPCS) */
  key?: string;
  category?: AdminCategory;
  hormonal?: boolean;
}

export type DrugClassifier = (row: MarRow) => DrugFacts | undefined;

/** The normalised drug name used as identity when neither the catalog nor the MAR code gives one. */
export function drugNameKey(text: string): string {
  const base = text.toLowerCase().split(/\s+\d|\(|\bin\b|,/)[0] ?? text.toLowerCase();
  return base.replace(/[^a-z0-9-]+/g, ' ').trim() || text.trim().toLowerCase();
}

interface TextFacts {
  fluidRole?: AdminInput['fluidRole'];
  pump: boolean;
  port: boolean;
}

/** Per terms table: what the words of a drug + route + site text say (memoised: exports repeat a few texts). */
const textMemo = new WeakMap<CompiledTerms, Map<string, Map<string, Map<string, TextFacts>>>>();
const siteMemo = new WeakMap<CompiledTerms, Map<string, string>>();

function textFacts(c: CompiledTerms, drug: string, route: string, site: string): TextFacts {
  let byDrug = textMemo.get(c);
  if (!byDrug) textMemo.set(c, (byDrug = new Map()));
  if (byDrug.size > 50_000) byDrug.clear();
  let byRoute = byDrug.get(drug);
  if (!byRoute) byDrug.set(drug, (byRoute = new Map()));
  let memo = byRoute.get(route);
  if (!memo) byRoute.set(route, (memo = new Map()));
  let f = memo.get(site);
  if (f) return f;
  const words = `${drug} ${route}`;
  f = { pump: any(c.pump, words) || any(c.pump, site), port: any(c.port, site) || any(c.port, drug) };
  if (any(c.kvo, words)) f.fluidRole = 'kvo';
  else if (any(c.carrier, words)) f.fluidRole = 'carrier';
  else if (any(c.flush, words)) f.fluidRole = 'flush';
  memo.set(site, f);
  return f;
}

/** An access site without its lumen words: two lumens of one catheter are one site. */
function siteKey(c: CompiledTerms, text: string): string {
  let memo = siteMemo.get(c);
  if (!memo) siteMemo.set(c, (memo = new Map()));
  let k = memo.get(text);
  if (k !== undefined) return k;
  let site = text.toLowerCase();
  for (const r of c.lumenGlobal) site = site.replace(r, ' ');
  k = site.replace(/[^a-z0-9]+/g, ' ').trim();
  if (memo.size > 50_000) memo.clear();
  memo.set(text, k);
  return k;
}

/** How a MAR row's route cell entered the drug (admin-terms `routes`), 'unknown' when not listed. */
export function routeOf(row: MarRow, terms: AdminTermsData): RouteKind {
  return compile(terms).routes.get(routeKey(row.route ?? '')) ?? 'unknown';
}

/** One MAR row as an engine input. */
export function toAdminInput(row: MarRow, ref: number, terms: AdminTermsData, classify?: DrugClassifier): AdminInput {
  const c = compile(terms);
  const text = row.drug ?? '';
  const facts = classify?.(row);
  const route = c.routes.get(routeKey(row.route ?? '')) ?? 'unknown';
  const siteText = row.accessSite ?? '';
  const trimmed = text.trim();
  const tf = textFacts(c, text, row.route ?? '', siteText);
  // every property written in one literal, in one order: one object shape for all rows (the engine
  // reads these objects for every MAR row of an audit)
  const a: AdminInput = {
    ref,
    drugKey: facts?.key ?? (row.code ? row.code.toUpperCase() : drugNameKey(text)),
    label: trimmed.length > 48 ? trimmed.slice(0, 45) + '...' : trimmed,
    category: row.purpose ?? facts?.category,
    hormonal: facts?.hormonal ? true : undefined,
    route,
    start: row.start,
    stop: row.stop,
    stopUnreadable: row.stop === undefined && row.stopText.trim() !== '' ? true : undefined,
    site: siteText === '' ? '' : siteKey(c, siteText),
    bagId: row.administrationId ? row.administrationId : undefined,
    holdMinutes: undefined,
    fluidRole: tf.fluidRole,
    pump: tf.pump ? true : undefined,
    port: tf.port ? true : undefined,
  };
  return a;
}

const primariesMemo = new WeakMap<object, Map<string, readonly string[]>>();

/** add-on code -> primaries, from the admin-codes table in force (one map per table version) */
export function addOnPrimariesOf(rules: RuleSet, date: string): Map<string, readonly string[]> | undefined {
  const t = rules.get<AdminCodesData>('admin-codes', date);
  if (!t) return undefined;
  let m = primariesMemo.get(t.data);
  if (!m) {
    m = new Map(t.data.codes.filter((c) => c.primaries).map((c) => [c.code, c.primaries as readonly string[]] as const));
    primariesMemo.set(t.data, m);
  }
  return m;
}

export interface CodingContext {
  rules: RuleSet;
  facility: Facility;
  payers?: PayerResolver;
  classify?: DrugClassifier;
}

const derivationOf = lastEncounter<Derivation | undefined>();

/**
 * The derivation of an encounter's MAR (undefined when it has no MAR rows or the rule tables are
 * missing for its date). Computed once per encounter object.
 */
export function codingFor(enc: Encounter, ctx: CodingContext): Derivation | undefined {
  return derivationOf(enc, ctx.facility, () => derive(enc, ctx));
}

function derive(enc: Encounter, ctx: CodingContext): Derivation | undefined {
  if (enc.mar.length === 0) return undefined;
  const date = enc.serviceDate;
  const timing = ctx.rules.get<AdminTimingData>('admin-timing', date);
  const hierarchy = ctx.rules.get<AdminHierarchyData>('admin-hierarchy', date);
  const terms = ctx.rules.get<AdminTermsData>('admin-terms', date);
  if (!timing || !hierarchy || !terms) return undefined;
  const claim = enc.claims[0];
  const policy = claim && ctx.payers ? ctx.payers.resolve(claim.payer).policy : undefined;
  const opts: DeriveOptions = {
    timing: timing.data,
    hierarchy: hierarchy.data,
    setting: ctx.facility.setting,
    hydrationPieces: policy?.hydrationPieces ?? 'add',
    separateSiteModifier: policy?.separateSiteModifier ?? 'XU',
    addOnPrimaries: addOnPrimariesOf(ctx.rules, date),
  };
  const classify = ctx.classify ?? drugClassifier(ctx.rules);
  const admins = enc.mar.map((row, i) => toAdminInput(row, i, terms.data, classify));
  return deriveAdminCodes(admins, opts);
}
