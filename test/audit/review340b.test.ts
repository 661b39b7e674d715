/**
 * The retrospective 340B review accumulator (340b-and-billing-model.md section 7) on hand-built
 * encounters: the `340b` checks run on each encounter as in the pipeline, their findings feed the
 * review, and each case says which pivot cell(s) and exception totals must come out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { Review340bCounter, billedModifier, type ReviewFinding } from '../../src/audit/review340b.js';
import { CHECKS } from '../../src/checks/registry.js';
import type { CheckContext, Encounter } from '../../src/checks/types.js';
import { drugPrice } from '../../src/checks/drug/lines.js';
import { PayerResolver, type Facility, type ResolvedPayer } from '../../src/rules/index.js';
import { REVIEW_EXCEPTIONS, type Review340b, type Review340bCell, type ReviewException } from '../../src/model.js';
import { builtinRules, claim } from '../checks/harness.js';
import { COMMERCIAL, MA, MEDICAID, MEDICARE, dose, fac, type DoseSpec } from '../checks/340b-fixtures.js';
import { IL_MEDICAID, OH_MEDICAID, medicaidFac } from '../checks/medicaid-fixtures.js';

const CHECKS_340B = CHECKS.filter((c) => c.category === '340b');

/** Run the 340b checks over the encounters as the pipeline does and feed the review. */
async function review(facility: Facility, encounters: Encounter[]): Promise<{ result: Review340b; findings: ReviewFinding[] }> {
  const rules = await builtinRules();
  const payers = new PayerResolver(facility);
  const counter = new Review340bCounter(rules, facility, payers);
  const findings: ReviewFinding[] = [];
  for (const enc of encounters) {
    for (const check of CHECKS_340B) {
      const ctx: CheckContext = {
        rules,
        facility,
        payers,
        auths: [],
        today: '2026-11-23',
        report: (f) => {
          const r: ReviewFinding = { ruleId: check.id, category: check.category };
          if (f.claimId !== undefined) r.claimId = f.claimId;
          if (f.line !== undefined) r.line = f.line;
          if (f.amountAtRisk !== undefined) r.amountAtRisk = f.amountAtRisk;
          findings.push(r);
          counter.noteFinding(r);
        },
      };
      check.perEncounter?.(enc, ctx);
    }
    counter.add(enc);
  }
  return { result: counter.result(), findings };
}

const zero = (): Record<ReviewException, number> => Object.fromEntries(REVIEW_EXCEPTIONS.map((k) => [k, 0])) as Record<ReviewException, number>;

type Dims = Pick<Review340bCell, 'quarter' | 'payerType' | 'entityType' | 'expectedModifier' | 'billedModifier' | 'inventory'>;
const dims = (c: Review340bCell): Dims => ({
  quarter: c.quarter,
  payerType: c.payerType,
  entityType: c.entityType,
  expectedModifier: c.expectedModifier,
  billedModifier: c.billedModifier,
  inventory: c.inventory,
});

interface Case {
  name: string;
  facility?: Facility;
  dose: DoseSpec;
  cell: Dims;
  exceptions?: Partial<Record<ReviewException, number>>;
}

const dsh = fac('dsh');

