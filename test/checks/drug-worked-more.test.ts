/**
 * More worked drug encounters (issue 5: at least 20 with the exact expected findings), beside the
 * domain note's examples in drug-worked-units.test.ts (#2, #6, #7, #8, #10), drug-worked-waste.test.ts
 * (#1, #3, #4, #9) and the ndc case tables (#5).
 *
 * Each case is one realistic infusion-center visit of a synthetic patient (P91xxxx), run through
 * every registered drug check (categories units, ndc, drug-code, waste); the test states the
 * complete list of findings the visit must raise, an empty list for a correctly billed visit.
 *
 * Reference data as shipped: P = ASP payment limit of rules/cms/2025Q4/asp-pricing.csv, SI from
 * OPPS Addendum B 2026Q1 (rules/cms/2026Q1/opps-status.csv), BILLUNITS from
 * rules/cms/2025Q4/asp-crosswalk.csv, unit sizes and containers from rules/drugs/drug-catalog.csv
 * and ndc-containers.csv, MUE from rules/cms/2026Q4/ncci-mue.csv. Amounts per
 * shared/domain/drug-billing.md section 10: units over/under |billed - expected| x P; whole-line
 * findings expected units x P of the expected code; JW not allowed / above waste: those JW units x P;
 * Medicare SI N: nothing separately paid, so no amount; other payers: the same P (an estimate).
 */
import { describe, expect, it } from 'vitest';
import type { ClaimLine, DispenseRow, MarRow } from '../../src/model.js';
import { CHECKS } from '../../src/checks/registry.js';
import type { Encounter } from '../../src/checks/types.js';
import { claim, dispense, encounter, mar, runCheck } from './harness.js';
import { MEDICAID, ndcFacility } from './ndc-fixtures.js';

const MEDICARE = 'Medicare Part B';
const AETNA = 'Aetna PPO'; // commercial: policy defaults (ndc expected, jwjz not-required, no MUE)

const DRUG_CHECKS = CHECKS.filter((c) => c.category === 'units' || c.category === 'ndc' || c.category === 'drug-code' || c.category === 'waste');

interface Got {
  ruleId: string;
  severity: string;
  line?: string;
  code?: string;
  expected?: unknown;
  amountAtRisk?: number;
  direction?: string;
}

/** Every drug-category finding of the visit, sorted by rule id and line. */
async function audit(encounters: Encounter[]): Promise<Got[]> {
  const out: Got[] = [];
  const facility = ndcFacility(); // Medicare, Ohio Medicaid, Aetna (commercial), each with its type's default policy
  for (const check of DRUG_CHECKS) {
    for (const f of await runCheck(check, encounters, { facility, today: '2026-01-15' })) {
      const g: Got = { ruleId: check.id, severity: f.severityResolved };
      if (f.line !== undefined) g.line = f.line;
      if (f.code !== undefined) g.code = f.code;
      if (f.expected !== undefined) g.expected = f.expected;
      if (f.amountAtRisk !== undefined) g.amountAtRisk = f.amountAtRisk;
      if (f.direction !== undefined) g.direction = f.direction;
      out.push(g);
    }
  }
  return out.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || (a.line ?? '').localeCompare(b.line ?? ''));
}

/** The finding a case expects (amount and direction omitted when the note gives none). */
function finding(ruleId: string, severity: string, line: string, code: string, expected: unknown, amountAtRisk?: number, direction?: string): Got {
  const g: Got = { ruleId, severity, line, code, expected };
  if (amountAtRisk !== undefined) g.amountAtRisk = amountAtRisk;
  if (direction !== undefined) g.direction = direction;
  return g;
}

// ---------------------------------------------------------------------------------------------
// One visit: claim lines of one claim, MAR administrations, pharmacy dispenses

type Line = [code: string, units: number, modifiers: string[], more?: Partial<ClaimLine>];
type Given = [drug: string, dose: number, unit: string, more?: Partial<MarRow>];
type Disp = [ndc: string, quantity: number, more?: Partial<DispenseRow>];

