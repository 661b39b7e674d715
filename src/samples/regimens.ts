/**
 * Visit templates of the synthetic infusion center: what a patient on each regimen receives at one
 * visit, in chair order, with realistic doses (weight / body-surface based) and durations.
 */

import type { SampleRoute } from './coding.js';
import type { Rng } from './rng.js';

export interface Step {
  drug: string;
  route: SampleRoute;
  /** in the drug's MAR dose unit */
  dose: number;
  /** planned minutes (ignored for SC/IM); 0 with `concurrent` = same as the previous step */
  minutes: number;
  /** starts with the previous step (e.g. leucovorin beside oxaliplatin) */
  concurrent?: boolean;
  purpose?: string;
}

export interface PatientView {
  weight: number;
  bsa: number;
  gfr: number;
  choice: Record<string, string>;
  visitNo: number;
}

export interface RegimenSetup {
  choice: Record<string, string>;
  interval: number;
  course: number;
}

export type Access = 'port' | 'piv' | 'picc' | 'sc' | 'im';

export interface Regimen {
  key: string;
  area: 'oncology' | 'rheumatology' | 'neurology' | 'immunology' | 'hematology' | 'infectious-disease' | 'supportive';
  weight: number;
  access: Access;
  /** the specialty biologic a white-bag payer may source from its pharmacy */
  whiteBagDrug?: string;
  setup(r: Rng): RegimenSetup;
  steps(p: PatientView, r: Rng): Step[];
}

/** round to a multiple of `step` without binary-float residue */
export function roundTo(x: number, step: number): number {
  const v = Math.round(x / step) * step;
  return Number(v.toFixed(3));
}

const push = (drug: string, dose: number): Step => ({ drug, route: 'IV push', dose, minutes: 0 });
const iv = (drug: string, dose: number, minutes: number, purpose?: string): Step =>
  purpose ? { drug, route: 'IV', dose, minutes, purpose } : { drug, route: 'IV', dose, minutes };
const sc = (drug: string, dose: number): Step => ({ drug, route: 'SC', dose, minutes: 0 });
const im = (drug: string, dose: number): Step => ({ drug, route: 'IM', dose, minutes: 0 });

function antiemetic(p: PatientView): Step {
  return p.choice.antiemetic === 'palonosetron' ? push('palonosetron', 250) : push('ondansetron', 8);
}

