/**
 * Worked examples of shared/domain/drug-billing.md (P from Oct 2025, SI from Jan 2026), run through
 * every units and drug-code check: exactly the findings and amounts the note states.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import type { Encounter } from '../../src/checks/types.js';
import { runCheck, typedFacility } from './harness.js';
import { AETNA, disp, dose, drugLine, visit } from './units-fixtures.js';

const mine = CHECKS.filter((c) => (c.category === 'units' || c.category === 'drug-code') && c.id !== 'drug-code.unknown-drug');

async function findings(encounters: Encounter[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of mine) {
    for (const f of await runCheck(c, encounters, { facility: typedFacility() })) {
      out.push(`${c.id} ${f.severityResolved} ${f.expected ?? ''} ${f.amountAtRisk ?? '-'}`);
    }
  }
  return out.sort();
}

describe('drug-billing.md worked examples: units and drug-code findings', () => {
  const d2 = '2025-12-09';
  const benadryl = () => dose('diphenhydramine', 25, 'mg', d2);
  it('#2 J1200 25 mg: x1 clean; Medicare x25 units.over + units.mue ($0 packaged); commercial x25 units.over $18.12 estimate', async () => {
    expect(await findings(visit([drugLine('J1200', 1, d2, { ndc: '00641-0376-25', ndcQuantity: 1, ndcUnit: 'UN' })], [benadryl()]))).toEqual([]);
    expect(await findings(visit([drugLine('J1200', 25, d2)], [benadryl()]))).toEqual([
      'units.mue error J1200 at most x8 per date of service; the MAR supports x1 -',
      'units.over error J1200 x1 -',
    ]);
    expect(await findings(visit([drugLine('J1200', 25, d2, { payer: AETNA })], [benadryl()]))).toEqual(['units.over error J1200 x1 18.12']);
  });

  it('#6 Entyvio 300 mg billed J3590 x1, commercial: drug-code.noc-has-code, estimate $6,393.30', async () => {
    const d = '2025-10-14';
    const enc = visit([drugLine('J3590', 1, d, { payer: AETNA, ndc: '64764-0300-20', ndcQuantity: 1, ndcUnit: 'UN' })], [dose('vedolizumab (Entyvio)', 300, 'mg', d)], [disp('64764030020', 1, d)]);
    expect(await findings(enc)).toEqual(['drug-code.noc-has-code error J3380 x300 6393.3']);
    expect(await findings(visit([drugLine('J3380', 300, d, { payer: AETNA, ndc: '64764-0300-20' })], [dose('vedolizumab (Entyvio)', 300, 'mg', d)], [disp('64764030020', 1, d)]))).toEqual([]);
  });

  it('#7 cyclophosphamide 1,000 mg billed J9070 x10, Medicare: drug-code.deleted $96.20', async () => {
    const d = '2025-11-04';
    const mar = () => [dose('cyclophosphamide', 1000, 'mg', d)];
    const dsp = () => [disp('00781323394', 2, d)];
    expect(await findings(visit([drugLine('J9070', 10, d, { modifiers: ['JZ'] })], mar(), dsp()))).toEqual(['drug-code.deleted error J9075 x200 with JZ 96.2']);
    expect(await findings(visit([drugLine('J9075', 200, d, { modifiers: ['JZ'], ndc: '00781-3233-94' })], mar(), dsp()))).toEqual([]);
  });

  it('#8 Neulasta 6 mg: x12 clean; x6 units.under $536.06; x24 units.over + units.mue $1,072.13', async () => {
    const d = '2025-10-30';
    const mar = () => [dose('pegfilgrastim (Neulasta)', 6, 'mg', d)];
    const dsp = () => [disp('55513019001', 1, d)];
    expect(await findings(visit([drugLine('J2506', 12, d, { modifiers: ['JZ'] })], mar(), dsp()))).toEqual([]);
    expect(await findings(visit([drugLine('J2506', 6, d, { modifiers: ['JZ'] })], mar(), dsp()))).toEqual(['units.under error J2506 x12 536.06']);
    expect(await findings(visit([drugLine('J2506', 24, d, { modifiers: ['JZ'] })], mar()))).toEqual([
      'units.mue error J2506 at most x12 per date of service; the MAR supports x12 1072.13',
      'units.over error J2506 x12 1072.13',
    ]);
  });

  it('#10 Ocrevus 600 mg: x600 clean (= MUE); x601 units.over + units.mue', async () => {
    const d = '2025-11-25';
    const mar = () => [dose('ocrelizumab (Ocrevus)', 600, 'mg', d)];
    const dsp = () => [disp('50242015001', 2, d)];
    expect(await findings(visit([drugLine('J2350', 600, d, { modifiers: ['JZ'] })], mar(), dsp()))).toEqual([]);
    expect(await findings(visit([drugLine('J2350', 601, d, { modifiers: ['JZ'] })], mar(), dsp()))).toEqual([
      'units.mue error J2350 at most x600 per date of service; the MAR supports x600 35648.4',
      'units.over error J2350 x600 59.41',
      'units.over-dispensed error J2350 at most x600 in all (administered + JW), what the dispensed containers hold 59.41',
    ]);
  });
});
