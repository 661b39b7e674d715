/**
 * The sample generator's own drug list, payers and chargemaster.
 *
 * HCPCS codes, unit sizes, NDCs and billing units per package are taken from the CMS October 2025
 * ASP NDC-HCPCS crosswalk (the domain notes' drug-catalog.csv and reference data), so the
 * generated NDCs link to the billed HCPCS. `price` is the CMS payment limit per billing unit
 * (ASP file, Oct 2025) and only drives the synthetic charges. `si` is the OPPS status indicator
 * (Addendum B, Jan 2026): JW/JZ and the Medicare 340B modifiers apply to K (and G) lines only.
 */

export type DrugClass = 'chemo' | 'therapeutic' | 'hydration';

export interface DrugPackage {
  /** 11-digit NDC, 5-4-2 with hyphens */
  ndc: string;
  /** HCPCS billing units in one item (vial, syringe, bag) */
  billUnits: number;
}

export interface Drug {
  key: string;
  /** name as the MAR shows it */
  name: string;
  hcpcs: string;
  /** amount of one HCPCS billing unit, in `codeUnit` */
  unitSize: number;
  codeUnit: 'mg' | 'mcg' | 'mL';
  cls: DrugClass;
  si: 'K' | 'N';
  /** single-dose container (JW/JZ apply) */
  singleDose: boolean;
  /** hormonal anti-neoplastic (96402 instead of 96401 for SC/IM) */
  hormonal?: boolean;
  /** payment limit per billing unit, USD */
  price: number;
  /** unit the MAR charts the dose in, and the factor to convert it to `codeUnit` */
  doseUnit: 'mg' | 'mcg' | 'g' | 'mL';
  doseFactor: number;
  /** NDC unit qualifier on the claim */
  ndcUnit: 'UN' | 'ML';
  /** for ML reporting: mL per `codeUnit` */
  mlPerCodeUnit?: number;
  packages: DrugPackage[];
}

function d(x: Drug): Drug {
  return x;
}

const MG = { codeUnit: 'mg' as const, doseUnit: 'mg' as const, doseFactor: 1, ndcUnit: 'UN' as const };

