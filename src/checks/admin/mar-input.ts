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
import type { AdminHierarchyData, AdminTermsData, AdminTimingData } from '../../rules/schemas.js';
import type { Encounter } from '../types.js';
import type { AdminCategory } from './hierarchy.js';
import { drugClassifier } from './classify.js';
import { deriveAdminCodes, type AdminInput, type Derivation, type DeriveOptions, type RouteKind } from './derive.js';

interface CompiledTerms {
  routes: Map<string, RouteKind>;
  kvo: RegExp[];
  carrier: RegExp[];
  flush: RegExp[];
  pump: RegExp[];
  port: RegExp[];
  lumen: RegExp[];
}

const compiled = new WeakMap<AdminTermsData, CompiledTerms>();

const routeKey = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function compile(d: AdminTermsData): CompiledTerms {
  let c = compiled.get(d);
  if (c) return c;
  const routes = new Map<string, RouteKind>();
  for (const [kind, words] of Object.entries(d.routes) as [RouteKind, string[]][]) for (const w of words) routes.set(routeKey(w), kind);
  const rx = (list: string[]) => list.map((p) => new RegExp(p, 'i'));
  c = { routes, kvo: rx(d.kvo), carrier: rx(d.carrier), flush: rx(d.flush), pump: rx(d.pump), port: rx(d.port), lumen: rx(d.lumen) };
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

/** One MAR row as an engine input. */
export function toAdminInput(row: MarRow, ref: number, terms: AdminTermsData, classify?: DrugClassifier): AdminInput {
  const c = compile(terms);
  const text = row.drug ?? '';
  const facts = classify?.(row);
  const route = c.routes.get(routeKey(row.route ?? '')) ?? 'unknown';
  let site = (row.accessSite ?? '').toLowerCase();
  for (const r of c.lumen) site = site.replace(new RegExp(r.source, 'gi'), ' ');
  site = site.replace(/[^a-z0-9]+/g, ' ').trim();
  const a: AdminInput = {
    ref,
    drugKey: facts?.key ?? (row.code ? row.code.toUpperCase() : drugNameKey(text)),
    label: text.trim().length > 48 ? text.trim().slice(0, 45) + '...' : text.trim(),
    route,
    site,
  };
  const category = row.purpose ?? facts?.category;
  if (category !== undefined) a.category = category;
  if (facts?.hormonal) a.hormonal = true;
  if (row.start !== undefined) a.start = row.start;
  if (row.stop !== undefined) a.stop = row.stop;
  else if (row.stopText.trim() !== '') a.stopUnreadable = true;
  if (row.administrationId) a.bagId = row.administrationId;
  const words = `${text} ${row.route ?? ''}`;
  if (any(c.kvo, words)) a.fluidRole = 'kvo';
  else if (any(c.carrier, words)) a.fluidRole = 'carrier';
  else if (any(c.flush, words)) a.fluidRole = 'flush';
  if (any(c.pump, words) || any(c.pump, row.accessSite ?? '')) a.pump = true;
  if (any(c.port, row.accessSite ?? '') || any(c.port, text)) a.port = true;
  return a;
}

export interface CodingContext {
  rules: RuleSet;
  facility: Facility;
  payers?: PayerResolver;
  classify?: DrugClassifier;
}

const memo = new WeakMap<Encounter, Derivation | null>();

/**
 * The derivation of an encounter's MAR (undefined when it has no MAR rows or the rule tables are
 * missing for its date). Computed once per encounter object.
 */
export function codingFor(enc: Encounter, ctx: CodingContext): Derivation | undefined {
  const hit = memo.get(enc);
  if (hit !== undefined) return hit ?? undefined;
  const d = derive(enc, ctx);
  memo.set(enc, d ?? null);
  return d;
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
  };
  const classify = ctx.classify ?? drugClassifier(ctx.rules);
  const admins = enc.mar.map((row, i) => toAdminInput(row, i, terms.data, classify));
  return deriveAdminCodes(admins, opts);
}
