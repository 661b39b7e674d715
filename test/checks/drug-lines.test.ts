import { describe, expect, it } from 'vitest';
import { doseInDrugUnit, drugAmount, drugPrice, isDrugLine, unitRange, unitsForDose, unitsForWaste } from '../../src/checks/drug/lines.js';
import { builtinRules, claim } from './harness.js';

const mg = (unitSize: number) => ({ unit: 'mg' as const, unitSize });

describe('doses in billing units (drug-billing.md section 2, exact decimals)', () => {
  it.each([
    [2.431, 'mg', 0.1, 25], // bortezomib: 24.31 -> 25
    [27.2, 'g', 500, 55], // Privigen 27.2 g / 500 mg = 54.4 -> 55
    [1280, 'mg', 10, 128], // Darzalex: exactly 128
    [25, 'mg', 50, 1], // J1200 up to 50 mg: 25 mg = 1
    [75, 'mg', 50, 2],
    [0.3, 'mg', 0.1, 3], // 0.1 * 3 / 0.1 is 3 in decimals, 4 in binary floats
    [600, 'mg', 1, 600],
    [0.05, 'mg', 0.1, 1], // a dose under one unit is one unit
    [500, 'mcg', 0.5, 1], // 0.5 mg = exactly one 0.5 mg unit
    [501, 'mcg', 0.5, 2],
  ])('%s %s with a %s mg unit = %s units', (dose, unit, size, want) => {
    const s = doseInDrugUnit(dose, unit, mg(size));
    expect(s).toBeDefined();
    expect(unitsForDose(s as number, mg(size))).toBe(want);
  });

  it('never converts across mass, volume and activity', () => {
    expect(doseInDrugUnit(10, 'mL', mg(10))).toBeUndefined();
    expect(doseInDrugUnit(1000, 'units', mg(10))).toBeUndefined();
    expect(doseInDrugUnit(10, 'tablets', mg(10))).toBeUndefined();
    expect(doseInDrugUnit(250, 'cc', { unit: 'mL' })).toBe(250_000_000);
  });

  it('waste rounds down (JW units): 2.8 g of a 500 mg code = 5, 15 mg of a 1 mg code = 15, 0.4 unit = 0', () => {
    expect(unitsForWaste(doseInDrugUnit(2.8, 'g', mg(500)) as number, mg(500))).toBe(5);
    expect(unitsForWaste(doseInDrugUnit(15, 'mg', mg(1)) as number, mg(1))).toBe(15);
    expect(unitsForWaste(doseInDrugUnit(4, 'mg', mg(10)) as number, mg(10))).toBe(0);
  });

  it('a range: min = ceil(sum / size), max = sum of ceil per administration', () => {
    expect(unitRange([{ dose: 15, doseUnit: 'mg' }, { dose: 15, doseUnit: 'mg' }], mg(10))).toEqual({ min: 3, max: 4, total: 30 });
    expect(unitRange([{ dose: 15, doseUnit: 'mg' }, { doseUnit: 'mg' }], mg(10))).toBeUndefined();
    expect(unitRange([], mg(10))).toBeUndefined();
  });
});

describe('drug lines and prices from the shipped packs', () => {
  it('a catalog, crosswalk or pricing code is a drug line; an administration code is not', async () => {
    const rules = await builtinRules();
    expect(isDrugLine(rules, claim({ code: 'J9271' }))).toBe(true);
    expect(isDrugLine(rules, claim({ code: 'J3490' }))).toBe(true);
    expect(isDrugLine(rules, claim({ code: '96413' }))).toBe(false);
  });

  it('Medicare SI N is packaged (no amount); other payers get the ASP price as an estimate', async () => {
    const rules = await builtinRules();
    const medicare = drugPrice(rules, 'J1200', '2025-12-09', 'medicare');
    expect(medicare?.si).toBe('N');
    expect(drugAmount(medicare, 24)).toBeUndefined();
    const commercial = drugPrice(rules, 'J1200', '2025-12-09', 'commercial');
    expect(commercial?.estimate).toBe(true);
    expect(drugAmount(commercial, 24)).toBeGreaterThan(0);
  });
});