export const DRUGS: Record<string, Drug> = {
  oxaliplatin: d({ key: 'oxaliplatin', name: 'oxaliplatin', hcpcs: 'J9263', unitSize: 0.5, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 0.083,
    packages: [{ ndc: '00703-3985-01', billUnits: 100 }, { ndc: '00703-3986-01', billUnits: 200 }] }),
  leucovorin: d({ key: 'leucovorin', name: 'leucovorin calcium', hcpcs: 'J0640', unitSize: 50, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 3.218,
    packages: [{ ndc: '00143-9368-01', billUnits: 4 }, { ndc: '00143-9552-01', billUnits: 7 }] }),
  fluorouracil: d({ key: 'fluorouracil', name: 'fluorouracil', hcpcs: 'J9190', unitSize: 500, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 1.99,
    packages: [{ ndc: '16729-0276-38', billUnits: 10 }, { ndc: '25021-0215-98', billUnits: 5 }] }),
  rituximabAbbs: d({ key: 'rituximabAbbs', name: 'rituximab-abbs (Truxima)', hcpcs: 'Q5115', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 29.379,
    packages: [{ ndc: '63459-0103-10', billUnits: 10 }, { ndc: '63459-0104-50', billUnits: 50 }] }),
  rituximab: d({ key: 'rituximab', name: 'rituximab (Rituxan)', hcpcs: 'J9312', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 75.22,
    packages: [{ ndc: '50242-0051-21', billUnits: 10 }, { ndc: '50242-0053-06', billUnits: 50 }] }),
  doxorubicin: d({ key: 'doxorubicin', name: 'doxorubicin', hcpcs: 'J9000', unitSize: 10, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 3.018,
    packages: [{ ndc: '00069-0343-02', billUnits: 5 }, { ndc: '00069-0255-10', billUnits: 2 }] }),
  cyclophosphamide: d({ key: 'cyclophosphamide', name: 'cyclophosphamide', hcpcs: 'J9075', unitSize: 5, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 0.481,
    packages: [{ ndc: '00781-3233-94', billUnits: 100 }, { ndc: '00781-3244-94', billUnits: 200 }, { ndc: '00781-3255-94', billUnits: 400 }] }),
  pembrolizumab: d({ key: 'pembrolizumab', name: 'pembrolizumab (Keytruda)', hcpcs: 'J9271', unitSize: 1, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 60.291,
    packages: [{ ndc: '00006-3026-02', billUnits: 100 }] }),
  nivolumab: d({ key: 'nivolumab', name: 'nivolumab (Opdivo)', hcpcs: 'J9299', unitSize: 1, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 32.964,
    packages: [{ ndc: '00003-3772-11', billUnits: 40 }, { ndc: '00003-3774-12', billUnits: 100 }, { ndc: '00003-3756-14', billUnits: 120 }, { ndc: '00003-3734-13', billUnits: 240 }] }),
  pemetrexed: d({ key: 'pemetrexed', name: 'pemetrexed (Alimta)', hcpcs: 'J9305', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 4.355,
    packages: [{ ndc: '00002-7623-01', billUnits: 50 }, { ndc: '00002-7640-01', billUnits: 10 }] }),
  carboplatin: d({ key: 'carboplatin', name: 'carboplatin', hcpcs: 'J9045', unitSize: 50, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 2.471,
    packages: [{ ndc: '00703-4246-01', billUnits: 3 }, { ndc: '00703-4244-01', billUnits: 1 }] }),
  cisplatin: d({ key: 'cisplatin', name: 'cisplatin', hcpcs: 'J9060', unitSize: 10, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 2.294,
    packages: [{ ndc: '00143-9504-01', billUnits: 5 }, { ndc: '00143-9505-01', billUnits: 10 }] }),
  etoposide: d({ key: 'etoposide', name: 'etoposide', hcpcs: 'J9181', unitSize: 10, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 0.941,
    packages: [{ ndc: '00143-9376-01', billUnits: 10 }, { ndc: '00143-9511-01', billUnits: 50 }] }),
  paclitaxel: d({ key: 'paclitaxel', name: 'paclitaxel', hcpcs: 'J9267', unitSize: 1, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 0.135,
    packages: [{ ndc: '00703-3216-01', billUnits: 100 }, { ndc: '00703-3218-01', billUnits: 300 }] }),
  bevacizumabAwwb: d({ key: 'bevacizumabAwwb', name: 'bevacizumab-awwb (Mvasi)', hcpcs: 'Q5107', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 27.862,
    packages: [{ ndc: '55513-0206-01', billUnits: 10 }, { ndc: '55513-0207-01', billUnits: 40 }] }),
  daratumumab: d({ key: 'daratumumab', name: 'daratumumab (Darzalex)', hcpcs: 'J9145', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 71.371,
    packages: [{ ndc: '57894-0502-05', billUnits: 10 }, { ndc: '57894-0502-20', billUnits: 40 }] }),
  bortezomib: d({ key: 'bortezomib', name: 'bortezomib', hcpcs: 'J9041', unitSize: 0.1, ...MG, cls: 'chemo', si: 'N', singleDose: true, price: 2.791,
    packages: [{ ndc: '00143-9098-01', billUnits: 35 }] }),
  leuprolide: d({ key: 'leuprolide', name: 'leuprolide acetate depot (Lupron Depot)', hcpcs: 'J9217', unitSize: 7.5, ...MG, cls: 'chemo', si: 'K', singleDose: true, hormonal: true, price: 176.447,
    packages: [{ ndc: '00074-3346-03', billUnits: 3 }] }),
  infliximab: d({ key: 'infliximab', name: 'infliximab (Remicade)', hcpcs: 'J1745', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 31.09,
    packages: [{ ndc: '57894-0030-01', billUnits: 10 }] }),
  infliximabDyyb: d({ key: 'infliximabDyyb', name: 'infliximab-dyyb (Inflectra)', hcpcs: 'Q5103', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 19.99,
    packages: [{ ndc: '00069-0809-01', billUnits: 10 }] }),
  tocilizumab: d({ key: 'tocilizumab', name: 'tocilizumab (Actemra)', hcpcs: 'J3262', unitSize: 1, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 5.708,
    packages: [{ ndc: '50242-0135-01', billUnits: 80 }, { ndc: '50242-0136-01', billUnits: 200 }, { ndc: '50242-0137-01', billUnits: 400 }] }),
  abatacept: d({ key: 'abatacept', name: 'abatacept (Orencia)', hcpcs: 'J0129', unitSize: 10, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 44.109,
    packages: [{ ndc: '00003-2187-13', billUnits: 25 }] }),
  ocrelizumab: d({ key: 'ocrelizumab', name: 'ocrelizumab (Ocrevus)', hcpcs: 'J2350', unitSize: 1, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 59.414,
    packages: [{ ndc: '50242-0150-01', billUnits: 300 }] }),
  natalizumab: d({ key: 'natalizumab', name: 'natalizumab (Tysabri)', hcpcs: 'J2323', unitSize: 1, ...MG, cls: 'chemo', si: 'K', singleDose: true, price: 23.996,
    packages: [{ ndc: '64406-0008-01', billUnits: 300 }] }),
  ivig: d({ key: 'ivig', name: 'immune globulin 10% (Privigen)', hcpcs: 'J1459', unitSize: 500, codeUnit: 'mg', doseUnit: 'g', doseFactor: 1000, ndcUnit: 'ML', mlPerCodeUnit: 0.01,
    cls: 'therapeutic', si: 'K', singleDose: true, price: 50.737,
    packages: [{ ndc: '44206-0436-05', billUnits: 10 }, { ndc: '44206-0437-10', billUnits: 20 }, { ndc: '44206-0438-20', billUnits: 40 }] }),
  ironSucrose: d({ key: 'ironSucrose', name: 'iron sucrose (Venofer)', hcpcs: 'J1756', unitSize: 1, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.229,
    packages: [{ ndc: '00517-2340-10', billUnits: 100 }] }),
  ferricCarboxymaltose: d({ key: 'ferricCarboxymaltose', name: 'ferric carboxymaltose (Injectafer)', hcpcs: 'J1439', unitSize: 1, ...MG, cls: 'therapeutic', si: 'K', singleDose: true, price: 1.107,
    packages: [{ ndc: '00517-0650-01', billUnits: 750 }] }),
  ceftriaxone: d({ key: 'ceftriaxone', name: 'ceftriaxone', hcpcs: 'J0696', unitSize: 250, codeUnit: 'mg', doseUnit: 'g', doseFactor: 1000, ndcUnit: 'UN', cls: 'therapeutic', si: 'N', singleDose: true, price: 0.43,
    packages: [{ ndc: '00143-9856-25', billUnits: 8 }, { ndc: '00143-9857-25', billUnits: 4 }] }),
  ertapenem: d({ key: 'ertapenem', name: 'ertapenem', hcpcs: 'J1335', unitSize: 500, codeUnit: 'mg', doseUnit: 'g', doseFactor: 1000, ndcUnit: 'UN', cls: 'therapeutic', si: 'N', singleDose: true, price: 9.86,
    packages: [{ ndc: '00143-9398-10', billUnits: 2 }] }),
  vancomycin: d({ key: 'vancomycin', name: 'vancomycin', hcpcs: 'J3373', unitSize: 10, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.03,
    packages: [{ ndc: '00143-9357-10', billUnits: 100 }, { ndc: '00143-9355-10', billUnits: 75 }] }),
  ondansetron: d({ key: 'ondansetron', name: 'ondansetron', hcpcs: 'J2405', unitSize: 1, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.091,
    packages: [{ ndc: '00409-4755-03', billUnits: 4 }] }),
  dexamethasone: d({ key: 'dexamethasone', name: 'dexamethasone sodium phosphate', hcpcs: 'J1100', unitSize: 1, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.094,
    packages: [{ ndc: '00641-0367-25', billUnits: 10 }] }),
  diphenhydramine: d({ key: 'diphenhydramine', name: 'diphenhydramine', hcpcs: 'J1200', unitSize: 50, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.755,
    packages: [{ ndc: '00641-0376-25', billUnits: 1 }] }),
  famotidine: d({ key: 'famotidine', name: 'famotidine', hcpcs: 'J1308', unitSize: 0.25, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.009,
    packages: [{ ndc: '00641-6022-25', billUnits: 80 }] }),
  methylprednisolone: d({ key: 'methylprednisolone', name: 'methylprednisolone sodium succinate', hcpcs: 'J2919', unitSize: 5, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.21,
    packages: [{ ndc: '00009-0047-22', billUnits: 25 }] }),
  fosaprepitant: d({ key: 'fosaprepitant', name: 'fosaprepitant', hcpcs: 'J1453', unitSize: 1, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 0.101,
    packages: [{ ndc: '00006-3061-00', billUnits: 150 }] }),
  palonosetron: d({ key: 'palonosetron', name: 'palonosetron', hcpcs: 'J2469', unitSize: 25, codeUnit: 'mcg', doseUnit: 'mcg', doseFactor: 1, ndcUnit: 'UN', cls: 'therapeutic', si: 'N', singleDose: true, price: 0.356,
    packages: [{ ndc: '00409-2504-10', billUnits: 10 }] }),
  pegfilgrastim: d({ key: 'pegfilgrastim', name: 'pegfilgrastim (Neulasta)', hcpcs: 'J2506', unitSize: 0.5, ...MG, cls: 'therapeutic', si: 'K', singleDose: true, price: 89.344,
    packages: [{ ndc: '55513-0190-01', billUnits: 12 }] }),
  denosumab: d({ key: 'denosumab', name: 'denosumab (Xgeva)', hcpcs: 'J0897', unitSize: 1, ...MG, cls: 'therapeutic', si: 'K', singleDose: true, price: 29.38,
    packages: [{ ndc: '55513-0730-01', billUnits: 120 }] }),
  zoledronic: d({ key: 'zoledronic', name: 'zoledronic acid', hcpcs: 'J3489', unitSize: 1, ...MG, cls: 'therapeutic', si: 'N', singleDose: true, price: 5.056,
    packages: [{ ndc: '16729-0242-31', billUnits: 4 }] }),
  saline1000: d({ key: 'saline1000', name: 'sodium chloride 0.9% 1000 mL', hcpcs: 'J7030', unitSize: 1000, codeUnit: 'mL', doseUnit: 'mL', doseFactor: 1, ndcUnit: 'ML', mlPerCodeUnit: 1,
    cls: 'hydration', si: 'N', singleDose: true, price: 1.949, packages: [{ ndc: '00264-7800-00', billUnits: 1 }] }),
  saline500: d({ key: 'saline500', name: 'sodium chloride 0.9% 500 mL', hcpcs: 'J7040', unitSize: 500, codeUnit: 'mL', doseUnit: 'mL', doseFactor: 1, ndcUnit: 'ML', mlPerCodeUnit: 1,
    cls: 'hydration', si: 'N', singleDose: true, price: 1.26, packages: [{ ndc: '00264-7800-10', billUnits: 1 }] }),
};