const cases: Case[] = [
  {
    name: 'dsh, Medicare, 2025: TB on 340B stock (worked example 1 billed right)',
    dose: { date: '2025-04-08', mods: ['JZ', 'TB'], stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'TB', billedModifier: 'TB', inventory: '340b' },
  },
  {
    name: 'dsh, Medicare, 2025: JG on 340B stock -> modifier wrong',
    dose: { date: '2025-04-08', mods: ['JZ', 'JG'], stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'TB', billedModifier: 'JG', inventory: '340b' },
    exceptions: { modifierWrong: 1 },
  },
  {
    name: 'dsh, Medicare, 2024: no modifier on 340B stock -> JG missing',
    dose: { date: '2024-02-13', stock: ['340b'] },
    cell: { quarter: '2024Q1', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'JG', billedModifier: 'none', inventory: '340b' },
    exceptions: { modifierMissing: 1 },
  },
  {
    name: 'dsh, Medicare, 2023: JG on WAC stock -> modifier on a non-340B drug',
    dose: { date: '2023-03-14', mods: ['JG'], stock: ['wac'] },
    cell: { quarter: '2023Q1', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'none', billedModifier: 'JG', inventory: 'non-340b' },
    exceptions: { modifierOnNon340b: 1 },
  },
  {
    name: 'dsh, Medicare, 2023, SI G drug: TB due',
    dose: { date: '2023-08-14', drug: 'eyleaHd', mods: ['TB'], stock: ['340b'] },
    cell: { quarter: '2023Q3', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'TB', billedModifier: 'TB', inventory: '340b' },
  },
  {
    name: 'cah, 2023: TB optional, none billed: no exception',
    facility: fac('cah'),
    dose: { date: '2023-11-14', drug: 'orencia', mods: ['JZ'], stock: ['340b'] },
    cell: { quarter: '2023Q4', payerType: 'medicare', entityType: 'cah', expectedModifier: 'optional', billedModifier: 'none', inventory: '340b' },
  },
  {
    name: 'cah, 2024: TB required',
    facility: fac('cah'),
    dose: { date: '2024-02-13', drug: 'orencia', mods: ['JZ'], stock: ['340b'] },
    cell: { quarter: '2024Q1', payerType: 'medicare', entityType: 'cah', expectedModifier: 'TB', billedModifier: 'none', inventory: '340b' },
    exceptions: { modifierMissing: 1 },
  },
  {
    name: 'dated entity list: rural_sch in 2024, dsh from 2025',
    facility: fac([
      { type: 'rural_sch', from: '2018-01-01', to: '2024-12-31' },
      { type: 'dsh', from: '2025-01-01' },
    ]),
    dose: { date: '2024-11-05', mods: ['TB'], stock: ['340b'] },
    cell: { quarter: '2024Q4', payerType: 'medicare', entityType: 'rural_sch', expectedModifier: 'TB', billedModifier: 'TB', inventory: '340b' },
  },
  {
    name: 'SI N drug: the table does not judge it',
    dose: { date: '2025-04-08', drug: 'ondansetron', stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'not-judged', billedModifier: 'none', inventory: '340b' },
  },
  {
    name: 'no dispense row: unknown, counted as not verifiable, no finding',
    dose: { date: '2025-02-04', mods: ['TB'] },
    cell: { quarter: '2025Q1', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'unknown', billedModifier: 'TB', inventory: 'unknown' },
    exceptions: { notVerifiable: 1 },
  },
  {
    name: 'blank inventory: unknown, not verifiable',
    dose: { date: '2024-05-07', stock: ['blank'] },
    cell: { quarter: '2024Q2', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'unknown', billedModifier: 'none', inventory: 'unknown' },
    exceptions: { notVerifiable: 1 },
  },
  {
    name: 'white-bagged dose with TB: bag, modifier on a non-340B drug',
    dose: { date: '2025-06-17', mods: ['TB'], stock: ['white_bag'] },
    cell: { quarter: '2025Q2', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'none', billedModifier: 'TB', inventory: 'bag' },
    exceptions: { modifierOnNon340b: 1 },
  },
  {
    name: 'brown-bagged dose, no modifier: bag, no exception',
    dose: { date: '2023-12-05', stock: ['brown_bag'] },
    cell: { quarter: '2023Q4', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'none', billedModifier: 'none', inventory: 'bag' },
  },
  {
    name: '340B and WAC rows behind one line: mixed (worked example 6)',
    dose: { date: '2025-09-09', mods: ['TB'], stock: ['340b', 'wac'] },
    cell: { quarter: '2025Q3', payerType: 'medicare', entityType: 'dsh', expectedModifier: 'split', billedModifier: 'TB', inventory: 'mixed' },
    exceptions: { mixed: 1 },
  },
  {
    name: 'Medicare Advantage (medicare-warn): the same table',
    dose: { date: '2024-07-09', payer: MA, mods: ['JG'], stock: ['340b'] },
    cell: { quarter: '2024Q3', payerType: 'medicare_advantage', entityType: 'dsh', expectedModifier: 'JG', billedModifier: 'JG', inventory: '340b' },
  },
  {
    name: 'commercial: no 340B modifier expected',
    dose: { date: '2025-04-08', payer: COMMERCIAL, stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'commercial', entityType: 'dsh', expectedModifier: 'none', billedModifier: 'none', inventory: '340b' },
  },
  {
    name: 'not a covered entity: TB is a modifier on a non-340B drug',
    facility: fac('none'),
    dose: { date: '2025-04-08', mods: ['TB'], stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'medicare', entityType: 'none', expectedModifier: 'none', billedModifier: 'TB', inventory: '340b' },
    exceptions: { modifierOnNon340b: 1 },
  },
  {
    name: 'Medicaid carve-in, UD first: the state id (worked example 7 billed right)',
    facility: medicaidFac({ carve: 'in', modifier: 'UD', position: 'first' }),
    dose: { date: '2025-07-15', payer: IL_MEDICAID, mods: ['UD'], stock: ['340b'] },
    cell: { quarter: '2025Q3', payerType: 'medicaid', entityType: 'dsh', expectedModifier: 'UD', billedModifier: 'UD', inventory: '340b' },
  },
  {
    name: 'Medicaid carve-in, "TB UD": UD not first -> modifier wrong',
    facility: medicaidFac({ carve: 'in', modifier: 'UD', position: 'first' }),
    dose: { date: '2025-07-15', payer: IL_MEDICAID, mods: ['TB', 'UD'], stock: ['340b'] },
    cell: { quarter: '2025Q3', payerType: 'medicaid', entityType: 'dsh', expectedModifier: 'UD', billedModifier: 'TB+UD', inventory: '340b' },
    exceptions: { modifierWrong: 1 },
  },
  {
    name: 'Medicaid carve-in with a non-340B modifier (Maine-style UC): WAC stock expects UC',
    facility: medicaidFac({ carve: 'in', modifier: 'JG', non340bModifier: 'UC' }),
    dose: { date: '2023-07-18', payer: IL_MEDICAID, stock: ['wac'] },
    cell: { quarter: '2023Q3', payerType: 'medicaid', entityType: 'dsh', expectedModifier: 'UC', billedModifier: 'none', inventory: 'non-340b' },
    exceptions: { modifierWrong: 1 },
  },
  {
    name: 'Medicaid carve-out, 340B dose: duplicate discount (worked example 8)',
    facility: medicaidFac({ carve: 'out' }),
    dose: { date: '2025-05-20', payer: IL_MEDICAID, drug: 'imfinzi', stock: ['340b'] },
    cell: { quarter: '2025Q2', payerType: 'medicaid', entityType: 'dsh', expectedModifier: 'none', billedModifier: 'none', inventory: '340b' },
    exceptions: { duplicateDiscount: 1 },
  },
  {
    name: 'Medicaid with no medicaid340b policy: unconfigured',
    facility: medicaidFac(),
    dose: { date: '2024-10-01', payer: OH_MEDICAID, stock: ['340b'] },
    cell: { quarter: '2024Q4', payerType: 'medicaid', entityType: 'dsh', expectedModifier: 'unconfigured', billedModifier: 'none', inventory: '340b' },
  },
];