function visit(v: { patient: string; date: string; payer: string; lines: Line[]; mar?: Given[]; dispense?: Disp[] }): Encounter[] {
  const id = `E-${v.patient}-${v.date}`;
  const claimId = `C-${v.patient}-${v.date.replace(/-/g, '')}`;
  const claims = v.lines.map(([code, units, modifiers, more], i) =>
    claim({ claimId, line: String(i + 1), patientId: v.patient, serviceDate: v.date, payer: v.payer, code, units, modifiers, encounterId: id, ...more }),
  );
  const marRows = (v.mar ?? []).map(([drug, dose, doseUnit, more], i) => {
    const h = String(9 + i).padStart(2, '0');
    return mar({
      patientId: v.patient,
      encounterId: id,
      drug,
      dose,
      doseUnit,
      route: 'IV',
      date: v.date,
      start: `${v.date}T${h}:00:00`,
      startText: `${v.date} ${h}:00`,
      stop: `${v.date}T${h}:45:00`,
      stopText: `${v.date} ${h}:45`,
      ...more,
    });
  });
  const dispRows = (v.dispense ?? []).map(([ndc, quantity, more], i) =>
    dispense({ dispenseId: `D-${v.patient}-${i + 1}`, patientId: v.patient, dispenseDate: v.date, ndc, quantity, quantityUnit: 'UN', encounterId: id, ...more }),
  );
  return [encounter({ key: id, encounterId: id, patientId: v.patient, serviceDate: v.date, claims, mar: marRows, dispense: dispRows })];
}

// ---------------------------------------------------------------------------------------------