export function drug(key: string): Drug {
  const x = DRUGS[key];
  if (!x) throw new Error(`sample catalog: unknown drug ${key}`);
  return x;
}

export type PayerType = 'medicare' | 'medicare_advantage' | 'medicaid' | 'commercial';

export interface Payer {
  name: string;
  type: PayerType;
  weight: number;
  /** this payer sources some specialty biologics through a specialty pharmacy (white bag) */
  whiteBag?: boolean;
  /** the drug line it wants for a white-bagged drug (facility.yaml policy.bag.drugLine; default any) */
  bagLine?: 'none' | 'penny';
}

/** Payer names as they appear on the claims; `facility.yaml` maps them to types. */
export const PAYERS: readonly Payer[] = [
  { name: 'Medicare', type: 'medicare', weight: 44 },
  { name: 'Aetna Medicare Advantage', type: 'medicare_advantage', weight: 14 },
  { name: 'Ohio Medicaid', type: 'medicaid', weight: 12 },
  { name: 'Aetna PPO', type: 'commercial', weight: 9 },
  { name: 'Blue Cross Blue Shield PPO', type: 'commercial', weight: 10, bagLine: 'penny' },
  { name: 'UnitedHealthcare Choice Plus', type: 'commercial', weight: 7, whiteBag: true, bagLine: 'none' },
  { name: 'Cigna Open Access Plus', type: 'commercial', weight: 4, whiteBag: true, bagLine: 'none' },
];

