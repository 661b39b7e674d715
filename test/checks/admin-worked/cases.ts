// Independent worked encounters for facility (HOPD) drug-administration coding, written from
// shared/domain/administration-coding.md (its "Our decisions" section wins over outside sources).
// Data only: no imports, no logic. Each `expected` lists every administration line (no drug
// J-codes), one entry per code (a second initial carrying XU is its own entry), sorted by code.
// Reasoning that starts with 'AMBIGUOUS:' marks a point where the note left a choice open.

export interface WorkedAdmin {
  drug: string;
  route: 'IV' | 'SC' | 'IM' | 'IV push';
  start: string;
  stop?: string;
  purpose?: 'chemo' | 'therapeutic' | 'hydration';
  accessSite?: string;
  administrationId?: string;
  holdMinutes?: number;
  note?: string;
}
export interface WorkedLine {
  code: string;
  units: number;
  modifiers?: string[];
}
export interface WorkedEncounter {
  name: string;
  setting?: 'hopd' | 'office';
  admins: WorkedAdmin[];
  expected: WorkedLine[];
  reasoning: string;
}

export const WORKED: WorkedEncounter[] = [
  // ---------------------------------------------------------------- regimens
  {
    name: 'FOLFOX day: oxaliplatin with leucovorin run concurrently, 5-FU push, 46-h 5-FU pump',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 16 mg', route: 'IV push', start: '2024-03-04 08:30', purpose: 'therapeutic', accessSite: 'right chest port' },
      { drug: 'dexamethasone 12 mg', route: 'IV push', start: '2024-03-04 08:35', purpose: 'therapeutic', accessSite: 'right chest port' },
      { drug: 'oxaliplatin 85 mg/m2', route: 'IV', start: '2024-03-04 09:00', stop: '2024-03-04 11:00', purpose: 'chemo', accessSite: 'right chest port' },
      { drug: 'leucovorin 400 mg/m2', route: 'IV', start: '2024-03-04 09:00', stop: '2024-03-04 11:00', purpose: 'therapeutic', accessSite: 'right chest port', note: 'separate line, Y-site into the same port' },
      { drug: 'fluorouracil 400 mg/m2 bolus', route: 'IV push', start: '2024-03-04 11:05', purpose: 'chemo', accessSite: 'right chest port' },
      { drug: 'fluorouracil 2400 mg/m2 over 46 h', route: 'IV', start: '2024-03-04 11:10', stop: '2024-03-06 09:10', purpose: 'chemo', accessSite: 'right chest port', note: 'portable ambulatory pump (CADD) started in clinic, patient sent home' },
    ],
    expected: [
      { code: '96368', units: 1 },
      { code: '96375', units: 2 },
      { code: '96411', units: 1 },
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
      { code: '96416', units: 1 },
    ],
    reasoning:
      'Oxaliplatin and leucovorin overlap 120 of a 120-min span (> 60), so they are concurrent: oxaliplatin is initial 96413 + 96415 x1 (120 min: floor((120-31)/60)=1) and leucovorin is 96368 (untimed, once for the date). The 5-FU bolus is a chemo push of a new drug (96411), the two premed pushes are 96375 x2, and the >8-h pump start is 96416 (untimed; the pump stop on a later date adds nothing).',
  },
  {
    name: 'FOLFOX variant: leucovorin overlaps oxaliplatin by exactly one third of the span (sequential)',
    setting: 'hopd',
    admins: [
      { drug: 'oxaliplatin 85 mg/m2', route: 'IV', start: '2024-03-04 09:00', stop: '2024-03-04 11:00', purpose: 'chemo', accessSite: 'right chest port' },
      { drug: 'leucovorin 400 mg/m2', route: 'IV', start: '2024-03-04 10:00', stop: '2024-03-04 12:00', purpose: 'therapeutic', accessSite: 'right chest port' },
      { drug: 'fluorouracil 400 mg/m2 bolus', route: 'IV push', start: '2024-03-04 12:05', purpose: 'chemo', accessSite: 'right chest port' },
      { drug: 'fluorouracil 2400 mg/m2 over 46 h', route: 'IV', start: '2024-03-04 12:10', stop: '2024-03-06 10:10', purpose: 'chemo', accessSite: 'right chest port', note: 'portable ambulatory pump started in clinic' },
    ],
    expected: [
      { code: '96367', units: 1 },
      { code: '96411', units: 1 },
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
      { code: '96416', units: 1 },
    ],
    reasoning:
      'Overlap 10:00-11:00 = 60 min of a 180-min span (09:00-12:00), not more than 90, so sequential; the overlap goes to the higher-ranked chemo. Oxaliplatin keeps 120 min (96413 + 96415 x1), leucovorin keeps 120-60 = 60 min (96367 x1, no 96366), plus 96411 for the bolus and 96416 for the pump.',
  },
  {
    name: 'Leucovorin started 30 min before oxaliplatin: still concurrent by the overlap rule',
    setting: 'hopd',
    admins: [
      { drug: 'leucovorin 400 mg/m2', route: 'IV', start: '2024-03-04 09:00', stop: '2024-03-04 11:00', purpose: 'therapeutic', accessSite: 'right chest port' },
      { drug: 'oxaliplatin 85 mg/m2', route: 'IV', start: '2024-03-04 09:30', stop: '2024-03-04 11:30', purpose: 'chemo', accessSite: 'right chest port' },
    ],
    expected: [
      { code: '96368', units: 1 },
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
    ],
    reasoning:
      'Overlap 09:30-11:00 = 90 min of a 150-min span (09:00-11:30) is more than 75, so concurrent. Oxaliplatin (chemo outranks) is initial for its full 120 min: 96413 + 96415 x1; leucovorin is 96368 x1 (untimed).',
  },
  {
    name: 'Leucovorin overlaps oxaliplatin briefly: sequential, leucovorin keeps 121 min',
    setting: 'hopd',
    admins: [
      { drug: 'oxaliplatin 85 mg/m2', route: 'IV', start: '2024-03-04 09:00', stop: '2024-03-04 11:00', purpose: 'chemo' },
      { drug: 'leucovorin 400 mg/m2', route: 'IV', start: '2024-03-04 10:30', stop: '2024-03-04 13:01', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96366', units: 1 },
      { code: '96367', units: 1 },
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
    ],
    reasoning:
      'Overlap 10:30-11:00 = 30 min of a 241-min span, so sequential and the overlap counts once, to the chemo. Oxaliplatin 120 min = 96413 + 96415 x1; leucovorin 151-30 = 121 min = 96367 + 96366 x floor((121-31)/60) = 1.',
  },
  {
    name: 'R-CHOP day: rituximab long infusion, doxorubicin and vincristine pushes, cyclophosphamide infusion, premed pushes',
    setting: 'hopd',
    admins: [
      { drug: 'diphenhydramine 50 mg', route: 'IV push', start: '2024-03-05 08:30', purpose: 'therapeutic' },
      { drug: 'ondansetron 16 mg', route: 'IV push', start: '2024-03-05 08:35', purpose: 'therapeutic' },
      { drug: 'rituximab 375 mg/m2', route: 'IV', start: '2024-03-05 09:00', stop: '2024-03-05 13:15', purpose: 'chemo' },
      { drug: 'doxorubicin 50 mg/m2', route: 'IV push', start: '2024-03-05 13:20', purpose: 'chemo' },
      { drug: 'vincristine 2 mg in 50 mL minibag', route: 'IV', start: '2024-03-05 13:30', stop: '2024-03-05 13:40', purpose: 'chemo', note: '10-minute minibag: a push by time' },
      { drug: 'cyclophosphamide 750 mg/m2', route: 'IV', start: '2024-03-05 13:45', stop: '2024-03-05 14:45', purpose: 'chemo' },
    ],
    expected: [
      { code: '96375', units: 2 },
      { code: '96411', units: 2 },
      { code: '96413', units: 1 },
      { code: '96415', units: 3 },
      { code: '96417', units: 1 },
    ],
    reasoning:
      'Rituximab 255 min is the initial chemo infusion: 96413 + 96415 x floor((255-31)/60) = 3. Doxorubicin push and the 10-min vincristine minibag (<= 15 min = push) are 96411 x2, cyclophosphamide 60 min is 96417 x1 (no extra hour), and the two premed pushes are 96375 x2 (subordinate to the chemo initial even though given first).',
  },
  {
    name: 'Carboplatin/paclitaxel with three premeds, one a 15-minute minibag',
    setting: 'hopd',
    admins: [
      { drug: 'famotidine 20 mg', route: 'IV push', start: '2024-03-06 09:00', purpose: 'therapeutic' },
      { drug: 'diphenhydramine 50 mg', route: 'IV push', start: '2024-03-06 09:05', purpose: 'therapeutic' },
      { drug: 'dexamethasone 20 mg in 50 mL', route: 'IV', start: '2024-03-06 09:10', stop: '2024-03-06 09:25', purpose: 'therapeutic' },
      { drug: 'paclitaxel 175 mg/m2', route: 'IV', start: '2024-03-06 09:30', stop: '2024-03-06 12:30', purpose: 'chemo' },
      { drug: 'carboplatin AUC 5', route: 'IV', start: '2024-03-06 12:35', stop: '2024-03-06 13:05', purpose: 'chemo' },
    ],
    expected: [
      { code: '96375', units: 3 },
      { code: '96413', units: 1 },
      { code: '96415', units: 2 },
      { code: '96417', units: 1 },
    ],
    reasoning:
      'The 15-min dexamethasone minibag is a push (<= 15 min), so the three premeds are 96375 x3. Paclitaxel 180 min = 96413 + 96415 x floor(149/60) = 2; carboplatin 30 min = 96417 x1.',
  },
  {
    name: 'ABVD: three chemo pushes before a dacarbazine infusion',
    setting: 'hopd',
    admins: [
      { drug: 'doxorubicin 25 mg/m2', route: 'IV push', start: '2024-03-07 09:00', purpose: 'chemo' },
      { drug: 'bleomycin 10 units/m2', route: 'IV push', start: '2024-03-07 09:10', purpose: 'chemo' },
      { drug: 'vinblastine 6 mg/m2', route: 'IV push', start: '2024-03-07 09:20', purpose: 'chemo' },
      { drug: 'dacarbazine 375 mg/m2', route: 'IV', start: '2024-03-07 09:30', stop: '2024-03-07 10:30', purpose: 'chemo' },
    ],
    expected: [
      { code: '96411', units: 3 },
      { code: '96413', units: 1 },
    ],
    reasoning:
      'By hierarchy the chemo infusion (dacarbazine, 60 min) is initial 96413 although it came last; the three earlier chemo pushes of new drugs are 96411 x3, never 96409.',
  },
  {
    name: 'Pembrolizumab, pemetrexed 10-min, carboplatin 30-min',
    setting: 'hopd',
    admins: [
      { drug: 'pembrolizumab 200 mg', route: 'IV', start: '2024-03-08 09:00', stop: '2024-03-08 09:30', purpose: 'chemo' },
      { drug: 'pemetrexed 500 mg/m2', route: 'IV', start: '2024-03-08 09:35', stop: '2024-03-08 09:45', purpose: 'chemo' },
      { drug: 'carboplatin AUC 5', route: 'IV', start: '2024-03-08 09:50', stop: '2024-03-08 10:20', purpose: 'chemo' },
    ],
    expected: [
      { code: '96411', units: 1 },
      { code: '96413', units: 1 },
      { code: '96417', units: 1 },
    ],
    reasoning:
      'Pemetrexed runs 10 min (<= 15), so it is a chemo push of a new drug, 96411. Pembrolizumab and carboplatin are 30-min chemo infusions: one is initial 96413 and the other sequential 96417 (the codes are the same whichever is picked).',
  },
  {
    name: 'Pembrolizumab 30 minutes alone',
    setting: 'hopd',
    admins: [{ drug: 'pembrolizumab 200 mg', route: 'IV', start: '2024-03-08 10:00', stop: '2024-03-08 10:30', purpose: 'chemo' }],
    expected: [{ code: '96413', units: 1 }],
    reasoning: '30 minutes is an infusion (>= 16) and within the first hour: 96413 x1, no add-on.',
  },
  {
    name: 'Paclitaxel 180 min then cisplatin 120 min (sequential chemo with its own extra hour)',
    setting: 'hopd',
    admins: [
      { drug: 'paclitaxel 135 mg/m2', route: 'IV', start: '2024-03-11 09:00', stop: '2024-03-11 12:00', purpose: 'chemo' },
      { drug: 'cisplatin 75 mg/m2', route: 'IV', start: '2024-03-11 12:05', stop: '2024-03-11 14:05', purpose: 'chemo' },
    ],
    expected: [
      { code: '96413', units: 1 },
      { code: '96415', units: 3 },
      { code: '96417', units: 1 },
    ],
    reasoning:
      'Paclitaxel 180 min = 96413 + 96415 x2; cisplatin 120 min = 96417 + 96415 x floor(89/60) = 1 (extra hours of a 96417 drug use 96415). Total 96415 x3.',
  },
  {
    name: 'Vinorelbine 10-min (chemo push) with antiemetic push and post-hydration',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 8 mg', route: 'IV push', start: '2024-03-12 09:00', purpose: 'therapeutic' },
      { drug: 'vinorelbine 25 mg/m2', route: 'IV', start: '2024-03-12 09:10', stop: '2024-03-12 09:20', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 500 mL', route: 'IV', start: '2024-03-12 09:25', stop: '2024-03-12 10:25', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96375', units: 1 },
      { code: '96409', units: 1 },
    ],
    reasoning:
      'Vinorelbine over 10 min is a chemo push and, with no chemo infusion, the initial 96409; the ondansetron push is 96375. The 60-min hydration after it is secondary: 96361 x1 (31-90 min).',
  },

  // ---------------------------------------------------------------- pushes (ED-style)
  {
    name: 'ED: ondansetron push, same drug again 20 minutes later',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:00', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:20', purpose: 'therapeutic' },
    ],
    expected: [{ code: '96374', units: 1 }],
    reasoning: 'The repeat is 20 min after the start of the first push (not more than 30), so it earns no 96376; only the initial 96374.',
  },
  {
    name: 'ED: ondansetron push, same drug again exactly 30 minutes later',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:00', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:30', purpose: 'therapeutic' },
    ],
    expected: [{ code: '96374', units: 1 }],
    reasoning: '96376 needs MORE than 30 min start-to-start; exactly 30 does not qualify, so only 96374.',
  },
  {
    name: 'ED: ondansetron push, same drug again 31 minutes later',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:00', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:31', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96374', units: 1 },
      { code: '96376', units: 1 },
    ],
    reasoning: '31 min start-to-start is more than 30: the repeat push of the same drug is 96376 x1 on top of 96374.',
  },
  {
    name: 'ED: ondansetron push, same drug again 40 minutes later',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:00', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-01 10:40', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96374', units: 1 },
      { code: '96376', units: 1 },
    ],
    reasoning: '40 min since the start of the first push (> 30): 96374 + 96376.',
  },
  {
    name: 'ED push series: two drugs, each repeated, one repeat too early',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-02 10:00', purpose: 'therapeutic' },
      { drug: 'morphine 4 mg', route: 'IV push', start: '2024-04-02 10:05', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-02 10:20', purpose: 'therapeutic' },
      { drug: 'morphine 4 mg', route: 'IV push', start: '2024-04-02 10:40', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-02 10:45', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96374', units: 1 },
      { code: '96375', units: 1 },
      { code: '96376', units: 2 },
    ],
    reasoning:
      'AMBIGUOUS: the Time rules measure 96376 from the previous REPORTED push, while the decisions section says "the previous push"; we follow the Time rules. Ondansetron 10:00 = 96374, morphine 10:05 = 96375, ondansetron 10:20 (20 min) is not reported, morphine 10:40 (35 min after 10:05) = 96376, ondansetron 10:45 (45 min after the reported 10:00, only 25 after the unreported 10:20) = 96376.',
  },
  {
    name: 'Push of a drug already infused earlier, more than 30 min after that infusion ended',
    setting: 'hopd',
    admins: [
      { drug: 'diphenhydramine 25 mg in 50 mL', route: 'IV', start: '2024-04-03 09:00', stop: '2024-04-03 09:20', purpose: 'therapeutic' },
      { drug: 'paclitaxel 80 mg/m2', route: 'IV', start: '2024-04-03 09:30', stop: '2024-04-03 10:30', purpose: 'chemo' },
      { drug: 'diphenhydramine 25 mg', route: 'IV push', start: '2024-04-03 10:35', purpose: 'therapeutic', note: 'pruritus' },
    ],
    expected: [
      { code: '96367', units: 1 },
      { code: '96376', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning:
      'Paclitaxel 60 min is initial 96413; the 20-min diphenhydramine infusion is a sequential TPD infusion 96367. The later diphenhydramine push comes 75 min after that infusion ended, so per our decision it is a repeat of the same drug, 96376, not 96375.',
  },
  {
    name: 'Push of a drug already infused, only 25 min after that infusion ended',
    setting: 'hopd',
    admins: [
      { drug: 'diphenhydramine 25 mg in 50 mL', route: 'IV', start: '2024-04-03 09:00', stop: '2024-04-03 09:20', purpose: 'therapeutic' },
      { drug: 'paclitaxel 80 mg/m2', route: 'IV', start: '2024-04-03 09:30', stop: '2024-04-03 10:30', purpose: 'chemo' },
      { drug: 'diphenhydramine 25 mg', route: 'IV push', start: '2024-04-03 09:45', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96367', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning:
      'AMBIGUOUS: the note only says such a push is 96376 (not 96375) after more than 30 min; we read a push 30 min or less after the infusion of the same drug ended as not separately reported (it is neither a new drug nor a qualifying repeat). Here 09:20 to 09:45 = 25 min, so only 96413 + 96367.',
  },

  // ---------------------------------------------------------------- hierarchy
  {
    name: 'Chemo infusion after an antiemetic push: chemo is still initial',
    setting: 'hopd',
    admins: [
      { drug: 'ondansetron 8 mg', route: 'IV push', start: '2024-04-04 09:00', purpose: 'therapeutic' },
      { drug: 'carboplatin AUC 5', route: 'IV', start: '2024-04-04 09:15', stop: '2024-04-04 09:45', purpose: 'chemo' },
    ],
    expected: [
      { code: '96375', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Hierarchy, not clock order: carboplatin 30 min is initial 96413, and the earlier antiemetic push is the sequential push 96375.',
  },
  {
    name: 'Therapeutic push outranks a hydration infusion (push after the fluid)',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-04-05 09:00', stop: '2024-04-05 11:00', purpose: 'hydration' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-05 11:05', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96361', units: 2 },
      { code: '96374', units: 1 },
    ],
    reasoning:
      'TPD outranks hydration, so the push is initial 96374 and the 120-min hydration is secondary 96361: 1 unit for 31+, a 2nd for > 90 (120 > 90, not > 150) = 2 units.',
  },
  {
    name: 'Push charted inside a hydration run: push minutes deducted',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-04-05 09:00', stop: '2024-04-05 10:31', purpose: 'hydration' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-04-05 09:30', stop: '2024-04-05 09:35', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96374', units: 1 },
    ],
    reasoning:
      'Hydration 91 min minus the 5 push minutes charted inside it = 86 min, which is not more than 90, so secondary hydration is 96361 x1 (it would be x2 without the deduction); the push is initial 96374.',
  },
  {
    name: 'Chemo SC injection does not change which IV service is initial',
    setting: 'hopd',
    admins: [
      { drug: 'bortezomib 1.3 mg/m2', route: 'SC', start: '2024-04-08 09:00', purpose: 'chemo' },
      { drug: 'zoledronic acid 4 mg', route: 'IV', start: '2024-04-08 09:10', stop: '2024-04-08 09:25', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96374', units: 1 },
      { code: '96401', units: 1 },
    ],
    reasoning:
      'Zoledronic acid over 15 min is a push and the only IV service, so it is initial 96374 (not 96375) despite the chemo injection; bortezomib SC is reported per administration as 96401.',
  },
  {
    name: 'Hydration is initial next to an SC injection',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-04-08 09:00', stop: '2024-04-08 10:00', purpose: 'hydration' },
      { drug: 'pegfilgrastim 6 mg', route: 'SC', start: '2024-04-08 10:05', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96360', units: 1 },
      { code: '96372', units: 1 },
    ],
    reasoning: 'SC injections never decide the IV initial, so the 60-min hydration is 96360 x1 (31-90 min, no 96361); pegfilgrastim SC is 96372.',
  },

  // ---------------------------------------------------------------- hydration
  {
    name: 'Hydration pieces before and after cisplatin: 15 + 15 = 30 min, not reported',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 250 mL pre-hydration', route: 'IV', start: '2024-05-06 09:44', stop: '2024-05-06 09:59', purpose: 'hydration' },
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-06 10:00', stop: '2024-05-06 11:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 250 mL post-hydration', route: 'IV', start: '2024-05-06 11:01', stop: '2024-05-06 11:16', purpose: 'hydration' },
    ],
    expected: [{ code: '96413', units: 1 }],
    reasoning: 'Pieces under 31 min are added: 15 + 15 = 30 min, below the 31-min hydration minimum, so only cisplatin 60 min = 96413.',
  },
  {
    name: 'Hydration pieces before and after cisplatin: 15 + 16 = 31 min, reported',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 250 mL pre-hydration', route: 'IV', start: '2024-05-06 09:44', stop: '2024-05-06 09:59', purpose: 'hydration' },
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-06 10:00', stop: '2024-05-06 11:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 250 mL post-hydration', route: 'IV', start: '2024-05-06 11:01', stop: '2024-05-06 11:17', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Pieces added: 15 + 16 = 31 min, which meets the minimum; hydration after a chemo initial is secondary 96361 x1.',
  },
  {
    name: 'Long pre- and post-hydration around cisplatin: 100 + 100 min summed',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL pre-hydration', route: 'IV', start: '2024-05-07 08:00', stop: '2024-05-07 09:40', purpose: 'hydration' },
      { drug: 'cisplatin 75 mg/m2', route: 'IV', start: '2024-05-07 10:00', stop: '2024-05-07 11:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 1000 mL post-hydration', route: 'IV', start: '2024-05-07 11:05', stop: '2024-05-07 12:45', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 3 },
      { code: '96413', units: 1 },
    ],
    reasoning:
      'AMBIGUOUS: the pieces rule only speaks of pieces under 31 min; we apply the "several bags of the same drug are one infusion" decision, so NS 100 + 100 = 200 min of secondary hydration = 1 + floor((200-31)/60) = 3 units of 96361 (counting the pieces apart would give 2 + 2 = 4). Cisplatin 60 min = 96413.',
  },
  {
    name: 'Hydration alone 30 minutes: nothing reported',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 500 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 09:30', purpose: 'hydration' }],
    expected: [],
    reasoning: 'Hydration needs 31 minutes or more; 30 minutes supports no administration line.',
  },
  {
    name: 'Hydration alone 31 minutes',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 500 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 09:31', purpose: 'hydration' }],
    expected: [{ code: '96360', units: 1 }],
    reasoning: '31 minutes meets the hydration minimum: 96360 x1.',
  },
  {
    name: 'Hydration alone 90 minutes',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 10:30', purpose: 'hydration' }],
    expected: [{ code: '96360', units: 1 }],
    reasoning: '90 min = 60 + 30; the extra 30 is not more than 30, so 96360 with floor((90-31)/60) = 0 add-on hours.',
  },
  {
    name: 'Hydration alone 91 minutes',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 10:31', purpose: 'hydration' }],
    expected: [
      { code: '96360', units: 1 },
      { code: '96361', units: 1 },
    ],
    reasoning: '91 min: 31 past the first hour (> 30), so 96360 + 96361 x floor((91-31)/60) = 1.',
  },
  {
    name: 'Hydration alone 150 minutes',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 11:30', purpose: 'hydration' }],
    expected: [
      { code: '96360', units: 1 },
      { code: '96361', units: 1 },
    ],
    reasoning: '150 min: second extra hour would need more than 30 past 120; floor((150-31)/60) = 1, so 96360 + 96361 x1.',
  },
  {
    name: 'Hydration alone 151 minutes',
    setting: 'hopd',
    admins: [{ drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-08 09:00', stop: '2024-05-08 11:31', purpose: 'hydration' }],
    expected: [
      { code: '96360', units: 1 },
      { code: '96361', units: 2 },
    ],
    reasoning: '151 min: floor((151-31)/60) = 2 add-on hours, so 96360 + 96361 x2.',
  },
  {
    name: 'Secondary hydration 30 min after cisplatin: not reported',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-09 09:00', stop: '2024-05-09 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 500 mL post-hydration', route: 'IV', start: '2024-05-09 10:05', stop: '2024-05-09 10:35', purpose: 'hydration' },
    ],
    expected: [{ code: '96413', units: 1 }],
    reasoning: 'Post-hydration of 30 min is under the 31-min minimum; only cisplatin 60 min = 96413.',
  },
  {
    name: 'Secondary hydration 31 min after cisplatin',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-09 09:00', stop: '2024-05-09 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 500 mL post-hydration', route: 'IV', start: '2024-05-09 10:05', stop: '2024-05-09 10:36', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Secondary hydration (no 96360 after a chemo initial): first 96361 unit at 31+ min, so 31 min = 96361 x1.',
  },
  {
    name: 'Secondary hydration 90 min after cisplatin',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-09 09:00', stop: '2024-05-09 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 1000 mL post-hydration', route: 'IV', start: '2024-05-09 10:05', stop: '2024-05-09 11:35', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Secondary hydration 90 min: a second 96361 unit needs MORE than 90 min, so 96361 x1.',
  },
  {
    name: 'Secondary hydration 91 min after cisplatin',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-09 09:00', stop: '2024-05-09 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 1000 mL post-hydration', route: 'IV', start: '2024-05-09 10:05', stop: '2024-05-09 11:36', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 2 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Secondary hydration 91 min (> 90): 96361 x2 (1 + floor((91-31)/60)).',
  },
  {
    name: 'Concurrent hydration dropped whole',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-10 09:00', stop: '2024-05-10 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-10 09:00', stop: '2024-05-10 10:30', purpose: 'hydration' },
    ],
    expected: [{ code: '96413', units: 1 }],
    reasoning: 'Overlap 60 min of a 90-min span (> 45) makes the hydration concurrent, so all 90 hydration minutes are dropped (not just the overlap); cisplatin 60 min = 96413.',
  },
  {
    name: 'Hydration overlapping chemo for exactly half the span: not concurrent, keeps the rest',
    setting: 'hopd',
    admins: [
      { drug: 'cisplatin 40 mg/m2', route: 'IV', start: '2024-05-10 09:00', stop: '2024-05-10 10:00', purpose: 'chemo' },
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-10 09:00', stop: '2024-05-10 11:00', purpose: 'hydration' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96413', units: 1 },
    ],
    reasoning: 'Overlap 60 of a 120-min span is exactly half, not MORE than half, so sequential: the overlap goes to the chemo and hydration keeps 120 - 60 = 60 min = 96361 x1.',
  },
  {
    name: 'Hydration before vancomycin, overlap leaves hydration 30 min: not reported',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-13 08:30', stop: '2024-05-13 09:30', purpose: 'hydration' },
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-05-13 09:00', stop: '2024-05-13 11:00', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 1 },
    ],
    reasoning: 'Overlap 30 of a 150-min span: sequential, overlap to the higher-ranked vancomycin (120 min = 96365 + 96366 x1). Hydration keeps 60 - 30 = 30 min, under 31, so nothing.',
  },
  {
    name: 'Hydration before vancomycin, overlap leaves hydration 31 min: reported',
    setting: 'hopd',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-05-13 08:29', stop: '2024-05-13 09:30', purpose: 'hydration' },
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-05-13 09:00', stop: '2024-05-13 11:00', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96365', units: 1 },
      { code: '96366', units: 1 },
    ],
    reasoning: 'Overlap 30 of a 151-min span: sequential. Vancomycin 120 min = 96365 + 96366 x1; hydration keeps 61 - 30 = 31 min = secondary 96361 x1.',
  },
  {
    name: 'KVO line not billed',
    setting: 'hopd',
    admins: [
      { drug: 'NS KVO', route: 'IV', start: '2024-05-14 09:00', stop: '2024-05-14 12:00', purpose: 'hydration', note: 'KVO, keep vein open' },
      { drug: 'pembrolizumab 200 mg', route: 'IV', start: '2024-05-14 09:30', stop: '2024-05-14 10:00', purpose: 'chemo' },
    ],
    expected: [{ code: '96413', units: 1 }],
    reasoning: 'Fluid that keeps a vein open is never hydration, whatever its 180 minutes; only pembrolizumab 30 min = 96413.',
  },
  {
    name: 'Carrier fluid not billed',
    setting: 'hopd',
    admins: [
      { drug: 'D5W carrier', route: 'IV', start: '2024-05-14 08:55', stop: '2024-05-14 11:10', purpose: 'hydration', note: 'carrier for oxaliplatin' },
      { drug: 'oxaliplatin 85 mg/m2', route: 'IV', start: '2024-05-14 09:00', stop: '2024-05-14 11:00', purpose: 'chemo' },
    ],
    expected: [
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
    ],
    reasoning: 'A carrier/diluent fluid is not hydration. Oxaliplatin 120 min = 96413 + 96415 x floor(89/60) = 1.',
  },

  // ---------------------------------------------------------------- timing thresholds
  {
    name: 'Zoledronic acid over 15 minutes: a push',
    setting: 'hopd',
    admins: [{ drug: 'zoledronic acid 4 mg', route: 'IV', start: '2024-06-03 09:00', stop: '2024-06-03 09:15', purpose: 'therapeutic' }],
    expected: [{ code: '96374', units: 1 }],
    reasoning: 'An infusion of 15 minutes or less is a push: 96374.',
  },
  {
    name: 'Zoledronic acid over 16 minutes: an infusion',
    setting: 'hopd',
    admins: [{ drug: 'zoledronic acid 4 mg', route: 'IV', start: '2024-06-03 09:00', stop: '2024-06-03 09:16', purpose: 'therapeutic' }],
    expected: [{ code: '96365', units: 1 }],
    reasoning: '16 minutes or more is an infusion: 96365.',
  },
  {
    name: 'Carfilzomib over 10 minutes alone: chemo push',
    setting: 'hopd',
    admins: [{ drug: 'carfilzomib 27 mg/m2', route: 'IV', start: '2024-06-03 10:00', stop: '2024-06-03 10:10', purpose: 'chemo' }],
    expected: [{ code: '96409', units: 1 }],
    reasoning: 'A 10-min chemo infusion is a push by time, and the only IV service: initial chemo push 96409.',
  },
  {
    name: 'Vancomycin 90 minutes',
    setting: 'hopd',
    admins: [{ drug: 'vancomycin 1 g', route: 'IV', start: '2024-06-04 09:00', stop: '2024-06-04 10:30', purpose: 'therapeutic' }],
    expected: [{ code: '96365', units: 1 }],
    reasoning: '90 min: only 30 past the first hour (not more than 30), so 96365 with no 96366.',
  },
  {
    name: 'Vancomycin 91 minutes',
    setting: 'hopd',
    admins: [{ drug: 'vancomycin 1 g', route: 'IV', start: '2024-06-04 09:00', stop: '2024-06-04 10:31', purpose: 'therapeutic' }],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 1 },
    ],
    reasoning: '91 min: floor((91-31)/60) = 1, so 96365 + 96366 x1.',
  },
  {
    name: 'Paclitaxel 150 minutes',
    setting: 'hopd',
    admins: [{ drug: 'paclitaxel 175 mg/m2', route: 'IV', start: '2024-06-05 09:00', stop: '2024-06-05 11:30', purpose: 'chemo' }],
    expected: [
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
    ],
    reasoning: '150 min: floor((150-31)/60) = 1, so 96413 + 96415 x1 (30 min past 2 h does not start a second add-on).',
  },
  {
    name: 'Paclitaxel 151 minutes',
    setting: 'hopd',
    admins: [{ drug: 'paclitaxel 175 mg/m2', route: 'IV', start: '2024-06-05 09:00', stop: '2024-06-05 11:31', purpose: 'chemo' }],
    expected: [
      { code: '96413', units: 1 },
      { code: '96415', units: 2 },
    ],
    reasoning: '151 min: floor((151-31)/60) = 2, so 96413 + 96415 x2.',
  },

  // ---------------------------------------------------------------- bags, holds, restarts
  {
    name: 'IVIG in two consecutive bags with a diphenhydramine premed push',
    setting: 'hopd',
    admins: [
      { drug: 'diphenhydramine 25 mg', route: 'IV push', start: '2024-06-10 08:50', purpose: 'therapeutic' },
      { drug: 'immune globulin IV 10% (bag 1)', route: 'IV', start: '2024-06-10 09:00', stop: '2024-06-10 10:30', purpose: 'therapeutic' },
      { drug: 'immune globulin IV 10% (bag 2)', route: 'IV', start: '2024-06-10 10:35', stop: '2024-06-10 12:05', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 2 },
      { code: '96375', units: 1 },
    ],
    reasoning: 'Bags of the same drug are one infusion: 90 + 90 = 180 min = 96365 + 96366 x floor(149/60) = 2 (not a 96367 for bag 2); the premed push is 96375.',
  },
  {
    name: 'Potassium chloride in two bags with magnesium between them',
    setting: 'hopd',
    admins: [
      { drug: 'potassium chloride 20 mEq (bag 1)', route: 'IV', start: '2024-06-11 09:00', stop: '2024-06-11 10:00', purpose: 'therapeutic' },
      { drug: 'magnesium sulfate 2 g', route: 'IV', start: '2024-06-11 10:05', stop: '2024-06-11 11:05', purpose: 'therapeutic' },
      { drug: 'potassium chloride 20 mEq (bag 2)', route: 'IV', start: '2024-06-11 11:10', stop: '2024-06-11 12:10', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 1 },
      { code: '96367', units: 1 },
    ],
    reasoning: 'KCl bags are summed even with magnesium between them: 60 + 60 = 120 min = 96365 + 96366 x1; magnesium 60 min is the sequential new drug 96367.',
  },
  {
    name: 'Rituximab with a 30-minute hold for a reaction, diphenhydramine repeated',
    setting: 'hopd',
    admins: [
      { drug: 'diphenhydramine 50 mg', route: 'IV push', start: '2024-06-12 08:45', purpose: 'therapeutic' },
      { drug: 'rituximab 375 mg/m2', route: 'IV', start: '2024-06-12 09:00', stop: '2024-06-12 12:00', purpose: 'chemo', holdMinutes: 30, note: 'held 10:00-10:30 for infusion reaction' },
      { drug: 'diphenhydramine 25 mg', route: 'IV push', start: '2024-06-12 10:00', purpose: 'therapeutic', note: 'infusion reaction' },
    ],
    expected: [
      { code: '96375', units: 1 },
      { code: '96376', units: 1 },
      { code: '96413', units: 1 },
      { code: '96415', units: 1 },
    ],
    reasoning: 'Rituximab 180 - 30 held = 150 min = 96413 + 96415 x1 (x2 without the hold). Diphenhydramine premed push = 96375; the repeat at 10:00 is 75 min after the first push started, so 96376.',
  },
  {
    name: 'IVIG 91 minutes with a 30-minute hold',
    setting: 'hopd',
    admins: [{ drug: 'immune globulin IV 10%', route: 'IV', start: '2024-06-13 09:00', stop: '2024-06-13 10:31', purpose: 'therapeutic', holdMinutes: 30 }],
    expected: [{ code: '96365', units: 1 }],
    reasoning: '91 - 30 held = 61 min, which supports no additional hour: 96365 only.',
  },
  {
    name: 'Restart after infiltration at a new site continues the same infusion',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1 g', route: 'IV', start: '2024-06-14 10:00', stop: '2024-06-14 10:40', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'vancomycin 1 g', route: 'IV', start: '2024-06-14 10:50', stop: '2024-06-14 11:41', purpose: 'therapeutic', accessSite: 'right antecubital PIV', note: 'restart after infiltration of the left forearm site' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 1 },
    ],
    reasoning: 'A restart continues the same service and is no reason for a second initial: 40 + 51 = 91 min = 96365 + 96366 x1.',
  },

  // ---------------------------------------------------------------- access sites
  {
    name: 'Two distinct access sites in use at the same time: second initial with XU',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-06-17 10:00', stop: '2024-06-17 11:30', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'piperacillin-tazobactam 4.5 g', route: 'IV', start: '2024-06-17 10:00', stop: '2024-06-17 11:00', purpose: 'therapeutic', accessSite: 'right forearm PIV', note: 'separate site: Y-site incompatible with vancomycin' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96365', units: 1, modifiers: ['XU'] },
    ],
    reasoning:
      'Two distinct sites whose administrations overlap justify a second initial: vancomycin 90 min = 96365 (no add-on), piperacillin-tazobactam 60 min = 96365-XU, each site keeping its own minutes. The second initial is listed as its own entry because of the modifier.',
  },
  {
    name: 'Same times on two lumens of one PICC: one site, concurrent',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-06-17 10:00', stop: '2024-06-17 11:30', purpose: 'therapeutic', accessSite: 'double-lumen PICC, red lumen' },
      { drug: 'piperacillin-tazobactam 4.5 g', route: 'IV', start: '2024-06-17 10:00', stop: '2024-06-17 11:00', purpose: 'therapeutic', accessSite: 'double-lumen PICC, white lumen' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96368', units: 1 },
    ],
    reasoning: 'A multi-lumen catheter is one site, so no second initial. Overlap 60 of a 90-min span (> 45) is concurrent: the longer vancomycin is 96365 (90 min, no add-on), piperacillin-tazobactam is 96368.',
  },
  {
    name: 'Two access sites used one after another: no second initial',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-06-18 10:00', stop: '2024-06-18 11:30', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'ceftriaxone 2 g', route: 'IV', start: '2024-06-18 11:45', stop: '2024-06-18 12:15', purpose: 'therapeutic', accessSite: 'right hand PIV' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96367', units: 1 },
    ],
    reasoning: 'Sites used one after another (no time overlap) do not justify a second initial: vancomycin 90 min = 96365, ceftriaxone 30 min = sequential 96367.',
  },
  {
    name: 'A 30-minute drug inside a 90-minute infusion on one line: sequential',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1 g', route: 'IV', start: '2024-06-19 09:00', stop: '2024-06-19 10:30', purpose: 'therapeutic' },
      { drug: 'ceftriaxone 1 g', route: 'IV', start: '2024-06-19 09:30', stop: '2024-06-19 10:00', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96367', units: 1 },
    ],
    reasoning:
      'AMBIGUOUS: overlap 30 of a 90-min span (< 45) is sequential as the note states, but the overlap goes to the longer vancomycin, leaving ceftriaxone 0 minutes; we classify ceftriaxone as an infusion by its own 30 min and report 96367 x1 (no add-on), rather than dropping it. Vancomycin 90 min = 96365.',
  },
  {
    name: 'Medlearn example: drug B 07:00-16:00 and drug A 06:00-07:30',
    setting: 'hopd',
    admins: [
      { drug: 'drug A (therapeutic infusion)', route: 'IV', start: '2024-06-20 06:00', stop: '2024-06-20 07:30', purpose: 'therapeutic' },
      { drug: 'drug B (therapeutic infusion)', route: 'IV', start: '2024-06-20 07:00', stop: '2024-06-20 16:00', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96366', units: 8 },
      { code: '96367', units: 1 },
    ],
    reasoning:
      'Overlap 07:00-07:30 = 30 min of a 600-min span: sequential. Equal rank, so the longer drug B keeps the overlap and is initial: 540 min = 96365 + 96366 x floor(509/60) = 8; drug A keeps 90 - 30 = 60 min = 96367 x1.',
  },
  {
    name: 'Multi-day observation stay: one initial, 96368 once per date',
    setting: 'hopd',
    admins: [
      { drug: 'vancomycin 1.5 g', route: 'IV', start: '2024-05-01 20:00', stop: '2024-05-01 21:30', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'potassium chloride 20 mEq', route: 'IV', start: '2024-05-01 20:00', stop: '2024-05-01 21:00', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'magnesium sulfate 2 g', route: 'IV', start: '2024-05-02 08:00', stop: '2024-05-02 09:00', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
      { drug: 'cefepime 2 g', route: 'IV', start: '2024-05-02 08:00', stop: '2024-05-02 08:40', purpose: 'therapeutic', accessSite: 'left forearm PIV' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96367', units: 1 },
      { code: '96368', units: 2 },
    ],
    reasoning:
      'AMBIGUOUS: day 2 has no 96365/96366 of its own, so its 96368 rides on that date\'s 96367 (not in the quoted 96368 primary list); we keep one 96368 per date as decided and rely on the encounter\'s 96365. Day 1: overlap 60 of 90 (> 45) = concurrent, vancomycin 90 min = 96365 (the one initial of the stay), KCl = 96368; day 2: overlap 40 of 60 (> 30) = concurrent, magnesium (longer) = 96367 (a new calendar day is no reason for a second initial), cefepime = 96368.',
  },

  // ---------------------------------------------------------------- injections
  {
    name: 'Ceftriaxone IM alone',
    setting: 'hopd',
    admins: [{ drug: 'ceftriaxone 1 g', route: 'IM', start: '2024-07-01 10:00', purpose: 'therapeutic' }],
    expected: [{ code: '96372', units: 1 }],
    reasoning: 'A therapeutic IM injection is 96372 x1.',
  },
  {
    name: 'Two different IM injections plus an IV push',
    setting: 'hopd',
    admins: [
      { drug: 'ketorolac 30 mg', route: 'IM', start: '2024-07-01 10:00', purpose: 'therapeutic' },
      { drug: 'cyanocobalamin 1000 mcg', route: 'IM', start: '2024-07-01 10:02', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-07-01 10:10', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96372', units: 2 },
      { code: '96374', units: 1 },
    ],
    reasoning: 'IM/SC injections are reported per administration (96372 x2) and do not affect the IV initial, so the push is 96374.',
  },
  {
    name: 'Pegfilgrastim SC alone',
    setting: 'hopd',
    admins: [{ drug: 'pegfilgrastim 6 mg', route: 'SC', start: '2024-07-02 10:00', purpose: 'therapeutic' }],
    expected: [{ code: '96372', units: 1 }],
    reasoning: 'Pegfilgrastim is a supportive biologic, so TPD: SC injection 96372 x1.',
  },
  {
    name: 'Bortezomib SC alone',
    setting: 'hopd',
    admins: [{ drug: 'bortezomib 1.3 mg/m2', route: 'SC', start: '2024-07-03 10:00', purpose: 'chemo' }],
    expected: [{ code: '96401', units: 1 }],
    reasoning: 'Non-hormonal anti-neoplastic SC injection: 96401 x1.',
  },
  {
    name: 'Daratumumab-hyaluronidase SC and bortezomib SC',
    setting: 'hopd',
    admins: [
      { drug: 'daratumumab-hyaluronidase 1800 mg', route: 'SC', start: '2024-07-03 10:00', purpose: 'chemo' },
      { drug: 'bortezomib 1.3 mg/m2', route: 'SC', start: '2024-07-03 10:20', purpose: 'chemo' },
    ],
    expected: [{ code: '96401', units: 2 }],
    reasoning: 'Two non-hormonal anti-neoplastic SC injections, reported per administration: 96401 x2.',
  },
  {
    name: 'Leuprolide depot IM',
    setting: 'hopd',
    admins: [{ drug: 'leuprolide acetate depot 22.5 mg', route: 'IM', start: '2024-07-04 10:00', purpose: 'chemo' }],
    expected: [{ code: '96402', units: 1 }],
    reasoning: 'Hormonal anti-neoplastic IM injection: 96402 x1.',
  },

  // ---------------------------------------------------------------- port flush
  {
    name: 'Port flush as the only service of the day',
    setting: 'hopd',
    admins: [
      { drug: 'heparin lock flush 500 units (port flush)', route: 'IV push', start: '2024-07-08 10:00', purpose: 'therapeutic', accessSite: 'implanted port', note: 'port flush: irrigation of implanted venous access device, only service' },
    ],
    expected: [{ code: '96523', units: 1 }],
    reasoning:
      'AMBIGUOUS: the admin shape has no flush purpose, so we chart the heparin lock as a therapeutic push flagged "port flush" in drug and note; it is irrigation of an implanted device, not a push. As the only service that day it is 96523 x1.',
  },
  {
    name: 'Port flush with chemo the same day: no 96523',
    setting: 'hopd',
    admins: [
      { drug: 'pembrolizumab 200 mg', route: 'IV', start: '2024-07-08 10:00', stop: '2024-07-08 10:30', purpose: 'chemo', accessSite: 'implanted port' },
      { drug: 'heparin lock flush 500 units (port flush)', route: 'IV push', start: '2024-07-08 10:35', purpose: 'therapeutic', accessSite: 'implanted port', note: 'port flush at de-access' },
    ],
    expected: [{ code: '96413', units: 1 }],
    reasoning: '96523 only when the flush is the only service; with pembrolizumab 30 min (96413) the flush is included and is not a 96375.',
  },

  // ---------------------------------------------------------------- office setting
  {
    name: 'Office: ondansetron push repeated after 45 minutes (96376 is facility-only)',
    setting: 'office',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-07-09 10:00', purpose: 'therapeutic' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-07-09 10:45', purpose: 'therapeutic' },
    ],
    expected: [{ code: '96374', units: 1 }],
    reasoning: 'In a hospital this would be 96374 + 96376 (45 > 30 min), but 96376 is a facility-only code, so the office reports the initial 96374 only.',
  },
  {
    name: 'Office: IV antibiotic visit with an antiemetic push',
    setting: 'office',
    admins: [
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-07-10 09:00', purpose: 'therapeutic' },
      { drug: 'ceftriaxone 2 g', route: 'IV', start: '2024-07-10 09:10', stop: '2024-07-10 09:40', purpose: 'therapeutic', note: 'main reason for visit: IV antibiotic for cellulitis' },
    ],
    expected: [
      { code: '96365', units: 1 },
      { code: '96375', units: 1 },
    ],
    reasoning: 'The visit is for the antibiotic infusion (30 min), so it is the initial 96365 (hierarchy would agree); the push is 96375.',
  },
  {
    name: 'Office: dehydration visit, hydration is the main reason, antiemetic push inside the run',
    setting: 'office',
    admins: [
      { drug: 'sodium chloride 0.9% 1000 mL', route: 'IV', start: '2024-07-11 10:00', stop: '2024-07-11 11:00', purpose: 'hydration', note: 'main reason for visit: dehydration' },
      { drug: 'ondansetron 4 mg', route: 'IV push', start: '2024-07-11 10:05', stop: '2024-07-11 10:07', purpose: 'therapeutic' },
    ],
    expected: [
      { code: '96361', units: 1 },
      { code: '96374', units: 1 },
    ],
    reasoning:
      'AMBIGUOUS: an office codes the main reason for the visit as initial (here hydration: 96360 + 96375), but a MAR export has no main-reason column, so the engine uses the facility ranking as its documented proxy (derive.ts, explain hierarchy.code-set): the push is initial (96374) and hydration 60 - 2 push minutes = 58 min is secondary 96361 x1. Changed from the independent reading (96360 + 96375) for that reason only; a main-reason column would restore it.',
  },
];