describe('correctly billed visits raise no drug finding', () => {
  it('P910001 Keytruda 200 mg flat dose, Medicare 2025-10-07: J9271-JZ x200, NDC 00006-3026-02 UN 2', async () => {
    // J9271 = 1 mg: 200 mg / 1 mg = 200 units; 2 x 100 mg/4 mL single-dose vials (crosswalk BILLUNITS 100),
    // nothing discarded -> JZ (SI K); NDC quantity ceil(200 / 100) = 2; MUE 400 (MAI 3) not exceeded.
    const enc = visit({
      patient: 'P910001',
      date: '2025-10-07',
      payer: MEDICARE,
      lines: [['J9271', 200, ['JZ'], { ndc: 'N400006302602', ndcQuantity: 2, ndcUnit: 'UN' }]],
      mar: [['pembrolizumab (Keytruda)', 200, 'mg', { wasted: 0 }]],
      dispense: [['00006-3026-02', 2]],
    });
    expect(await audit(enc)).toEqual([]);
  });

  it('P910002 Trazimera 8 mg/kg loading (68.5 kg = 548 mg) from 4 x 150 mg single-dose vials, Medicare 2025-11-06: Q5116 x55 + Q5116-JW x5', async () => {
    // Q5116 = 10 mg: 548 / 10 = 54.8 -> 55 administered units; opened 4 x 150 mg = 600 mg, MAR waste 52 mg
    // -> JW floor(52 / 10) = 5; 55 + 5 = 60 = 4 vials x BILLUNITS 15 (00069-0308-01 is single-dose in the
    // ndc-containers table). NDC on the administered line: UN ceil(55 / 15) = 4; the JW line takes that NDC.
    // Smallest Pfizer Q5116 package is 15 units > 5 JW units: no vial-selection question. MUE 120.
    const enc = visit({
      patient: 'P910002',
      date: '2025-11-06',
      payer: MEDICARE,
      lines: [
        ['Q5116', 55, [], { ndc: '00069-0308-01', ndcQuantity: 4, ndcUnit: 'UN' }],
        ['Q5116', 5, ['JW'], {}],
      ],
      mar: [['trastuzumab-qyyp (Trazimera) 8 mg/kg', 548, 'mg', { wasted: 52 }]],
      dispense: [['00069-0308-01', 4]],
    });
    expect(await audit(enc)).toEqual([]);
  });

  it('P910003 Privigen 0.4 g/kg (87.5 kg = 35 g) from 3 x 10 g + 1 x 5 g, Ohio Medicaid 2025-10-23: one line per NDC', async () => {
    // J1459 = 500 mg: 35,000 mg / 500 mg = 70 units, split by the package used: 3 x 44206-0437-10
    // (BILLUNITS 20) = 60 units UN 3, 1 x 44206-0436-05 (BILLUNITS 10) = 10 units UN 1; nothing discarded.
    // Medicaid: NDC required (present, N4 qualifier, UN); JW/JZ not required; both dispensed NDCs billed.
    const enc = visit({
      patient: 'P910003',
      date: '2025-10-23',
      payer: MEDICAID,
      lines: [
        ['J1459', 60, [], { ndc: 'N444206043710', ndcQuantity: 3, ndcUnit: 'UN' }],
        ['J1459', 10, [], { ndc: 'N444206043605', ndcQuantity: 1, ndcUnit: 'UN' }],
      ],
      mar: [['immune globulin (Privigen) 10%', 35, 'g', { wasted: 0 }]],
      dispense: [
        ['44206-0437-10', 3],
        ['44206-0436-05', 1],
      ],
    });
    expect(await audit(enc)).toEqual([]);
  });

  it('P910004 Inflectra 5 mg/kg (78 kg = 390 mg) from 4 x 100 mg, Aetna commercial 2025-12-04: Q5103 x39, no JW/JZ', async () => {
    // Q5103 = 10 mg: 390 / 10 = 39 units; 10 mg discarded (1 unit) but Aetna has no JW/JZ policy
    // (commercial default not-required), so neither a JW line nor JZ is expected. NDC expected and present:
    // 00069-0809-01 BILLUNITS 10, UN ceil(39 / 10) = 4; 4 vials dispensed hold 40 >= 39.
    const enc = visit({
      patient: 'P910004',
      date: '2025-12-04',
      payer: AETNA,
      lines: [['Q5103', 39, [], { ndc: '00069-0809-01', ndcQuantity: 4, ndcUnit: 'UN' }]],
      mar: [['infliximab-dyyb (Inflectra)', 390, 'mg', { wasted: 10 }]],
      dispense: [['00069-0809-01', 4]],
    });
    expect(await audit(enc)).toEqual([]);
  });

  it('P910005 carboplatin AUC 5 + paclitaxel 175 mg/m2 with ondansetron and dexamethasone premeds, Medicare 2025-11-12: all SI N, JZ on the chemo ignored', async () => {
    // All four are SI N (packaged) in Addendum B 2026Q1: no JW/JZ expectation, and JZ on an SI N line is ignored.
    // ondansetron 16 mg / 1 mg = 16 (J2405); dexamethasone 12 mg / 1 mg = 12 (J1100);
    // paclitaxel 175 mg/m2 x 1.90 m2 = 332.5 mg / 1 mg = 332.5 -> 333 (J9267); carboplatin 650 mg / 50 mg = 13 (J9045).
    // MUEs 64, 120, 750, 22 not exceeded. Medicare: no NDC needed.
    const enc = visit({
      patient: 'P910005',
      date: '2025-11-12',
      payer: MEDICARE,
      lines: [
        ['J2405', 16, []],
        ['J1100', 12, []],
        ['J9267', 333, ['JZ']],
        ['J9045', 13, ['JZ']],
      ],
      mar: [
        ['ondansetron', 16, 'mg'],
        ['dexamethasone sodium phosphate', 12, 'mg'],
        ['paclitaxel', 332.5, 'mg'],
        ['carboplatin', 650, 'mg'],
      ],
    });
    expect(await audit(enc)).toEqual([]);
  });
});

