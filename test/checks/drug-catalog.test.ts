import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleSet, builtinRulesDir } from '../../src/rules/index.js';
import { drugCatalogSchema, drugNames, nameKey, type DrugCatalogData } from '../../src/rules/drug-schemas.js';
import { DrugCatalog, catalogFor, matchClass, resolveDrug, type DrugMatch } from '../../src/checks/drug/catalog.js';
import { builtinRules } from './harness.js';

async function catalog(date = '2025-10-06'): Promise<DrugCatalog> {
  const c = catalogFor(await builtinRules(), date);
  if (!c) throw new Error('no drug-catalog in force');
  return c;
}

/** What a match comes to: one code, a sorted list of codes, or none. */
function codes(m: DrugMatch): string | string[] {
  if (m.match === 'one') return m.drug.hcpcs;
  if (m.match === 'several') return m.drugs.map((d) => d.hcpcs).sort();
  return 'none';
}

const SALINE = ['J7030', 'J7040', 'J7050'];
const D5W = ['J7060', 'J7070'];
const IVIG = ['J1459', 'J1561', 'J1568', 'J1569'];

/** drug text (and charted code) -> expected HCPCS, sorted list for several, or 'none' */
const CASES: [text: string, expected: string | string[], code?: string][] = [
  // plain generics and brands, any case
  ['pembrolizumab', 'J9271'],
  ['KEYTRUDA', 'J9271'],
  ['pembrolizumab (Keytruda)', 'J9271'],
  ['nivolumab (Opdivo) 480 mg IV', 'J9299'],
  ['Opdivo 240mg', 'J9299'],
  ['carboplatin AUC 5 in D5W 250 mL', 'J9045'],
  ['oxaliplatin 85 mg/m2 in D5W 500 mL', 'J9263'],
  // diluents never win
  ['Keytruda 200 mg in NS 100 mL', 'J9271'],
  ['pembrolizumab 200 mg in 0.9% sodium chloride 100 mL', 'J9271'],
  ['ondansetron 8 mg in NS 50 mL IVPB', 'J2405'],
  ['Keytruda 200 mg/NS 100 mL', 'J9271'],
  ['NS 100 mL + ondansetron 16 mg', 'J2405'],
  ['unknowniximab 100 mg in NS 250 mL', 'none'],
  // hydration fluids
  ['NS', SALINE],
  ['normal saline 1000 mL', SALINE],
  ['Sodium Chloride 0.9% 500 mL', SALINE],
  ['sodium chloride 0.9% 500 mL', 'J7040', 'J7040'],
  ['0.9% NaCl bolus', SALINE],
  ['D5W', D5W],
  ['dextrose 5% in water 500 mL', D5W],
  ['D5NS 1000 mL', 'J7042'],
  ['lactated Ringer\'s 1000 mL', 'J7120'],
  ['LR', 'J7120'],
  ['0.45% sodium chloride 1000 mL', 'none'],
  ['1/2 NS 1000 mL', 'none'],
  ['dextrose 50% 25 g IV push', 'none'],
  // salts and chemical names
  ['ondansetron HCl 8 mg', 'J2405'],
  ['Ondansetron Hydrochloride', 'J2405'],
  ['dexamethasone sodium phosphate 12 mg', 'J1100'],
  ['leucovorin calcium 400 mg/m2', 'J0640'],
  ['vancomycin HCl 1 g', 'J3373'],
  ['doxorubicin hydrochloride 50 mg', 'J9000'],
  ['methylprednisolone sodium succinate 125 mg', 'J2919'],
  // abbreviations
  ['5-FU 400 mg/m2 bolus', 'J9190'],
  ['5FU 2400 mg/m2 CADD pump', 'J9190'],
  ['5 FU', 'J9190'],
  ['VP-16', 'J9181'],
  // biosimilars and reference products
  ['infliximab-dyyb', 'Q5103'],
  ['Infliximab-dyyb (Inflectra) 5 mg/kg', 'Q5103'],
  ['Inflectra', 'Q5103'],
  ['infliximab', ['J1745', 'Q5103']],
  ['infliximab (Remicade)', 'J1745'],
  ['infliximab-abda (Renflexis)', 'none'],
  ['infliximab-axxq', 'none'],
  ['rituximab', ['J9312', 'Q5115']],
  ['rituximab-abbs (Truxima)', 'Q5115'],
  ['trastuzumab-qyyp', 'Q5116'],
  ['bevacizumab-awwb (Mvasi)', 'Q5107'],
  ['pegfilgrastim-jmdb', 'none'],
  ['ado-trastuzumab emtansine', 'none'],
  ['fam-trastuzumab deruxtecan-nxki', 'none'],
  ['trastuzumab deruxtecan', 'none'],
  // same molecule, another product
  ['Darzalex Faspro 1800 mg SC', 'none'],
  ['daratumumab and hyaluronidase-fihj', 'none'],
  ['Darzalex 1800 mg', 'J9145'],
  ['Herceptin Hylecta', 'none'],
  ['doxorubicin liposomal (Doxil)', 'none'],
  ['paclitaxel protein-bound (Abraxane) 125 mg/m2', 'J9264'],
  ['nab-paclitaxel', 'J9264'],
  ['paclitaxel 175 mg/m2', 'J9267'],
  ['levoleucovorin 200 mg/m2', 'none'],
  ['methylprednisolone acetate 80 mg', 'none'],
  // IVIG brands share the molecule
  ['IVIG 10% 40 g', IVIG],
  ['immune globulin 10% (Privigen)', 'J1459'],
  ['Gamunex-C 35 g', 'J1561'],
  ['Gammagard Liquid', 'J1569'],
  // one code, two brands
  ['Prolia 60 mg', 'J0897'],
  ['Reclast 5 mg', 'J3489'],
  // a charted code wins over the name when it is a catalog code
  ['pembrolizumab', 'J9299', 'J9299'],
  ['infliximab', 'Q5103', 'q5103'],
  ['infliximab', ['J1745', 'Q5103'], 'J3590'],
  ['mystery drug', 'J9271', 'J9271'],
  // typos and unknown drugs never match
  ['pembrolizumob', 'none'],
  ['keytrudah', 'none'],
  ['ritux', 'none'],
  ['onadnsetron 8 mg', 'none'],
  ['carbo', 'none'],
  ['heparin 500 units flush', 'none'],
  ['', 'none'],
  ['200 mg', 'none'],
  // two different drugs in one text: both, never one guess
  ['carboplatin/paclitaxel', ['J9045', 'J9267']],
];