/** Hospital chargemaster for administration codes (USD per unit; synthetic). */
export const ADMIN_CHARGES: Record<string, number> = {
  '96360': 418.0,
  '96361': 114.5,
  '96365': 482.0,
  '96366': 131.0,
  '96367': 192.0,
  '96368': 148.0,
  '96372': 162.0,
  '96374': 311.0,
  '96375': 121.0,
  '96376': 92.0,
  '96401': 284.0,
  '96402': 238.0,
  '96409': 522.0,
  '96411': 262.0,
  '96413': 984.0,
  '96415': 212.0,
  '96416': 761.0,
  '96417': 402.0,
};

/** drug line charge: a chargemaster markup on the payment limit, at least $6.00 */
export function drugCharge(d: Drug, units: number): number {
  return Math.max(6, Math.round(units * d.price * 3.1 * 100) / 100);
}

export function facilityYaml(): string {
  return `# Synthetic facility for the infusion-audit samples (no real hospital).
name: Riverbend Regional Medical Center - Outpatient Infusion Center
setting: hopd
entity_340b: dsh
payers:
  # first match wins: the Medicare Advantage plan is listed before the same carrier's
  # commercial plan and before plain "Medicare"
  - match: Aetna Medicare Advantage
    type: medicare_advantage
  - match: Aetna
    type: commercial
  - match: Medicare
    type: medicare
  - match: Medicaid
    type: medicaid
    policy:
      medicaid340b: { carve: out }   # Medicaid drugs are bought outside 340B (WAC)
  - match: Blue Cross
    type: commercial
    policy:
      bag: { drugLine: penny }       # like BridgeSpan: a white-bagged drug's line at $0.01 beside its administration
  - match: UnitedHealthcare
    type: commercial
    policy:
      bag: { drugLine: none }        # white-bagged drugs: administration only
  - match: Cigna
    type: commercial
    policy:
      bag: { drugLine: none }
`;
}