describe('units at the rounding boundary', () => {
  // bortezomib 1.3 mg/m2 x 1.92 m2 = 2.496 mg, dispensed as 2.5 mg (1 mL of 2.5 mg/mL) from a 3.5 mg vial;
  // J9041 = 0.1 mg: 2.5 / 0.1 = 25 units exactly (scaled integers: 2,500,000 / 100,000), so 25 is the only right count.
  it('P910006 bortezomib 2.5 mg SC, Aetna 2025-10-16: x25 clean; x24 units.under $2.79 (estimate)', async () => {
    const bortezomib = (units: number) =>
      visit({
        patient: 'P910006',
        date: '2025-10-16',
        payer: AETNA,
        lines: [['J9041', units, [], { ndc: '63020-0049-01', ndcQuantity: 1, ndcUnit: 'UN' }]],
        mar: [['bortezomib (Velcade)', 2.5, 'mg', { route: 'SC', wasted: 1 }]],
        dispense: [['63020-0049-01', 1]],
      });
    expect(await audit(bortezomib(25))).toEqual([]);
    // |24 - 25| x $2.791 = $2.791 -> $2.79; commercial: the Medicare limit as an estimate
    expect(await audit(bortezomib(24))).toEqual([finding('units.under', 'error', '1', 'J9041', 'J9041 x25', 2.79, 'under')]);
  });

  it('P910007 bortezomib 2.5 mg SC, Medicare 2025-12-02: x26 units.over with no amount (J9041 is SI N, packaged)', async () => {
    // |26 - 25| x P, but Medicare SI N pays nothing separately: $0, reported without an amount (as worked example #2).
    // No JW/JZ expected on SI N; MUE 35 not exceeded.
    const enc = visit({
      patient: 'P910007',
      date: '2025-12-02',
      payer: MEDICARE,
      lines: [['J9041', 26, []]],
      mar: [['bortezomib', 2.5, 'mg', { route: 'SC', wasted: 1 }]],
    });
    expect(await audit(enc)).toEqual([finding('units.over', 'error', '1', 'J9041', 'J9041 x25', undefined, 'over')]);
  });
});

describe('NDC errors', () => {
  it('P910008 Keytruda 200 mg, Ohio Medicaid 2025-11-13, no NDC on the line: ndc.missing error, $12,058.20', async () => {
    // Medicaid requires the NDC (Deficit Reduction Act): the whole line denies.
    // 200 units (200 mg / 1 mg, the MAR dose) x $60.291 = $12,058.20 (Medicaid: estimate at the Medicare limit).
    const enc = visit({
      patient: 'P910008',
      date: '2025-11-13',
      payer: MEDICAID,
      lines: [['J9271', 200, []]],
      mar: [['pembrolizumab (Keytruda)', 200, 'mg', { wasted: 0 }]],
      dispense: [['00006-3026-02', 2]],
    });
    expect(await audit(enc)).toEqual([
      finding('ndc.missing', 'error', '1', 'J9271', 'J9271 with NDC 00006-3026-02 (dispensed), quantity and unit', 12058.2, 'denial'),
    ]);
  });

  it('P910009 Mvasi 5 mg/kg (80 kg = 400 mg) billed Q5107 with the Avastin NDC, Ohio Medicaid 2025-10-28: ndc.not-linked + ndc.dispense-mismatch, $1,114.48 each', async () => {
    // Q5107 = 10 mg: 400 / 10 = 40 units from one 400 mg/16 mL vial 55513-0207-01 (BILLUNITS 40), right.
    // The line's NDC 50242-0061-01 is Avastin, crosswalked only to J9035 -> ndc.not-linked; it was not
    // dispensed and the dispensed 55513-0207-01 is on no line -> ndc.dispense-mismatch (error for Medicaid).
    // Medicaid denies the line on either: 40 units x $27.862 = $1,114.48 (estimate). The summary counts the line once.
    const enc = visit({
      patient: 'P910009',
      date: '2025-10-28',
      payer: MEDICAID,
      lines: [['Q5107', 40, [], { ndc: 'N450242006101', ndcQuantity: 1, ndcUnit: 'UN' }]],
      mar: [['bevacizumab-awwb (Mvasi)', 400, 'mg', { wasted: 0 }]],
      dispense: [['55513-0207-01', 1]],
    });
    expect(await audit(enc)).toEqual([
      finding('ndc.dispense-mismatch', 'error', '1', 'Q5107', expect.stringContaining('55513-0207-01'), 1114.48, 'denial'),
      finding('ndc.not-linked', 'error', '1', 'Q5107', expect.stringMatching(/^J9035 for NDC 50242-0061-01/), 1114.48, 'denial'),
    ]);
  });

  it('P910010 Ocrevus 600 mg, Aetna 2025-11-18, NDC unit "EA": ndc.incomplete warning (commercial: NDC expected)', async () => {
    // J2350 x600 (600 mg / 1 mg) from 2 x 50242-0150-01 (300 units each) is right; the NDC unit qualifier
    // "EA" is not one of UN, ML, GR, F2, ME. Aetna expects the NDC (not required): a warning, no denial amount.
    const enc = visit({
      patient: 'P910010',
      date: '2025-11-18',
      payer: AETNA,
      lines: [['J2350', 600, [], { ndc: '50242-0150-01', ndcQuantity: 2, ndcUnit: 'EA' }]],
      mar: [['ocrelizumab (Ocrevus)', 600, 'mg', { wasted: 0 }]],
      dispense: [['50242-0150-01', 2]],
    });
    expect(await audit(enc)).toEqual([finding('ndc.incomplete', 'warning', '1', 'J2350', expect.stringContaining('UN'))]);
  });

  it('P910011 Keytruda 400 mg every 6 weeks, Medicare 2025-12-09, NDC quantity in mg (UN 400): ndc.quantity warning', async () => {
    // J9271 x400 = the MUE of 400 (not above it); 4 vials of 00006-3026-02 (BILLUNITS 100): UN ceil(400 / 100) = 4,
    // the line says UN 400 (the mg dose copied into the NDC quantity). A warning, no amount (the HCPCS units are right).
    const enc = visit({
      patient: 'P910011',
      date: '2025-12-09',
      payer: MEDICARE,
      lines: [['J9271', 400, ['JZ'], { ndc: '00006302602', ndcQuantity: 400, ndcUnit: 'UN' }]],
      mar: [['pembrolizumab (Keytruda)', 400, 'mg', { wasted: 0 }]],
      dispense: [['00006-3026-02', 4]],
    });
    expect(await audit(enc)).toEqual([finding('ndc.quantity', 'warning', '1', 'J9271', 'NDC 00006-3026-02 quantity UN 4 in total (ceil(400 / 100))')]);
  });
});