describe('resolveDrug', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  for (const [text, want, code] of CASES) {
    it(`${JSON.stringify(text)}${code ? ` (code ${code})` : ''} -> ${JSON.stringify(want)}`, async () => {
      const c = await catalog();
      expect(codes(resolveDrug(text, c, code ? { code } : {}))).toEqual(want);
    });
  }

  it('hydration fluids resolve to the hydration class, even as a set', async () => {
    const c = await catalog();
    expect(matchClass(resolveDrug('normal saline', c))).toBe('hydration');
    expect(matchClass(resolveDrug('D5W 250 mL', c))).toBe('hydration');
    expect(matchClass(resolveDrug('Keytruda 200 mg in NS 100 mL', c))).toBe('chemo');
    expect(matchClass(resolveDrug('leucovorin', c))).toBe('therapeutic');
    expect(matchClass(resolveDrug('carboplatin/leucovorin', c))).toBeUndefined();
    expect(matchClass(resolveDrug('nothing known', c))).toBeUndefined();
  });

  it('gives the reason for none', async () => {
    const c = await catalog();
    expect(resolveDrug('', c)).toEqual({ match: 'none', reason: 'empty' });
    expect(resolveDrug('pembrolizumob', c)).toEqual({ match: 'none', reason: 'unknown' });
    expect(resolveDrug('infliximab-abda', c)).toEqual({ match: 'none', reason: 'other-product' });
    expect(resolveDrug('Darzalex Faspro', c)).toEqual({ match: 'none', reason: 'other-product' });
  });

  it('builds one index per table version and memoises texts', async () => {
    const rules = await builtinRules();
    const a = catalogFor(rules, '2025-10-06');
    const b = catalogFor(rules, '2026-03-01');
    expect(a).toBeDefined();
    expect(b).toBe(a);
    const first = a?.resolve('Keytruda 200 mg in NS 100 mL');
    expect(a?.resolve('Keytruda 200 mg in NS 100 mL')).toBe(first); // the same object: from the memo
  });

  it('accepts the table rows as well as an index', async () => {
    const rules = await builtinRules();
    const rows = rules.get<DrugCatalogData>('drug-catalog', '2025-10-06')?.data ?? [];
    expect(codes(resolveDrug('Opdivo', rows))).toBe('J9299');
    expect(codes(resolveDrug('Opdivo', new DrugCatalog(rows)))).toBe('J9299');
  });
});

