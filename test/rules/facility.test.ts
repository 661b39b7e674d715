import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  PayerResolver,
  RuleSet,
  builtinRulesDir,
  defaultFacility,
  defaultPolicy,
  entity340bOn,
  loadFacility,
  parseFacilityText,
  severityOverride,
} from '../../src/rules/index.js';
import type { Facility, PayerType, RuleProblem } from '../../src/rules/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = resolve(here, '../fixtures/rules/facility');
const fx = (name: string) => join(dir, name);

async function configError(p: Promise<unknown>): Promise<ConfigError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('loadFacility', () => {
  it('reads every documented key', async () => {
    const f = await loadFacility(fx('full.yaml'));
    expect(f.name).toBe('Example Cancer Center');
    expect(f.setting).toBe('hopd');
    expect(f.payers.map((p) => p.type)).toEqual(['medicare_advantage', 'commercial', 'medicare', 'medicaid', 'commercial']);
    expect(f.rules).toEqual({ 'ndc-format': '1' });
    expect(f.severity).toEqual({ 'ndc.malformed': 'warning', 'input.duplicate-line': 'off', waste: 'info' });
    expect(f.chargeCapture).toBe('administration');
    expect(f.file).toBe(fx('full.yaml'));
    expect(f.payers[1]?.line).toBe(10);
  });

  it('an empty file gives the defaults', async () => {
    const f = await loadFacility(fx('empty.yaml'));
    const d = defaultFacility();
    expect({ ...f, file: undefined }).toEqual({ ...d, file: undefined });
    expect(d.setting).toBe('hopd');
    expect(entity340bOn(d, '2025-01-01')).toBe('none');
    expect(d.payers).toEqual([]);
    expect(new PayerResolver(d).resolve('Anything').type).toBe('other');
  });

  it('accepts a single entity type, an office setting and numeric pins', async () => {
    const f = await loadFacility(fx('single-entity.yaml'));
    expect(f.setting).toBe('office');
    expect(entity340bOn(f, '1999-01-01')).toBe('cah');
    expect(f.rules).toEqual({ 'noc-codes': '1' });
  });

  it('names the key path and line of an unknown key', async () => {
    const e = await configError(loadFacility(fx('unknown-key.yaml')));
    expect(e.path).toBe('payers[1].policy.ndcc');
    expect(e.line).toBe(8);
    expect(e.detail).toMatch(/^unknown key "ndcc" \(did you mean "ndc"\?\); allowed: ndc, jwjz, mue, modifiers340b, medicaid340b, bag, priorAuth/);
    expect(e.message).toMatch(/unknown-key\.yaml:8: payers\[1\]\.policy\.ndcc: unknown key/);

    const top = await configError(loadFacility(fx('unknown-top.yaml')));
    expect([top.path, top.line]).toEqual(['entity340b', 2]);
    expect(top.detail).toMatch(/did you mean "entity_340b"/);
  });

  it('rejects bad values with their path', async () => {
    const e = await configError(loadFacility(fx('bad-values.yaml')));
    expect([e.path, e.line]).toEqual(['setting', 1]);
    expect(e.detail).toMatch(/expected one of "hopd"\|"office"/);
  });

  it('rejects an invalid regular expression at load', async () => {
    const e = await configError(loadFacility(fx('bad-regex.yaml')));
    expect([e.path, e.line]).toEqual(['payers[0].match', 2]);
    expect(e.detail).toMatch(/invalid regular expression/);
  });

  it('rejects overlapping 340B periods and unknown severity keys', async () => {
    const e = await configError(loadFacility(fx('overlap-340b.yaml')));
    expect(e.path).toBe('entity_340b[1]');
    expect(e.detail).toMatch(/overlaps entry 1/);
    const s = await configError(loadFacility(fx('bad-severity.yaml')));
    expect(s.path).toBe('severity.wastes');
    expect(s.detail).toMatch(/neither a rule id/);
  });

  it.each([
    ['entity_340b: [{ type: dsh, from: 2020-01-01, note: x }]\n', 'entity_340b[0].note', 1, /unknown key "note"; allowed: type, from, to/],
    ['entity_340b: dhs\n', 'entity_340b', 1, /expected one of "none"\|"dsh"/],
    ['entity_340b: [{ type: dsh, from: 2020-01-01, to: 2019-01-01 }]\n', 'entity_340b[0].to', 1, /before from/],
    [
      'payers:\n  - match: IL Medicaid\n    type: medicaid\n    policy:\n      medicaid340b: { carv: in }\n',
      'payers[0].policy.medicaid340b.carv',
      5,
      /unknown key "carv" \(did you mean "carve"\?\)/,
    ],
    ['payers:\n  - match: X\n    type: commercial\n    policy: { bag: { drugLine: paper } }\n', 'payers[0].policy.bag.drugLine', 4, /expected one of/],
    ['payers:\n  - match: X\n    type: commercial\n    policy: { siteOfCare: everywhere }\n', 'payers[0].policy.siteOfCare', 4, /auto, none or a list/],
    ['payers:\n  - type: commercial\n', 'payers[0].match', 2, /required/],
    ['severity: { ndc.malformed: loud }\n', 'severity["ndc.malformed"]', 1, /expected one of "error"/],
    ['- a\n- b\n', undefined, 1, /must be a mapping/],
    ['name: [unclosed\n', undefined, 2, /^YAML syntax/],
  ])('%j -> %s', (text, path, line, message) => {
    const problems: RuleProblem[] = [];
    expect(parseFacilityText(text, 'facility.yaml', problems)).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'facility.yaml', line, level: 'error', ...(path ? { path } : {}) });
    if (!path) expect(problems[0]?.path).toBeUndefined();
    expect(problems[0]?.message).toMatch(message);
  });

  it('a missing file is a ConfigError naming it', async () => {
    const e = await configError(loadFacility(fx('nope.yaml')));
    expect(basename(e.file)).toBe('nope.yaml');
    expect(e.detail).toMatch(/ENOENT/);
  });
});

