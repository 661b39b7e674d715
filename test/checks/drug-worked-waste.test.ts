/**
 * shared/domain/drug-billing.md worked examples #1, #3, #4 and #9 through every `waste` check: the
 * expected billing raises nothing, the example's wrong billing raises exactly the finding and amount
 * the note gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import type { CheckContext, Encounter } from '../../src/checks/types.js';
import { PayerResolver, RuleSet, builtinRulesDir, type Facility } from '../../src/rules/index.js';
import { AETNA, aetnaRequired, facility, visit } from './waste-fixtures.js';

const WASTE = CHECKS.filter((c) => c.category === 'waste');

let client: string;
let rules: RuleSet;
beforeAll(async () => {
  // Example 3's bortezomib vial: the catalog says container `unknown` for J9041 and the shipped
  // ndc-containers table lists only codes that mix both, so the example's single-dose vial is added
  // the way a client would (merge: append).
  client = mkdtempSync(join(tmpdir(), 'ia-waste-client-'));
  writeFileSync(
    join(client, 'ndc-containers.yaml'),
    [
      'id: ndc-containers',
      'version: client-1',
      'effectiveFrom: 2000-01-01',
      'effectiveTo: null',
      'description: bortezomib 3.5 mg single-dose vial of worked example 3',
      'sources:',
      '  - title: shared/domain/drug-billing.md worked example 3',
      'merge: append',
      'mergeKey: [ndc]',
      'data:',
      '  - { ndc: "00143-9098-01", hcpcs: J9041, container: single-dose, package: "bortezomib 3.5 mg single-dose vial", source: "worked example 3" }',
      '',
    ].join('\n'),
  );
  rules = await RuleSet.load([builtinRulesDir(), client]);
});
afterAll(() => rmSync(client, { recursive: true, force: true }));

function audit(encounters: Encounter[], fac: Facility = facility) {
  const out: { ruleId: string; severity: string; amountAtRisk?: number; direction?: string; expected?: string; line?: string }[] = [];
  for (const check of WASTE) {
    const ctx: CheckContext = {
      rules,
      facility: fac,
      payers: new PayerResolver(fac),
      auths: [],
      today: '2026-01-15',
      report: (f) => {
        const r: (typeof out)[number] = { ruleId: check.id, severity: f.severity ?? check.severity };
        if (f.amountAtRisk !== undefined) r.amountAtRisk = f.amountAtRisk;
        if (f.direction !== undefined) r.direction = f.direction;
        if (f.expected !== undefined) r.expected = f.expected;
        if (f.line !== undefined) r.line = f.line;
        out.push(r);
      },
    };
    for (const e of encounters) check.perEncounter?.(e, ctx);
  }
  return out;
}

describe('worked example 1: Privigen J1459, 27.2 g from 3 x 10 g, waste 2.8 g, Medicare 2025-11-18', () => {
  const privigen = (lines: [string, number, string[], string?][]) => visit({ date: '2025-11-18', lines, mar: [['J1459', 27.2, 'g', 2.8]] });
  it('J1459 x 55 + J1459-JW x 5: no waste finding', () => {
    expect(audit(privigen([['J1459', 55, [], '44206-0437-10'], ['J1459', 5, ['JW'], '44206-0437-10']]))).toEqual([]);
  });
  it('J1459-JZ x 55: waste.jz-with-waste error, $253.69', () => {
    expect(audit(privigen([['J1459', 55, ['JZ'], '44206-0437-10']]))).toEqual([
      { ruleId: 'waste.jz-with-waste', severity: 'error', amountAtRisk: 253.69, direction: 'under', expected: 'J1459 x 55 + J1459-JW x 5', line: '1' },
    ]);
  });
});

describe('worked example 3: bortezomib J9041, 2.431 mg from a 3.5 mg vial, 2025-11-13', () => {
  const bortezomib = (lines: [string, number, string[], string?][], payer?: string) =>
    visit({ date: '2025-11-13', lines, mar: [['J9041', 2.431, 'mg', 1.069]], ...(payer ? { payer } : {}) });
  it('Medicare J9041 x 25 (SI N): nothing', () => {
    expect(audit(bortezomib([['J9041', 25, [], '00143-9098-01']]))).toEqual([]);
  });
  it('Medicare J9041-JZ: nothing (JZ on SI N is ignored)', () => {
    expect(audit(bortezomib([['J9041', 25, ['JZ'], '00143-9098-01']]))).toEqual([]);
  });
  it('commercial with jwjz: required: J9041 x 25 + J9041-JW x 10 is right', () => {
    expect(audit(bortezomib([['J9041', 25, [], '00143-9098-01'], ['J9041', 10, ['JW'], '00143-9098-01']], AETNA), aetnaRequired)).toEqual([]);
  });
  it('commercial with jwjz: required, J9041 x 25 alone: waste.jw-missing, JW x 10 (estimate $27.91)', () => {
    expect(audit(bortezomib([['J9041', 25, [], '00143-9098-01']], AETNA), aetnaRequired)).toEqual([
      { ruleId: 'waste.jw-missing', severity: 'error', amountAtRisk: 27.91, direction: 'under', expected: 'J9041 x 25 + J9041-JW x 10', line: '1' },
    ]);
  });
});

describe('worked example 4: Trazimera Q5116, 360 mg from one 420 mg multiple-dose vial, Medicare 2025-12-02', () => {
  const trazimera = (lines: [string, number, string[], string?][]) => visit({ date: '2025-12-02', lines, mar: [['Q5116', 360, 'mg', 60]] });
  it('Q5116 x 36, no JW/JZ: nothing', () => {
    expect(audit(trazimera([['Q5116', 36, [], '00069-0305-01']]))).toEqual([]);
  });
  it('+ Q5116-JW x 6: waste.jw-not-allowed error, $167.95', () => {
    expect(audit(trazimera([['Q5116', 36, [], '00069-0305-01'], ['Q5116', 6, ['JW'], '00069-0305-01']]))).toEqual([
      { ruleId: 'waste.jw-not-allowed', severity: 'error', amountAtRisk: 167.95, direction: 'over', expected: 'Q5116 x 36, no JW/JZ', line: '2' },
    ]);
  });
});

describe('worked example 9: Adcetris J9042, 135 mg from 3 x 50 mg, Medicare 2025-12-16', () => {
  const adcetris = (lines: [string, number, string[], string?][], wasted?: number) => visit({ date: '2025-12-16', lines, mar: [['J9042', 135, 'mg', wasted]] });
  it('J9042 x 135 + J9042-JW x 15: nothing', () => {
    expect(audit(adcetris([['J9042', 135, [], '51144-0050-01'], ['J9042', 15, ['JW'], '51144-0050-01']], 15))).toEqual([]);
  });
  it('J9042 x 135 alone, MAR waste 15 mg: waste.jw-missing error, $3,879.60', () => {
    expect(audit(adcetris([['J9042', 135, [], '51144-0050-01']], 15))).toEqual([
      { ruleId: 'waste.jw-missing', severity: 'error', amountAtRisk: 3879.6, direction: 'under', expected: 'J9042 x 135 + J9042-JW x 15', line: '1' },
    ]);
  });
  it('J9042 x 135 alone, MAR waste blank: waste.undocumented warning, $34,916.40', () => {
    const got = audit(adcetris([['J9042', 135, [], '51144-0050-01']]));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ ruleId: 'waste.undocumented', severity: 'warning', amountAtRisk: 34916.4, direction: 'denial', line: '1' });
  });
});