describe('Review340bCounter: one dose per case', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { result } = await review(c.facility ?? dsh, dose(c.dose));
      expect(result.cells.map(dims)).toEqual([c.cell]);
      expect(result.drugLines).toBe(1);
      expect(result.byInventory[c.cell.inventory]).toBe(1);
      expect(result.exceptions).toEqual({ ...zero(), ...c.exceptions });
      const cell = result.cells[0] as Review340bCell;
      expect(cell.lines).toBe(1);
      expect(cell.payer).toBe(c.dose.payer ?? MEDICARE);
    });
  }
});

describe('Review340bCounter: measures and cells', () => {
  it('adds lines of one combination into one cell, across encounters; other payers and quarters get their own', async () => {
    const encs = [
      ...dose({ date: '2025-11-04', mods: ['TB'], stock: ['340b'], claim: { charge: 1000 } }),
      ...dose({ date: '2025-12-09', mods: ['TB'], stock: ['340b'], claim: { charge: 250.5 } }),
      ...dose({ date: '2025-12-09', payer: MA, mods: ['TB'], stock: ['340b'], claim: { charge: 10 } }),
      ...dose({ date: '2026-01-06', mods: ['TB'], stock: ['340b'] }),
    ];
    const { result } = await review(dsh, encs);
    expect(result.cells.map((c) => [c.quarter, c.payer, c.lines, c.units, c.charges])).toEqual([
      ['2025Q4', MEDICARE, 2, 400, 1250.5],
      ['2025Q4', MA, 1, 200, 10],
      ['2026Q1', MEDICARE, 1, 200, 0],
    ]);
    expect(result.drugLines).toBe(4);
  });

  it('estimated allowed = units x P of the quarter; absent (and counted unpriced) when that ASP release is not loaded', async () => {
    const rules = await builtinRules();
    const p = drugPrice(rules, 'J9271', '2025-11-04', 'medicare');
    expect(p?.perUnit).toBeGreaterThan(0);
    const { result } = await review(dsh, [...dose({ date: '2025-11-04', mods: ['TB'], stock: ['340b'] }), ...dose({ date: '2025-04-08', mods: ['TB'], stock: ['340b'] })]);
    const [q2, q4] = result.cells;
    expect(q2?.quarter).toBe('2025Q2');
    expect(q2?.estimatedAllowed).toBeUndefined();
    expect(q2?.unpricedLines).toBe(1);
    expect(q4?.quarter).toBe('2025Q4');
    expect(q4?.estimatedAllowed).toBeCloseTo(200 * (p?.perUnit ?? 0), 2);
    expect(q4?.unpricedLines).toBeUndefined();
  });

  it('a JW line is a drug line of its own, with the stock of its administered line', async () => {
    const { result } = await review(dsh, dose({ date: '2025-04-08', mods: ['JZ'], jw: ['TB'], stock: ['340b'] }));
    expect(result.drugLines).toBe(2);
    expect(result.cells.map((c) => [c.billedModifier, c.inventory, c.lines, c.units])).toEqual([
      ['TB', '340b', 1, 2],
      ['none', '340b', 1, 200],
    ]);
  });

  it("amountAtRisk: the encounter's 340b findings on a line land in its cell; other categories, other lines and an earlier encounter's do not", async () => {
    const rules = await builtinRules();
    const counter = new Review340bCounter(rules, dsh, new PayerResolver(dsh));
    const [first] = dose({ date: '2025-03-04', mods: ['JG'], stock: ['340b'] });
    const [enc] = dose({ date: '2025-04-08', mods: ['JG'], stock: ['340b'] });
    counter.noteFinding({ ruleId: '340b.wrong', category: '340b', claimId: 'C1001', line: '1', amountAtRisk: 99 });
    counter.add(first as Encounter);
    const findings: ReviewFinding[] = [
      { ruleId: '340b.wrong', category: '340b', claimId: 'C1001', line: '1', amountAtRisk: 12.34 },
      { ruleId: '340b.mixed', category: '340b', claimId: 'C1001', line: '1', amountAtRisk: 0.66 },
      { ruleId: 'units.over', category: 'units', claimId: 'C1001', line: '1', amountAtRisk: 500 },
      { ruleId: '340b.wrong', category: '340b', claimId: 'C1001', line: '7', amountAtRisk: 1000 },
    ];
    for (const f of findings) counter.noteFinding(f);
    counter.add(enc as Encounter);
    const r = counter.result();
    expect(r.cells.map((c) => [c.quarter, c.amountAtRisk])).toEqual([
      ['2025Q1', 99],
      ['2025Q2', 13],
    ]);
    expect(r.exceptions).toEqual({ ...zero(), modifierWrong: 3, mixed: 1 });
  });

  it('no drug line: the same shape, every count 0 and no cell', async () => {
    const { result } = await review(dsh, dose({ date: '2025-04-08', claim: { code: '96413', ndc: undefined }, stock: ['340b'] }));
    expect(result).toEqual({
      drugLines: 0,
      byInventory: { '340b': 0, 'non-340b': 0, mixed: 0, bag: 0, unknown: 0 },
      exceptions: zero(),
      cells: [],
    });
  });

  it('sorts cells by quarter, payer type, payer, entity, modifiers, then inventory in report order', async () => {
    const encs = [
      ...dose({ date: '2025-04-08', stock: [] }),
      ...dose({ date: '2025-04-08', stock: ['wac'] }),
      ...dose({ date: '2025-04-08', stock: ['340b'], mods: ['TB'] }),
      ...dose({ date: '2024-04-08', payer: COMMERCIAL, stock: ['340b'] }),
      ...dose({ date: '2024-04-08', payer: MEDICAID, stock: ['340b'] }),
    ];
    const { result } = await review(dsh, encs);
    expect(result.cells.map((c) => `${c.quarter} ${c.payerType} ${c.expectedModifier}/${c.billedModifier} ${c.inventory}`)).toEqual([
      '2024Q2 commercial none/none 340b',
      '2024Q2 medicaid unconfigured/none 340b',
      '2025Q2 medicare TB/TB 340b',
      '2025Q2 medicare none/none non-340b',
      '2025Q2 medicare unknown/none unknown',
    ]);
  });
});