describe('entity340bOn', () => {
  it.each([
    ['2017-12-31', 'none'],
    ['2018-01-01', 'dsh'],
    ['2024-12-31', 'dsh'],
    ['2025-01-01', 'rural_sch'],
    ['2031-06-01', 'rural_sch'],
  ])('on %s the designation is %s', async (date, type) => {
    const f = await loadFacility(fx('full.yaml'));
    expect(entity340bOn(f, date)).toBe(type);
  });
});

describe('PayerResolver', () => {
  it.each<[string, PayerType, number | undefined]>([
    ['Aetna Medicare Advantage HMO', 'medicare_advantage', 0], // listed before "Aetna": first entry wins
    ['AETNA MEDICARE  ADVANTAGE', 'medicare_advantage', 0], // case and spacing
    ['Aetna Choice POS II', 'commercial', 1],
    ['Medicare', 'medicare', 2], // regex, anchored
    ['medicare part b', 'medicare', 2], // regexes are case-insensitive too
    ['Medicare Part A Crossover', 'other', undefined], // anchored regex does not match
    ['Illinois Medicaid FFS', 'medicaid', 3],
    ['Blue Cross Blue Shield of Illinois', 'commercial', 4],
    ['BCBS TX', 'commercial', 4],
    ['Cigna', 'other', undefined],
  ])('%s -> %s', async (name, type, index) => {
    const r = new PayerResolver(await loadFacility(fx('full.yaml')));
    const got = r.resolve(name);
    expect([got.type, got.entry?.index]).toEqual([type, index]);
  });

  it('reports unmatched names once each, sorted, and caches results', async () => {
    const r = new PayerResolver(await loadFacility(fx('full.yaml')));
    for (const n of ['Cigna', 'Humana', 'cigna', ' Cigna ', 'Aetna', 'Humana', '']) r.resolve(n);
    expect(r.unmatched()).toEqual(['Cigna', 'Humana']);
    expect(r.resolve('Aetna')).toBe(r.resolve('Aetna'));
  });

  it('fills each policy with the payer type defaults under the keys written', async () => {
    const f = await loadFacility(fx('full.yaml'));
    const r = new PayerResolver(f);
    const aetna = r.resolve('Aetna').policy;
    expect(aetna).toMatchObject({ ndc: 'required', bag: { drugLine: 'none' }, priorAuth: 'listed', siteOfCare: ['aetna-soc'], jwjz: 'not-required' });
    const il = r.resolve('Illinois Medicaid');
    expect(il.policy.medicaid340b).toEqual({ carve: 'in', modifier: 'UD', position: 'first', non340bModifier: null, managedCare: false });
    expect(il.entry?.policyInput).toEqual({
      ndc: 'required',
      jwjz: 'not-required',
      medicaid340b: { carve: 'in', modifier: 'UD', position: 'first', non340bModifier: null, managedCare: false },
    });
    const bcbs = r.resolve('BCBS').policy;
    expect(bcbs.opdPaExempt).toEqual([{ from: '2024-01-01', to: '2024-06-30' }]);
    expect(bcbs.authDoseTolerance).toBe(0.2);
    expect(bcbs.renewalLeadDays).toBe(30);
    expect(r.resolve('Medicare').policy).toEqual(defaultPolicy('medicare'));
  });

  it.each<[PayerType, string, string, string, string, string, string]>([
    // type, ndc, jwjz, mue, modifiers340b, priorAuth, siteOfCare
    ['medicare', 'not-required', 'required', 'medicare', 'medicare', 'listed', 'none'],
    ['medicare_advantage', 'expected', 'not-required', 'none', 'medicare-warn', 'specialty', 'none'],
    ['medicaid', 'required', 'not-required', 'none', 'none', 'specialty', 'none'],
    ['commercial', 'expected', 'not-required', 'none', 'none', 'specialty', 'auto'],
    ['other', 'not-required', 'not-required', 'none', 'none', 'none', 'none'],
  ])('default policy for %s', (type, ndc, jwjz, mue, m340b, pa, soc) => {
    const p = defaultPolicy(type);
    expect([p.ndc, p.jwjz, p.mue, p.modifiers340b, p.priorAuth, p.siteOfCare]).toEqual([ndc, jwjz, mue, m340b, pa, soc]);
    expect(p.bag).toEqual({ drugLine: 'any' });
    expect(p.medicaid340b).toBeUndefined();
    expect([p.authCountsWaste, p.authDoseTolerance, p.renewalLeadDays, p.siteOfCareLookbackDays]).toEqual([true, 0.1, 30, 90]);
  });

  it('a hand-built facility with an invalid regex throws a ConfigError', () => {
    const f: Facility = { ...defaultFacility(), payers: [{ match: '/[/', type: 'other', policy: defaultPolicy('other'), policyInput: {}, index: 0 }] };
    expect(() => new PayerResolver(f)).toThrow(ConfigError);
  });
});

describe('severity overrides and pins', () => {
  it('rule id beats category', async () => {
    const f = await loadFacility(fx('full.yaml'));
    expect(severityOverride(f, 'ndc.malformed', 'ndc')).toBe('warning');
    expect(severityOverride(f, 'input.duplicate-line', 'input')).toBe('off');
    expect(severityOverride(f, 'waste.jw-missing', 'waste')).toBe('info');
    expect(severityOverride(f, 'units.over', 'units')).toBeUndefined();
  });

  it('facility pins feed RuleSet.load', async () => {
    const f = await loadFacility(fx('full.yaml'));
    const set = await RuleSet.load([builtinRulesDir()], { pins: f.rules, pinsFile: f.file });
    expect(set.get('ndc-format', '2034-01-01')?.version).toBe('1');
  });
});