describe('drug code errors', () => {
  it('P910012 Inflectra 5 mg/kg (80 kg = 400 mg) billed as Remicade J1745-JZ x40, Medicare 2025-11-20: drug-code.mismatch $799.60', async () => {
    // The MAR gives infliximab-dyyb (Inflectra, Q5103), which is not billed, and no J1745 (Remicade): a substitution.
    // Expected Q5103 x40 (400 / 10); whole line: 40 x $19.990 (Q5103) = $799.60.
    // The J1745 line has no MAR dose of J1745, so its units cannot be checked: units.unverifiable (info).
    const enc = visit({
      patient: 'P910012',
      date: '2025-11-20',
      payer: MEDICARE,
      lines: [['J1745', 40, ['JZ']]],
      mar: [['infliximab-dyyb (Inflectra)', 400, 'mg', { wasted: 0 }]],
      dispense: [['00069-0809-01', 4]],
    });
    expect(await audit(enc)).toEqual([
      finding('drug-code.mismatch', 'error', '1', 'J1745', 'Q5103 x40', 799.6, 'denial'),
      finding('units.unverifiable', 'info', '1', 'J1745', expect.any(String)),
    ]);
  });

  it('P910013 Injectafer 750 mg billed J3490 x1 with its NDC, Medicare 2025-10-09: drug-code.noc-has-code $830.25', async () => {
    // NDC 00517-0650-01 (750 mg/15 mL) is crosswalked to J1439 (1 mg): expected J1439 x750 (MAR 750 mg / 1 mg);
    // J3490 is packaged (SI N) under OPPS, so the whole payment is lost: 750 x $1.107 = $830.25.
    const enc = visit({
      patient: 'P910013',
      date: '2025-10-09',
      payer: MEDICARE,
      lines: [['J3490', 1, [], { ndc: '00517-0650-01', ndcQuantity: 1, ndcUnit: 'UN' }]],
      mar: [['ferric carboxymaltose (Injectafer)', 750, 'mg']],
      dispense: [['00517-0650-01', 1]],
    });
    expect(await audit(enc)).toEqual([finding('drug-code.noc-has-code', 'error', '1', 'J3490', 'J1439 x750', 830.25, 'denial')]);
  });

  it('P910014 Soliris 900 mg maintenance billed on the deleted J1300-JZ x90, Medicare 2025-12-16: drug-code.deleted $20,169.45', async () => {
    // J1300 (10 mg) is absent from the Oct-2025 CMS files (provenInvalidFrom 2025-10-01); replacement J1299 (2 mg):
    // 900 mg / 2 mg = 450 units (the MAR dose; also 90 x 10 / 2). Whole line: 450 x $44.821 = $20,169.45.
    // J1300 is in no catalog, crosswalk or pricing file, so no other drug check sees the line.
    const enc = visit({
      patient: 'P910014',
      date: '2025-12-16',
      payer: MEDICARE,
      lines: [['J1300', 90, ['JZ']]],
      mar: [['eculizumab (Soliris)', 900, 'mg', { wasted: 0 }]],
      dispense: [['25682-0001-01', 3]],
    });
    expect(await audit(enc)).toEqual([finding('drug-code.deleted', 'error', '1', 'J1300', 'J1299 x450 with JZ', 20169.45, 'denial')]);
  });
});

