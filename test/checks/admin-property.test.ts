/**
 * Property tests of the administration coding engine (src/checks/admin/derive.ts) over random
 * encounters, through the real path (MAR rows -> admin-terms -> engine) with the built-in rules.
 * Every property reads its code lists from the rule tables (admin-codes, admin-hierarchy), never
 * from a hard-coded list. Domain rules: shared/domain/administration-coding.md.
 * Fixed seed: a failure reproduces; fast-check prints the shrunk counterexample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinRules } from './harness.js';
import { codeSet, deriveWorked, type Admin } from './admin-worked/run.js';
import type { Derivation } from '../../src/checks/admin/derive.js';
import type { RuleSet } from '../../src/rules/index.js';
import type { AdminCodesData, AdminHierarchyData } from '../../src/rules/schemas.js';

const SEED = 20261123;
const RUNS = 300;
const DATE = '2025-10-06';

/** a small pool of drugs, each with the purpose charted on the MAR (which wins over the catalog) */
const DRUGS: { drug: string; purpose: 'chemo' | 'therapeutic' | 'hydration' }[] = [
  { drug: 'oxaliplatin 85 mg/m2', purpose: 'chemo' },
  { drug: 'carboplatin 450 mg', purpose: 'chemo' },
  { drug: 'ondansetron 8 mg', purpose: 'therapeutic' },
  { drug: 'dexamethasone 12 mg', purpose: 'therapeutic' },
  { drug: 'iron sucrose 200 mg', purpose: 'therapeutic' },
  { drug: 'sodium chloride 0.9% 1000 mL', purpose: 'hydration' },
];
const ROUTES = ['IV', 'IV push', 'SC', 'IM'] as const;
const SITES = ['left forearm PIV', 'right forearm PIV', 'chest port'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** minutes from DATE 00:00 -> `YYYY-MM-DD HH:MM` (may run into the next day) */
function at(min: number): string {
  const d = new Date(Date.parse(`${DATE}T00:00:00Z`) + min * 60_000);
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const adminArb: fc.Arbitrary<Admin> = fc
  .record({
    drug: fc.constantFrom(...DRUGS),
    route: fc.constantFrom(...ROUTES),
    // start within one day in 5-minute steps; half of the rows start within one busy morning
    // (08:00-10:00) so that services overlap often enough to exercise the concurrent and site rules
    slot: fc.oneof(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 96, max: 120 })),
    duration: fc.integer({ min: 0, max: 300 }),
    site: fc.option(fc.constantFrom(...SITES), { nil: undefined, freq: 3 }),
    // occasionally no stop
    noStop: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map(({ drug, route, slot, duration, site, noStop }) => {
    const a: Admin = { drug: drug.drug, purpose: drug.purpose, route, start: at(slot * 5) };
    if (!noStop) a.stop = at(slot * 5 + duration);
    if (site !== undefined) a.accessSite = site;
    return a;
  });

/** encounters of 1-8 administrations */
const encounterArb = fc.array(adminArb, { minLength: 1, maxLength: 8 });

let rules: RuleSet;
let codes: AdminCodesData;
let hierarchy: AdminHierarchyData;
let initials: Set<string>;

beforeAll(async () => {
  rules = await builtinRules();
  const c = rules.get<AdminCodesData>('admin-codes', DATE);
  const h = rules.get<AdminHierarchyData>('admin-hierarchy', DATE);
  if (!c || !h) throw new Error('admin-codes or admin-hierarchy missing from the built-in rules');
  codes = c.data;
  hierarchy = h.data;
  initials = new Set(hierarchy.services.map((s) => s.initial));
});

const show = (admins: readonly Admin[], d: Derivation) =>
  `${JSON.stringify(admins)}\nlines: ${d.lines.map((l) => `${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''} x${l.units} [${l.refs.join(',')}] ${l.reason}`).join(' | ')}\nnot coded: ${d.notCoded.map((n) => `[${n.refs.join(',')}] ${n.reason}`).join(' | ')}`;

describe('administration coding engine: properties over random encounters', () => {
  it('sanity: the rule tables give initial codes and add-on codes with primaries', () => {
    expect(initials.size).toBeGreaterThan(0);
    expect(codes.codes.filter((c) => c.addOn && (c.primaries?.length ?? 0) > 0).length).toBeGreaterThan(0);
    expect(hierarchy.separateSiteModifiers.length).toBeGreaterThan(0);
  });

  // random encounters rarely hold a chemo push with two concurrent therapeutic infusions: that case is pinned below
  it('(a) no add-on code without at least one of its primaries (admin-codes primaries)', () => {
    const primaries = new Map(codes.codes.filter((c) => c.addOn).map((c) => [c.code, new Set(c.primaries ?? [])]));
    fc.assert(
      fc.property(encounterArb, (admins) => {
        const d = deriveWorked(rules, admins);
        const present = new Set(d.lines.map((l) => l.code));
        for (const l of d.lines) {
          const p = primaries.get(l.code);
          if (!p || p.size === 0) continue; // not an add-on, or a type-2/3 add-on without listed primaries
          expect([...p].some((c) => present.has(c)), `${l.code} without any of ${[...p].join(', ')}\n${show(admins, d)}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // (b) regression (found by this property, fixed in derive.ts: sites are judged per row, not per merged service): an infusion service merged from several rows (bags
  // of one drug, hydration pieces) keeps the access site of its first row only (Service.site is set where
  // the service is created and never updated when `prev.refs.push(a.ref)` merges a row) while its intervals include the other rows' times, so
  // splitBySite treats a later push on the other row's site as a separate, overlapping
  // site and gives it a second initial with XU. Shrunk counterexample (seed 20261123):
  //   oxaliplatin IV 00:00-00:16 left forearm PIV; oxaliplatin IV 00:00 (no stop) right forearm PIV;
  //   oxaliplatin IV 00:00-00:16 right forearm PIV
  //   -> 96413 [rows 0,2] + 96409-XU [row 1]: two initials on the right forearm.
  // Hand-made: iron sucrose IV 10:00-11:00 left forearm, iron sucrose IV 12:00-13:00 right forearm,
  //   ondansetron IV push 12:30 right forearm -> 96365 + 96366 + 96374-XU (expected 96365 + 96366 + 96375).
  it('(b) at most one initial code without a separate-site modifier, and never two initials on one access site', () => {
    const separate = new Set(hierarchy.separateSiteModifiers);
    fc.assert(
      fc.property(encounterArb, (admins) => {
        const d = deriveWorked(rules, admins);
        const init = d.lines.filter((l) => initials.has(l.code));
        const plain = init.filter((l) => !l.modifiers.some((m) => separate.has(m)));
        expect(plain.length, `initials without ${[...separate].join('/')}\n${show(admins, d)}`).toBeLessThanOrEqual(1);
        // the charted sites behind each initial line (an uncharted site belongs to no site in particular)
        const siteOf = (ref: number) => (admins[ref]?.accessSite ?? '').toLowerCase();
        const seen = new Map<string, string>();
        for (const l of init) {
          for (const site of new Set(l.refs.map(siteOf).filter((s) => s !== ''))) {
            const other = seen.get(site);
            expect(other, `two initials (${other} and ${l.code}) on access site "${site}"\n${show(admins, d)}`).toBeUndefined();
            seen.set(site, l.code);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // (c)
  it('(c) the concurrent code is reported at most once per date', () => {
    const concurrent = new Set(hierarchy.services.map((s) => s.concurrent).filter((c): c is string => c !== undefined));
    expect(concurrent.size).toBeGreaterThan(0);
    fc.assert(
      fc.property(encounterArb, (admins) => {
        const d = deriveWorked(rules, admins);
        const perDate = new Map<string, number>();
        for (const l of d.lines) if (concurrent.has(l.code)) perDate.set(`${l.code}|${l.serviceDate}`, (perDate.get(`${l.code}|${l.serviceDate}`) ?? 0) + l.units);
        for (const [k, n] of perDate) expect(n, `${k} reported ${n} times\n${show(admins, d)}`).toBe(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // (d) regression (found by this property, fixed: an uncharted site never counts, ties are broken by drug and site, not row order): splitBySite (`const first = ranked[0].site`) and the merge of rows
  // into one service (`prev.refs.push(a.ref)`): the site of the first-ranked service becomes the "main" site, and
  // when that service has no charted site ('') every charted site that overlaps it becomes a separate
  // site with a second initial; which service ranks first among equals, and which row's site a merged
  // service keeps, both follow the row order. Shrunk counterexample (seed 20261123):
  //   [NS 1000 mL IV 00:00-00:00; NS 1000 mL IV 08:00-08:31 left forearm PIV; oxaliplatin IV 08:00 (no stop)]
  //     -> 96361 + 96409
  //   same rows as [oxaliplatin; NS 08:00-08:31 left forearm; NS 00:00-00:00] -> 96360-XU + 96409
  // Hand-made, two rows: oxaliplatin IV push 09:00 (no site) and oxaliplatin IV push 09:00 left
  //   forearm PIV -> 96409 + 96409-XU; the same two rows reversed -> 96409 only.
  it('(d) deterministic, and independent of the order of the MAR rows', () => {
    fc.assert(
      fc.property(
        encounterArb.chain((admins) => fc.tuple(fc.constant(admins), fc.shuffledSubarray(admins, { minLength: admins.length, maxLength: admins.length }))),
        ([admins, shuffled]) => {
          const d = deriveWorked(rules, admins);
          expect(codeSet(deriveWorked(rules, admins)), 'same input, same code set').toEqual(codeSet(d));
          const s = deriveWorked(rules, shuffled);
          expect(codeSet(s), `rows reordered:\nfirst: ${show(admins, d)}\nreordered: ${show(shuffled, s)}`).toEqual(codeSet(d));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // (e)
  it('(e) every administration row is accounted for: in a line, in notCoded or in problems', () => {
    fc.assert(
      fc.property(encounterArb, (admins) => {
        const d = deriveWorked(rules, admins);
        const seen = new Set<number>([...d.lines.flatMap((l) => l.refs), ...d.notCoded.flatMap((n) => n.refs), ...d.problems.map((p) => p.ref)]);
        const missing = admins.map((_, i) => i).filter((i) => !seen.has(i));
        expect(missing, show(admins, d)).toEqual([]);
        // and no line names a row that does not exist
        for (const r of seen) expect(r >= 0 && r < admins.length, `ref ${r}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // (f)
  it('(f) units are positive integers, in lines and in the code set', () => {
    fc.assert(
      fc.property(encounterArb, fc.constantFrom('hopd' as const, 'office' as const), (admins, setting) => {
        const d = deriveWorked(rules, admins, setting);
        for (const l of [...d.lines, ...codeSet(d)]) expect(Number.isInteger(l.units) && l.units > 0, `${l.code} x${l.units}\n${show(admins, d)}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // Pinned counterexamples of engine bugs the random runs do not reach for the seed. Each asserts what
  // the rule tables and the domain note require (each was an engine bug this file found, since fixed).
  const D = '2025-10-06 ';

  // Regression (fixed: the engine now drops an add-on whose primaries are all absent, with a reason) (admin-codes primaries vs derive.ts the `s.concurrentWith` branch of codeGroup): a chemo IV push is
  // the initial service and two therapeutic infusions run concurrently: the engine reports
  // 96409 + 96367 + 96368, but none of 96368's primaries in admin-codes
  // (96360 96365 96366 96413 96415 96416 C8957) is on the claim, so the add-on-primary check would
  // flag the engine's own expected codes.
  it('(a) example: 96368 after a chemo push initial has none of its primaries', () => {
    const primaries = new Map(codes.codes.filter((c) => c.addOn).map((c) => [c.code, c.primaries ?? []]));
    const admins: Admin[] = [
      { drug: 'carboplatin 450 mg', purpose: 'chemo', route: 'IV push', start: D + '09:00', accessSite: 'chest port' },
      { drug: 'ondansetron 8 mg', purpose: 'therapeutic', route: 'IV', start: D + '09:10', stop: D + '10:10', accessSite: 'chest port' },
      { drug: 'iron sucrose 200 mg', purpose: 'therapeutic', route: 'IV', start: D + '09:10', stop: D + '10:10', accessSite: 'chest port' },
    ];
    const d = deriveWorked(rules, admins);
    const present = new Set(d.lines.map((l) => l.code));
    for (const l of d.lines) {
      const p = primaries.get(l.code) ?? [];
      if (p.length) expect(p.some((c) => present.has(c)), `${l.code} without ${p.join('/')}\n${show(admins, d)}`).toBe(true);
    }
  });

  // Regression (fixed) (derive.ts splitBySite: `first` is the first-ranked service's site even when
  // it is uncharted): with one charted site and one uncharted row, the charted row gets a second
  // initial with XU, although the domain note allows a second initial only when the MAR shows two
  // distinct access sites. Order independent: both row orders give 96413 + 96374-XU.
  it('(b) example: an uncharted site and one charted site do not justify a second initial', () => {
    const admins: Admin[] = [
      { drug: 'oxaliplatin 85 mg/m2', purpose: 'chemo', route: 'IV', start: D + '09:00', stop: D + '10:00' },
      { drug: 'ondansetron 8 mg', purpose: 'therapeutic', route: 'IV push', start: D + '09:30', accessSite: 'left forearm PIV' },
    ];
    const d = deriveWorked(rules, admins);
    expect(codeSet(d), show(admins, d)).toEqual([
      { code: '96375', units: 1 },
      { code: '96413', units: 1 },
    ]);
  });
});