describe('drug-catalog table', () => {
  it('loads, holds at least 79 drugs, and every row has a source', async () => {
    const c = await catalog();
    expect(c.drugs.length).toBeGreaterThanOrEqual(79);
    for (const d of c.drugs) {
      expect(d.source.length, d.hcpcs).toBeGreaterThan(10);
      if (d.container !== 'unknown') expect(d.containerSource, d.hcpcs).toBeDefined();
    }
  });

  it('has each HCPCS code once', async () => {
    const c = await catalog();
    const hcpcs = c.drugs.map((d) => d.hcpcs);
    expect(new Set(hcpcs).size).toBe(hcpcs.length);
  });

  it('no name maps to drugs of two different generic names', async () => {
    const c = await catalog();
    const generics = new Map<string, Set<string>>();
    for (const d of c.drugs) {
      for (const n of drugNames(d)) {
        const k = nameKey(n);
        const s = generics.get(k) ?? new Set<string>();
        s.add(d.generic);
        generics.set(k, s);
      }
    }
    for (const [k, s] of generics) expect([...s], `name "${k}"`).toHaveLength(1);
  });

  it('every row of the CSV validates with the registered schema', async () => {
    const dir = builtinRulesDir();
    const problems = await RuleSet.validate([dir]);
    expect(problems.filter((p) => p.file.includes('drug-catalog'))).toEqual([]);
    // the header row and 82 data rows, as read by the loader
    const text = readFileSync(join(dir, 'drugs', 'drug-catalog.csv'), 'utf8');
    expect(text.trim().split('\n').length - 1).toBe((await catalog()).drugs.length);
  });

  it('the schema rejects a name shared by two generics and a duplicate code', () => {
    const row = (hcpcs: string, generic: string, aliases: string) => ({
      hcpcs, generic, brands: '', aliases, unit_size: '1', unit: 'mg', up_to: 'no', container: 'unknown',
      admin_class: 'chemo', hormonal: 'no', routes: 'IV', strength: '', excludes: '', example_ndc: '',
      description: 'x', source: 'test source', container_source: '',
    });
    const clash = drugCatalogSchema.safeParse([row('J9271', 'pembrolizumab', 'PD 1'), row('J9299', 'nivolumab', 'pd-1')]);
    expect(clash.success).toBe(false);
    expect(JSON.stringify(clash.error?.issues)).toMatch(/also names pembrolizumab/);
    const dup = drugCatalogSchema.safeParse([row('J9271', 'pembrolizumab', ''), row('j9271', 'pembrolizumab', '')]);
    expect(JSON.stringify(dup.error?.issues)).toMatch(/duplicate hcpcs J9271/);
    const shared = drugCatalogSchema.safeParse([row('J1745', 'infliximab', ''), row('Q5103', 'infliximab', 'infliximab-dyyb')]);
    expect(shared.success).toBe(true);
  });

  it('admin classes follow the domain note', async () => {
    const c = await catalog();
    const cls = (code: string) => c.byHcpcs(code)?.adminClass;
    for (const code of ['J9271', 'J9045', 'J1745', 'Q5103', 'J9217']) expect(cls(code), code).toBe('chemo');
    for (const code of ['J0640', 'J9209', 'J2405', 'J1100', 'J1756', 'J1459', 'J2506', 'J0696']) expect(cls(code), code).toBe('therapeutic');
    for (const code of [...SALINE, ...D5W, 'J7042', 'J7120']) expect(cls(code), code).toBe('hydration');
  });
});