export const REGIMENS: readonly Regimen[] = [
  {
    key: 'folfox',
    area: 'oncology',
    weight: 13,
    access: 'port',
    setup: (r) => ({ choice: { antiemetic: r.chance(0.3) ? 'palonosetron' : 'ondansetron' }, interval: 14, course: 12 }),
    steps: (p, r) => [
      antiemetic(p),
      push('dexamethasone', 12),
      iv('oxaliplatin', roundTo(85 * p.bsa, 1), 120 + r.int(0, 4)),
      { drug: 'leucovorin', route: 'IV', dose: roundTo(400 * p.bsa, 10), minutes: 0, concurrent: true },
      push('fluorouracil', roundTo(400 * p.bsa, 10)),
      iv('fluorouracil', roundTo(2400 * p.bsa, 10), 46 * 60), // ambulatory pump, 46 h
    ],
  },
  {
    key: 'r-chop',
    area: 'oncology',
    weight: 6,
    access: 'port',
    setup: (r) => ({ choice: { rituximab: r.chance(0.7) ? 'rituximabAbbs' : 'rituximab' }, interval: 21, course: 6 }),
    steps: (p, r) => [
      push('diphenhydramine', 50),
      push('ondansetron', 8),
      iv(p.choice.rituximab ?? 'rituximabAbbs', roundTo(375 * p.bsa, 10), p.visitNo === 1 ? 255 + r.int(0, 15) : r.pick([95, 120, 150, 185]) + r.int(0, 5)),
      push('doxorubicin', roundTo(50 * p.bsa, 1)),
      iv('cyclophosphamide', roundTo(750 * p.bsa, 10), 30 + r.int(0, 30)),
    ],
  },
  {
    key: 'pembrolizumab',
    area: 'oncology',
    weight: 6,
    access: 'port',
    setup: (r) => (r.chance(0.3) ? { choice: { dose: '400' }, interval: 42, course: 9 } : { choice: { dose: '200' }, interval: 21, course: 17 }),
    steps: (p, r) => [iv('pembrolizumab', Number(p.choice.dose ?? '200'), 30 + r.int(0, 4))],
  },
  {
    key: 'pembrolizumab-carboplatin-pemetrexed',
    area: 'oncology',
    weight: 4,
    access: 'port',
    setup: () => ({ choice: { antiemetic: 'ondansetron' }, interval: 21, course: 4 }),
    steps: (p, r) => [
      antiemetic(p),
      push('dexamethasone', 12),
      iv('pembrolizumab', 200, 30 + r.int(0, 3)),
      iv('pemetrexed', roundTo(500 * p.bsa, 10), 10), // a 10-minute infusion is a push by the time rule
      iv('carboplatin', roundTo(5 * (p.gfr + 25), 10), 30 + r.int(0, 15)),
    ],
  },
  {
    key: 'nivolumab',
    area: 'oncology',
    weight: 5,
    access: 'port',
    setup: (r) => (r.chance(0.5) ? { choice: { dose: '240' }, interval: 14, course: 26 } : { choice: { dose: '480' }, interval: 28, course: 13 }),
    steps: (p, r) => [iv('nivolumab', Number(p.choice.dose ?? '240'), 30 + r.int(0, 4))],
  },
  {
    key: 'cisplatin-etoposide',
    area: 'oncology',
    weight: 3,
    access: 'port',
    setup: () => ({ choice: {}, interval: 21, course: 4 }),
    steps: (p, r) => [
      iv('saline1000', 1000, 60 + r.int(0, 10), 'hydration'),
      push('ondansetron', 16),
      push('dexamethasone', 12),
      iv('fosaprepitant', 150, 20 + r.int(0, 10)),
      iv('cisplatin', roundTo(75 * p.bsa, 1), 60 + r.int(0, 5)),
      iv('etoposide', roundTo(100 * p.bsa, 10), 60 + r.int(0, 5)),
    ],
  },
  {
    key: 'paclitaxel-carboplatin',
    area: 'oncology',
    weight: 6,
    access: 'port',
    setup: () => ({ choice: {}, interval: 21, course: 6 }),
    steps: (p, r) => [
      push('dexamethasone', 20),
      push('diphenhydramine', 50),
      push('famotidine', 20),
      iv('paclitaxel', roundTo(175 * p.bsa, 1), 180 + r.int(0, 10)),
      iv('carboplatin', roundTo(6 * (p.gfr + 25), 10), 30 + r.int(0, 5)),
    ],
  },
  {
    key: 'bevacizumab-maintenance',
    area: 'oncology',
    weight: 2,
    access: 'port',
    setup: () => ({ choice: {}, interval: 21, course: 12 }),
    steps: (p, r) => [iv('bevacizumabAwwb', roundTo(15 * p.weight, 10), 30 + r.int(0, 5))],
  },
  {
    key: 'daratumumab',
    area: 'hematology',
    weight: 3,
    access: 'port',
    setup: () => ({ choice: {}, interval: 28, course: 12 }),
    steps: (p, r) => [
      iv('methylprednisolone', 100, 30 + r.int(0, 5)),
      push('diphenhydramine', 25),
      iv('daratumumab', roundTo(16 * p.weight, 10), r.pick([195, 210, 240]) + r.int(0, 10)),
    ],
  },
  {
    key: 'bortezomib-sc',
    area: 'hematology',
    weight: 1,
    access: 'sc',
    setup: (r) => ({ choice: {}, interval: 7, course: r.int(8, 16) }),
    steps: (p) => [sc('bortezomib', roundTo(1.3 * p.bsa, 0.01))],
  },
  {
    key: 'infliximab',
    area: 'immunology',
    weight: 6,
    access: 'piv',
    whiteBagDrug: 'infliximab',
    setup: (r) => ({ choice: { product: r.chance(0.45) ? 'infliximabDyyb' : 'infliximab' }, interval: 56, course: r.int(6, 12) }),
    steps: (p, r) => [push('diphenhydramine', 25), iv(p.choice.product ?? 'infliximab', roundTo(5 * p.weight, 10), 120 + r.int(0, 8))],
  },
  {
    key: 'tocilizumab',
    area: 'rheumatology',
    weight: 3,
    access: 'piv',
    whiteBagDrug: 'tocilizumab',
    setup: () => ({ choice: {}, interval: 28, course: 12 }),
    steps: (p, r) => [iv('tocilizumab', Math.min(800, roundTo(8 * p.weight, 10)), 60 + r.int(0, 5))],
  },
  {
    key: 'abatacept',
    area: 'rheumatology',
    weight: 2,
    access: 'piv',
    setup: () => ({ choice: {}, interval: 28, course: 12 }),
    steps: (p, r) => [iv('abatacept', p.weight < 60 ? 500 : p.weight <= 100 ? 750 : 1000, 30 + r.int(0, 5))],
  },
  {
    key: 'ocrelizumab',
    area: 'neurology',
    weight: 2,
    access: 'piv',
    whiteBagDrug: 'ocrelizumab',
    setup: (r) => ({ choice: { schedule: r.chance(0.4) ? 'short' : 'standard' }, interval: 182, course: 4 }),
    steps: (p, r) => [
      iv('methylprednisolone', 100, 30 + r.int(0, 5)),
      push('diphenhydramine', 50),
      iv('ocrelizumab', 600, (p.choice.schedule === 'short' ? 120 : 210) + r.int(0, 10)),
    ],
  },
  {
    key: 'natalizumab',
    area: 'neurology',
    weight: 2,
    access: 'piv',
    whiteBagDrug: 'natalizumab',
    setup: () => ({ choice: {}, interval: 28, course: 13 }),
    steps: (_p, r) => [iv('natalizumab', 300, 60 + r.int(0, 5))],
  },
  {
    key: 'ivig',
    area: 'immunology',
    weight: 5,
    access: 'piv',
    whiteBagDrug: 'ivig',
    setup: (r) => ({ choice: { gPerKg: r.chance(0.6) ? '0.4' : '1' }, interval: 28, course: 12 }),
    steps: (p, r) => {
      const grams = Math.max(20, roundTo(Number(p.choice.gPerKg ?? '0.4') * p.weight, 5));
      return [push('diphenhydramine', 25), iv('ivig', grams, Math.min(330, Math.max(120, 90 + grams * 3)) + r.int(0, 10))];
    },
  },
  {
    key: 'iron-sucrose',
    area: 'hematology',
    weight: 4,
    access: 'piv',
    setup: (r) => ({ choice: { how: r.chance(0.6) ? 'push' : 'infusion' }, interval: 7, course: 5 }),
    steps: (p, r) => [p.choice.how === 'push' ? push('ironSucrose', 200) : iv('ironSucrose', 200, 30 + r.int(0, 10))],
  },
  {
    key: 'ferric-carboxymaltose',
    area: 'hematology',
    weight: 2,
    access: 'piv',
    setup: () => ({ choice: {}, interval: 7, course: 2 }),
    steps: (_p, r) => [iv('ferricCarboxymaltose', 750, r.pick([15, 16, 20, 30]))],
  },
  {
    key: 'opat',
    area: 'infectious-disease',
    weight: 2,
    access: 'picc',
    setup: (r) => ({ choice: { drug: r.weighted([[5, 'ceftriaxone'], [2, 'ertapenem'], [3, 'vancomycin']] as const) }, interval: 1, course: r.int(5, 14) }),
    steps: (p, r) => {
      if (p.choice.drug === 'ertapenem') return [iv('ertapenem', 1, 30 + r.int(0, 5))];
      if (p.choice.drug === 'vancomycin') return [iv('vancomycin', Math.min(2000, Math.max(1000, roundTo(15 * p.weight, 250))), r.pick([90, 105, 120]))];
      return [iv('ceftriaxone', 2, 30 + r.int(0, 5))];
    },
  },
  {
    key: 'hydration',
    area: 'supportive',
    weight: 4,
    access: 'piv',
    setup: (r) => ({ choice: { antiemetic: r.chance(0.5) ? 'yes' : 'no' }, interval: 7, course: r.int(1, 3) }),
    steps: (p, r) => {
      const fluid = iv('saline1000', 1000, 60 + r.int(0, 90), 'hydration');
      return p.choice.antiemetic === 'yes' ? [push('ondansetron', 4), fluid] : [fluid];
    },
  },
  {
    key: 'denosumab',
    area: 'oncology',
    weight: 3,
    access: 'sc',
    setup: () => ({ choice: {}, interval: 28, course: 12 }),
    steps: () => [sc('denosumab', 120)],
  },
  {
    key: 'leuprolide',
    area: 'oncology',
    weight: 3,
    access: 'im',
    setup: () => ({ choice: {}, interval: 84, course: 4 }),
    steps: () => [im('leuprolide', 22.5)],
  },
  {
    key: 'pegfilgrastim',
    area: 'supportive',
    weight: 2,
    access: 'sc',
    setup: (r) => ({ choice: {}, interval: 14, course: r.int(4, 8) }),
    steps: () => [sc('pegfilgrastim', 6)],
  },
  {
    key: 'zoledronic-acid',
    area: 'oncology',
    weight: 2,
    access: 'piv',
    setup: () => ({ choice: {}, interval: 28, course: 6 }),
    steps: (_p, r) => [iv('zoledronic', 4, r.pick([15, 15, 20, 30]))],
  },
];

export const REGIMEN_WEIGHTS: readonly (readonly [number, Regimen])[] = REGIMENS.map((g) => [g.weight, g] as const);