describe('JW / JZ', () => {
  const keytruda = (patient: string, date: string, modifiers: string[]) =>
    visit({
      patient,
      date,
      payer: MEDICARE,
      lines: [['J9271', 200, modifiers, { ndc: '00006-3026-02', ndcQuantity: 2, ndcUnit: 'UN' }]],
      mar: [['pembrolizumab (Keytruda)', 200, 'mg', { wasted: 0 }]],
      dispense: [['00006-3026-02', 2]],
    });

  it('P910015 Keytruda 200 mg without JZ, Medicare 2023-05-16 (JZ optional before 2023-07-01): nothing; the same on 2025-10-14: waste.jz-missing $12,058.20', async () => {
    // 2023-01-01 .. 2023-06-30: JZ exists but is optional, so neither JZ nor its absence is a finding.
    // (Dates before the shipped CMS pack: the 2025Q4 crosswalk/pricing are the nearest releases loaded.)
    expect(await audit(keytruda('P910015', '2023-05-16', []))).toEqual([]);
    expect(await audit(keytruda('P910015', '2023-03-14', ['JZ']))).toEqual([]);
    // From 2023-10-01 a claim without JZ may be returned: whole line, 200 x $60.291 = $12,058.20.
    expect(await audit(keytruda('P910015', '2025-10-14', []))).toEqual([
      finding('waste.jz-missing', 'error', '1', 'J9271', 'J9271-JZ x 200', 12058.2, 'denial'),
    ]);
  });

  it('P910016 weekly paclitaxel 80 mg/m2 (1.75 m2 = 140 mg) from a 300 mg vial with J9267-JW x160, Medicare 2025-12-11: waste.jw-not-allowed warning (SI N)', async () => {
    // J9267 is SI N: JW/JZ apply to SI K/G only; JW on SI N is a warning with nothing at risk (packaged).
    // Administered 140 mg / 1 mg = 140 units is right; JW + administered = 300 <= MUE 750.
    const enc = visit({
      patient: 'P910016',
      date: '2025-12-11',
      payer: MEDICARE,
      lines: [
        ['J9267', 140, []],
        ['J9267', 160, ['JW']],
      ],
      mar: [['paclitaxel', 140, 'mg', { wasted: 160 }]],
    });
    expect(await audit(enc)).toEqual([finding('waste.jw-not-allowed', 'warning', '2', 'J9267', 'J9267 x 140, no JW/JZ', undefined, 'over')]);
  });

  it('P910017 Darzalex 16 mg/kg (72 kg = 1,152 mg) from 3 x 400 mg with JW rounded up (x5), Medicare 2025-10-30: waste.jw-units + units.over-dispensed, $71.37 each', async () => {
    // J9145 = 10 mg: 1,152 / 10 = 115.2 -> 116 administered; MAR waste 48 mg -> JW floor(4.8) = 4; 116 + 4 = 120
    // = 3 x 57894-0502-20 (BILLUNITS 40). Billed JW x5: 1 unit above the documented waste, 1 x $71.371 = $71.37;
    // and 116 + 5 = 121 units billed against 120 dispensed: 1 x $71.371 = $71.37 over-dispensed.
    // NDC only on the administered line: UN ceil(116 / 40) = 3, right. MUE 240 not exceeded.
    const enc = visit({
      patient: 'P910017',
      date: '2025-10-30',
      payer: MEDICARE,
      lines: [
        ['J9145', 116, [], { ndc: '57894-0502-20', ndcQuantity: 3, ndcUnit: 'UN' }],
        ['J9145', 5, ['JW']],
      ],
      mar: [['daratumumab (Darzalex)', 1152, 'mg', { wasted: 48 }]],
      dispense: [['57894-0502-20', 3]],
    });
    expect(await audit(enc)).toEqual([
      finding('units.over-dispensed', 'error', '1', 'J9145', 'J9145 at most x120 in all (administered + JW), what the dispensed containers hold', 71.37, 'over'),
      finding('waste.jw-units', 'error', '2', 'J9145', 'J9145 x 116 + J9145-JW x 4', 71.37, 'over'),
    ]);
  });

  it('P910018 Darzalex 16 mg/kg (81.25 kg = 1,300 mg) prepared from 4 x 400 mg, Medicare 2025-12-18: J9145 x130 + JW x30 billed right, waste.vial-selection warning', async () => {
    // 1,300 / 10 = 130 administered; 4 x 400 mg = 1,600 mg opened, MAR waste 300 mg -> JW floor(30) = 30; 130 + 30 = 160
    // = 4 x BILLUNITS 40, UN ceil(130 / 40) = 4. The units are right, but 30 JW units >= the 10 units of Janssen's
    // smallest J9145 package (100 mg/5 mL): 3 x 400 mg + 1 x 100 mg would have discarded nothing. A warning for
    // pharmacy review; the note gives it no amount (section 10 prices only JW above documented waste).
    const enc = visit({
      patient: 'P910018',
      date: '2025-12-18',
      payer: MEDICARE,
      lines: [
        ['J9145', 130, [], { ndc: '57894-0502-20', ndcQuantity: 4, ndcUnit: 'UN' }],
        ['J9145', 30, ['JW']],
      ],
      mar: [['daratumumab (Darzalex)', 1300, 'mg', { wasted: 300 }]],
      dispense: [['57894-0502-20', 4]],
    });
    expect(await audit(enc)).toEqual([finding('waste.vial-selection', 'warning', '2', 'J9145', expect.stringContaining('J9145-JW below 10 units'))]);
  });
});

describe('MUE', () => {
  it('P910019 Privigen 1 g/kg day 1 of 2 for CIDP (160 kg = 160 g) from 8 x 20 g, Medicare 2025-10-21: units.mue warning (MAI 3, the MAR supports it), $16,235.84', async () => {
    // J1459 = 500 mg: 160,000 / 500 = 320 units from 8 x 44206-0438-20 (BILLUNITS 40, UN 8), nothing discarded -> JZ.
    // 320 > MUE 300 (MAI 3, clinical): the MAR supports all 320, so a warning (expect a denial, appeal with records).
    // Whole line: 320 x $50.737 = $16,235.84.
    const enc = visit({
      patient: 'P910019',
      date: '2025-10-21',
      payer: MEDICARE,
      lines: [['J1459', 320, ['JZ'], { ndc: '44206-0438-20', ndcQuantity: 8, ndcUnit: 'UN' }]],
      mar: [['immune globulin (Privigen) 10%', 160, 'g', { wasted: 0 }]],
      dispense: [['44206-0438-20', 8]],
    });
    expect(await audit(enc)).toEqual([
      finding('units.mue', 'warning', '1', 'J1459', 'J1459 at most x300 per date of service; the MAR supports x320', 16235.84, 'denial'),
    ]);
  });
});
