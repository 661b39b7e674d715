/**
 * The bag checks of 340b-and-billing-model.md section 8 together: every `bag.drugLine` policy
 * against every charge of the drug line ($0.00, $0.01, $0.02, none), one rule at most per line;
 * a bagged drug's administration lines never flagged by a billing-model or 340B check; and a
 * missing administration of a bagged drug reported by the administration-coding checks as revenue
 * missed (note: "the administration of a bagged drug stays billable").
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { bagCharged } from '../../src/checks/billing-model/bag-charged.js';
import { bagLineMissing } from '../../src/checks/billing-model/bag-line-missing.js';
import { bagLineUnwanted } from '../../src/checks/billing-model/bag-line-unwanted.js';
import { bagModifier } from '../../src/checks/billing-model/bag-modifier.js';
import { codeSet } from '../../src/checks/hierarchy/code-set.js';
import { uncoveredAdministration } from '../../src/checks/documentation/uncovered.js';
import type { Encounter } from '../../src/checks/types.js';
import { claim, mar, runCheck, type Reported } from './harness.js';
import { ANY_MOD, COMMERCIAL, MEDICARE, NAMED, NONE, PENNY, PENNY_MOD, fac, visit, type Model } from './billing-model-fixtures.js';

const BAG_RULES = [bagCharged, bagLineUnwanted, bagLineMissing, bagModifier];

async function bagFindings(encounters: Encounter[]): Promise<Reported[]> {
  const out: Reported[] = [];
  for (const c of BAG_RULES) for (const f of await runCheck(c, encounters, { facility: fac() })) out.push({ ...f, discriminator: c.id });
  return out;
}

const short = (id: string) => id.replace('billing-model.', '');

describe('bag rules: each drugLine policy against each charge of the drug line', () => {
  // white-bagged Entyvio given per the MAR, 96413 billed; the drug line as the column says
  const charges: [string, number | undefined][] = [['no line', undefined], ['$0.00', 0], ['$0.01', 0.01], ['$0.02', 0.02]];
  const table: [string, string, string[]][] = [
    // payer, policy, findings for: no line | $0.00 | $0.01 | $0.02
    [NONE, 'none', ['', 'bag-line-unwanted', 'bag-line-unwanted', 'bag-charged']],
    [PENNY, 'penny', ['bag-line-missing', 'bag-line-missing', '', 'bag-charged']],
    [NAMED, 'named', ['bag-line-missing', '', '', 'bag-charged']],
    [COMMERCIAL, 'any', ['', '', '', 'bag-charged']],
    [PENNY_MOD, 'penny + U1', ['bag-line-missing', 'bag-line-missing bag-modifier', 'bag-modifier', 'bag-charged']],
    [ANY_MOD, 'any + U3', ['', 'bag-modifier', 'bag-modifier', 'bag-charged']],
  ];
  for (const [payer, policy, want] of table) {
    charges.forEach(([label, charge], i) => {
      for (const model of ['white_bag', 'brown_bag'] as Model[]) {
        it(`${policy}, ${model}, ${label}: ${want[i] || 'nothing'}`, async () => {
          const got = await bagFindings(visit({ payer, models: [model], ...(charge !== undefined ? { charge } : {}) }));
          expect(got.map((f) => short(f.discriminator ?? '')).sort().join(' ')).toBe(want[i]);
          // the drug line is line 2: never the administration line
          for (const f of got) expect(f.line ?? '2').toBe('2');
        });
      }
      it(`${policy}, buy-and-bill, ${label}: no bag finding`, async () => {
        expect(await bagFindings(visit({ payer, models: ['buy_and_bill'], ...(charge !== undefined ? { charge } : {}) }))).toEqual([]);
      });
      it(`${policy}, no dispense row, ${label}: unknown, no bag finding`, async () => {
        expect(await bagFindings(visit({ payer, ...(charge !== undefined ? { charge } : {}) }))).toEqual([]);
      });
    });
  }

  it('one rule at most per line, and one of bag-charged / bag-line-unwanted per line', async () => {
    for (const [payer] of table) {
      for (const charge of [0, 0.01, 0.02, 6000]) {
        const got = (await bagFindings(visit({ payer, models: ['white_bag'], charge }))).filter((f) => f.discriminator !== 'billing-model.bag-modifier');
        expect(got.length, `${payer} ${charge}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('no amount where the line is present or the administration lines cannot be priced', async () => {
    const present = await bagFindings(visit({ payer: PENNY, models: ['white_bag'], charge: 0 }));
    expect(present.map((f) => [f.discriminator, f.amountAtRisk])).toEqual([['billing-model.bag-line-missing', undefined]]);
    const uncodable = visit({ payer: PENNY, models: ['white_bag'] }).map((e) => ({ ...e, mar: e.mar.map((m) => ({ ...m, route: 'per protocol' })) }));
    expect((await bagFindings(uncodable)).map((f) => [f.discriminator, f.amountAtRisk])).toEqual([['billing-model.bag-line-missing', undefined]]);
  });
});

describe('the administration of a bagged drug stays billable', () => {
  const adminOnly = (f: Reported, admin: { row: number; input: number }) => f.line === '1' || f.records.some((r) => r.record === admin);

  it('no billing-model or 340b check flags the administration lines of a bagged drug', async () => {
    const checks = CHECKS.filter((c) => c.category === 'billing-model' || c.category === '340b');
    expect(checks.map((c) => c.id)).toEqual(expect.arrayContaining(['billing-model.bag-line-missing', 'billing-model.bag-line-unwanted', 'billing-model.bag-modifier', '340b.not-340b']));
    const visits: Encounter[][] = [];
    for (const payer of [NONE, PENNY, NAMED, COMMERCIAL, PENNY_MOD, MEDICARE]) {
      for (const models of [['white_bag'], ['brown_bag']] as Model[][]) {
        visits.push(visit({ payer, models }));
        for (const charge of [0, 0.01, 6000]) visits.push(visit({ payer, models, charge }), visit({ payer, models, charge, line: { modifiers: ['TB'] } }));
      }
    }
    let seen = 0;
    for (const v of visits) {
      const admin = (v[0] as Encounter).claims[0] as { row: number; input: number };
      for (const c of checks) {
        const got = await runCheck(c, v, { facility: fac() });
        seen += got.length;
        expect(got.filter((f) => adminOnly(f, admin)).map((f) => `${c.id}: ${f.message}`)).toEqual([]);
      }
    }
    expect(seen).toBeGreaterThan(50); // the visits do raise findings, on the drug lines and MAR rows
  });

  // white-bagged Entyvio 09:00-09:30 (96413) and hydration 09:35-10:45 (96361) on the MAR
  const withHydration = (claims: Encounter['claims']): Encounter[] =>
    visit({ payer: PENNY, models: ['white_bag'], admin: false }).map((e) => ({
      ...e,
      claims,
      mar: [...e.mar, mar({ administrationId: 'M2', drug: 'sodium chloride 0.9% 500 mL', route: 'IV', purpose: 'hydration', dose: 500, doseUnit: 'mL', date: '2026-02-10', start: '2026-02-10T09:35:00', startText: '2026-02-10 09:35', stop: '2026-02-10T10:45:00', stopText: '2026-02-10 10:45' })],
    }));
  const line = (code: string, n: string, charge: number, extra: Partial<Encounter['claims'][number]> = {}) => claim({ serviceDate: '2026-02-10', payer: PENNY, line: n, code, units: 1, charge, ...extra });

  it('the infusion of a bagged drug missing from the claim: hierarchy.code-set, revenue missed at the OPPS rate', async () => {
    const enc = withHydration([line('96361', '1', 114.5), line('J3380', '2', 0.01, { units: 300, ndc: '64764030020' })]);
    const got = await runCheck(codeSet, enc, { facility: fac() });
    const under = got.filter((f) => f.direction === 'under');
    expect(under).toHaveLength(1);
    expect(under[0]).toMatchObject({ code: '96413', amountAtRisk: 337.46, severityResolved: 'warning' });
    // the bag rules stay quiet: the $0.01 line is there
    expect(await bagFindings(enc)).toEqual([]);
  });

  it('no administration code at all on the claim: documentation.uncovered-administration reports it (code-set leaves it), with the amount', async () => {
    const enc = withHydration([line('J3380', '1', 0.01, { units: 300, ndc: '64764030020' })]);
    expect(await runCheck(codeSet, enc, { facility: fac() })).toEqual([]);
    const got = await runCheck(uncoveredAdministration, enc, { facility: fac() });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ direction: 'under', amountAtRisk: 385.3, expected: '96361 + 96413' });
  });
});