describe('billedModifier', () => {
  const medicare = new PayerResolver(fac('dsh')).resolve(MEDICARE);
  const ilPayer = new PayerResolver(medicaidFac({ carve: 'in', modifier: 'UD', non340bModifier: 'UC' })).resolve(IL_MEDICAID);
  const rows: [string[], ResolvedPayer, string][] = [
    [[], medicare, 'none'],
    [['JZ', 'PN'], medicare, 'none'],
    [['TB'], medicare, 'TB'],
    [['JG', 'TB'], medicare, 'JG+TB'],
    [['TB', 'TB'], medicare, 'TB'],
    [['UD'], medicare, 'none'],
    [['UD', 'TB'], ilPayer, 'UD+TB'],
    [['UC'], ilPayer, 'UC'],
  ];
  for (const [mods, payer, want] of rows) {
    it(`${mods.join(' ') || '(none)'} for ${payer.type}: ${want}`, () => {
      expect(billedModifier(claim({ modifiers: mods }), payer)).toBe(want);
    });
  }
});

describe('report.json summary.review340b (the whole run)', () => {
  const FACILITY = 'name: Test Infusion Center\nsetting: hopd\nentity_340b: dsh\npayers:\n  - match: Medicare\n    type: medicare\n';
  const CLAIMS_HEAD = 'claim_id,line,patient_id,service_date,payer,code,modifiers,units,charge,ndc';

  async function audit(files: Record<string, string>): Promise<{ summary: Record<string, unknown> }> {
    const dir = mkdtempSync(join(tmpdir(), 'ia-review-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const out = join(dir, 'out');
      await runAudit({ dir, rules: [], out, formats: new Set(['json']), redact: false });
      return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { summary: Record<string, unknown> };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('is added after the existing summary fields; a dispense of DOS - 1 linked by patient makes the line 340B', async () => {
    const report = await audit({
      'facility.yaml': FACILITY,
      'claims.csv': `${CLAIMS_HEAD}\nC1,1,P1,2025-11-04,Medicare,96413,,1,400,\nC1,2,P1,2025-11-04,Medicare,J9271,"JZ,TB",200,9000,00006-3026-02\n`,
      'dispense.csv': 'dispense_id,patient_id,dispense_date,ndc,quantity,inventory\nD1,P1,2025-11-03,00006302602,2,340b\n',
    });
    const keys = Object.keys(report.summary);
    expect(keys.slice(0, 5)).toEqual(['encounters', 'claimLines', 'exceptions', 'bySeverity', 'byCategory']);
    expect(keys[keys.length - 1]).toBe('review340b');
    const rv = report.summary['review340b'] as Review340b;
    expect(rv.drugLines).toBe(1);
    expect(rv.exceptions).toEqual(zero());
    expect(rv.cells).toHaveLength(1);
    const c = rv.cells[0] as Review340bCell;
    expect(Object.keys(c)).toEqual(['quarter', 'payerType', 'payer', 'entityType', 'expectedModifier', 'billedModifier', 'inventory', 'lines', 'units', 'charges', 'estimatedAllowed', 'amountAtRisk']);
    expect(c).toMatchObject({ quarter: '2025Q4', payerType: 'medicare', payer: 'Medicare', entityType: 'dsh', expectedModifier: 'TB', billedModifier: 'TB', inventory: '340b', lines: 1, units: 200, charges: 9000, amountAtRisk: 0 });
    expect(c.estimatedAllowed).toBeGreaterThan(0);
  });

  it('no drug line: the same block, every count 0 and no cell', async () => {
    const report = await audit({ 'facility.yaml': FACILITY, 'claims.csv': `${CLAIMS_HEAD}\nC1,1,P1,2025-11-04,Medicare,96413,,1,400,\n` });
    expect(report.summary['review340b']).toEqual({
      drugLines: 0,
      byInventory: { '340b': 0, 'non-340b': 0, mixed: 0, bag: 0, unknown: 0 },
      exceptions: zero(),
      cells: [],
    });
  });
});
