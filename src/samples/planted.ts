/**
 * Planted problems: each kind knows when it can be planted in an encounter and how, and tags the
 * row that shows it (the manifest records that row's file and spreadsheet row number).
 * Rule ids are the ids the auditor is expected to report: `input.*` and `ndc.malformed` are the
 * SPEC's / domain notes' ids; the others are the domain notes' suggestions.
 */

import { ADMIN_CHARGES, drug, drugCharge, type Drug } from './catalog.js';
import { ADDON_PRIMARIES, INITIAL_CODES, SUBSEQUENT_TO_INITIAL } from './coding.js';
import { fmtDateTime, fmtDay, type Rng } from './rng.js';
import type { DrugGroup, Encounter, LineRec, MarRec, PlantTag } from './types.js';

export interface PlantTools {
  rng: Rng;
  /** NDC as this payer's claims print it */
  claimNdc(ndc11: string): string;
  newMarId(): string;
  /** a drug group (MAR rows -> dispense row + claim lines) for this encounter */
  buildGroup(enc: Encounter, d: Drug, admins: MarRec[]): DrugGroup;
  adminLine(code: string, units: number): LineRec;
  sortLines(lines: LineRec[]): void;
  /** the patient's course ends with this encounter */
  endCourse(enc: Encounter): void;
}

export interface PlantKind {
  kind: string;
  ruleId: string;
  /** what the README says about it */
  summary: string;
  /** needs a situation few encounters have (set from ORDER) */
  rare?: boolean;
  applies(enc: Encounter): boolean;
  apply(enc: Encounter, t: PlantTools): void;
}

const digits = (s: string): string => s.replace(/\D/g, '');
const isMedicare = (e: Encounter): boolean => e.patient.payer.type === 'medicare';
const isDrugLine = (l: LineRec): boolean => !!l.group && !l.isJW;
const drugLines = (e: Encounter): LineRec[] => e.lines.filter(isDrugLine);
const withNdc = (e: Encounter): LineRec[] => drugLines(e).filter((l) => digits(l.ndc).length === 11);
const hasMod = (l: LineRec, m: string): boolean => l.modifiers.includes(m);
const pkgLines = (e: Encounter, g: DrugGroup): LineRec[] => e.lines.filter((l) => l.group === g);

function tag(kind: PlantKind, description: string): PlantTag {
  return { kind: kind.kind, ruleId: kind.ruleId, description };
}

function first<T>(items: readonly T[]): T {
  const x = items[0];
  if (x === undefined) throw new Error('planting: nothing to plant on');
  return x;
}

function ivInfusions(e: Encounter): MarRec[] {
  return e.mar.filter((m) => m.route === 'IV' && m.stop !== null && m.stop - m.start >= 16 && m.stop - m.start <= 480);
}

/** the 10-digit, unhyphenated form an export would show, when one segment was zero-padded */
export function tenDigitForm(ndc11: string): string | undefined {
  const m = /^(\d{5})-(\d{4})-(\d{2})$/.exec(ndc11);
  if (!m) return undefined;
  const [, lab, prod, pack] = m as unknown as [string, string, string, string];
  if (lab.startsWith('0')) return lab.slice(1) + prod + pack;
  if (prod.startsWith('0')) return lab + prod.slice(1) + pack;
  if (pack.startsWith('0')) return lab + prod + pack.slice(1);
  return undefined;
}

function setAdminCharge(l: LineRec): void {
  const u = Number(l.units);
  l.charge = ((ADMIN_CHARGES[l.code] ?? 0) * u).toFixed(2);
}

const K: PlantKind[] = [];
function kind(k: PlantKind): void {
  K.push(k);
}

kind({
  kind: 'ndc-too-short',
  ruleId: 'ndc.malformed',
  summary: 'claim NDC with 9 digits',
  applies: (e) => withNdc(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(withNdc(e));
    const before = l.ndc;
    l.ndc = l.ndc.includes('-') ? l.ndc.slice(0, 10) : l.ndc.slice(0, 9);
    l.plant = tag(this, `${l.code}: NDC ${l.ndc} has ${digits(l.ndc).length} digits (dispensed ${before})`);
  },
});

kind({
  kind: 'ndc-letters',
  ruleId: 'ndc.malformed',
  summary: 'claim NDC with a letter O typed for a zero',
  applies: (e) => withNdc(e).some((l) => l.ndc.includes('0')),
  apply(e, t) {
    const l = t.rng.pick(withNdc(e).filter((x) => x.ndc.includes('0')));
    const before = l.ndc;
    l.ndc = l.ndc.replace('0', 'O');
    l.plant = tag(this, `${l.code}: NDC ${l.ndc} contains a letter (should be ${before})`);
  },
});

kind({
  kind: 'ndc-10-digit',
  ruleId: 'ndc.malformed',
  summary: '10-digit NDC without hyphens on the claim',
  applies: (e) => drugLines(e).some((l) => l.group && tenDigitForm(l.group.pkg.ndc) !== undefined && l.ndc !== ''),
  apply(e, t) {
    const l = t.rng.pick(drugLines(e).filter((x) => x.group && tenDigitForm(x.group.pkg.ndc) !== undefined && x.ndc !== ''));
    const ndc11 = (l.group as DrugGroup).pkg.ndc;
    l.ndc = tenDigitForm(ndc11) as string;
    l.plant = tag(this, `${l.code}: 10-digit NDC ${l.ndc} without hyphens (the package is ${ndc11})`);
  },
});

kind({
  kind: 'ndc-missing-medicaid',
  ruleId: 'ndc.missing',
  summary: 'Medicaid drug line without NDC',
  applies: (e) => e.patient.payer.type === 'medicaid' && withNdc(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(withNdc(e));
    l.ndc = '';
    l.ndcQty = '';
    l.ndcUnit = '';
    l.plant = tag(this, `${l.code} billed to Medicaid without NDC, quantity or unit`);
  },
});

kind({
  kind: 'units-over',
  ruleId: 'units.over',
  summary: 'drug units computed with the wrong unit size',
  applies: (e) => drugLines(e).some((l) => Number(l.units) > 0),
  apply(e, t) {
    const l = t.rng.pick(drugLines(e).filter((x) => Number(x.units) > 0));
    const g = l.group as DrugGroup;
    const correct = Number(l.units);
    const dose = g.doseMilli / 1000;
    const units = g.drug.unitSize > 1 ? Math.ceil(dose) : correct * 10;
    l.units = String(units);
    l.charge = drugCharge(g.drug, units).toFixed(2);
    l.plant = tag(this, `${l.code} x ${units}: dose ${dose} ${g.drug.codeUnit} is ${correct} units of ${g.drug.unitSize} ${g.drug.codeUnit}`);
  },
});

kind({
  kind: 'units-under',
  ruleId: 'units.under',
  summary: 'drug billed per vial instead of per HCPCS unit',
  applies: (e) => drugLines(e).some((l) => l.group && l.group.vials < Number(l.units)),
  apply(e, t) {
    const l = t.rng.pick(drugLines(e).filter((x) => x.group && x.group.vials < Number(x.units)));
    const g = l.group as DrugGroup;
    const correct = l.units;
    l.units = String(g.vials);
    l.charge = drugCharge(g.drug, g.vials).toFixed(2);
    l.plant = tag(this, `${l.code} x ${g.vials} (vials) instead of ${correct} units`);
  },
});

kind({
  kind: 'jz-missing',
  ruleId: 'waste.jz-missing',
  summary: 'Medicare single-dose drug, no waste, JZ missing',
  applies: (e) => isMedicare(e) && drugLines(e).some((l) => hasMod(l, 'JZ')),
  apply(e, t) {
    const l = t.rng.pick(drugLines(e).filter((x) => hasMod(x, 'JZ')));
    l.modifiers = l.modifiers.filter((m) => m !== 'JZ');
    l.plant = tag(this, `${l.code}: MAR documents no waste but the line has no JZ`);
  },
});

kind({
  kind: 'jz-with-waste',
  ruleId: 'waste.jz-with-waste',
  summary: 'JZ billed although the MAR documents waste',
  applies: (e) => isMedicare(e) && e.lines.some((l) => l.isJW),
  apply(e, t) {
    const jw = t.rng.pick(e.lines.filter((l) => l.isJW));
    const g = jw.group as DrugGroup;
    e.lines = e.lines.filter((l) => l !== jw);
    const l = first(pkgLines(e, g));
    l.modifiers = ['JZ', ...l.modifiers];
    l.ndcQty = g.drug.ndcUnit === 'UN' ? String(g.vials) : l.ndcQty;
    l.plant = tag(this, `${l.code} with JZ; MAR documents ${(first(g.admins.filter((a) => a.wasted)).wasted ?? 0)} ${g.drug.doseUnit} wasted (${g.jwUnits} units), no JW line`);
  },
});

/** JZ lines whose drug comes in no package of one billing unit: one JW unit is then less than any vial (no waste.vial-selection) */
const jzLinesForJw = (e: Encounter): LineRec[] => drugLines(e).filter((l) => hasMod(l, 'JZ') && !!l.group && l.group.drug.packages.every((p) => p.billUnits >= 2));

kind({
  kind: 'jw-without-waste',
  ruleId: 'waste.jw-undocumented',
  summary: 'JW line with no waste documented',
  applies: (e) => isMedicare(e) && jzLinesForJw(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(jzLinesForJw(e));
    const g = l.group as DrugGroup;
    l.modifiers = l.modifiers.filter((m) => m !== 'JZ');
    const units = 1;
    const jw: LineRec = {
      ...l,
      modifiers: ['JW', ...l.modifiers],
      units: String(units),
      charge: drugCharge(g.drug, units).toFixed(2),
      ndcQty: g.drug.ndcUnit === 'UN' ? '1' : String(Math.round((units * g.drug.unitSize * (g.drug.mlPerCodeUnit ?? 1)) * 1000) / 1000),
      isJW: true,
    };
    for (const a of g.admins) a.wasted = null;
    e.lines.splice(e.lines.indexOf(l) + 1, 0, jw);
    jw.plant = tag(this, `${l.code}-JW x ${units}; the MAR charts no waste`);
  },
});

const with340b = (e: Encounter): LineRec[] => drugLines(e).filter((l) => hasMod(l, 'TB') || hasMod(l, 'JG'));

kind({
  kind: '340b-missing',
  ruleId: '340b.missing',
  summary: '340B-acquired drug on a Medicare claim without TB',
  applies: (e) => isMedicare(e) && with340b(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(with340b(e));
    const g = l.group as DrugGroup;
    for (const x of pkgLines(e, g)) x.modifiers = x.modifiers.filter((m) => m !== 'TB' && m !== 'JG');
    l.plant = tag(this, `${l.code}: dispensed from 340B stock (${g.dispense.id}), no TB/JG modifier`);
  },
});

kind({
  kind: '340b-wrong-modifier',
  ruleId: '340b.wrong',
  summary: 'JG billed where TB is required (DSH hospital, 2025)',
  applies: (e) => isMedicare(e) && with340b(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(with340b(e));
    const g = l.group as DrugGroup;
    const had = hasMod(l, 'TB') ? 'TB' : 'JG';
    const now = had === 'TB' ? 'JG' : 'TB';
    for (const x of pkgLines(e, g)) x.modifiers = x.modifiers.map((m) => (m === had ? now : m));
    l.plant = tag(this, `${l.code}: ${now} billed, ${had} expected for a DSH hospital on this date`);
  },
});

kind({
  kind: '340b-modifier-on-wac',
  ruleId: '340b.not-340b',
  summary: 'TB on a drug dispensed from WAC (non-340B) stock',
  applies: (e) => isMedicare(e) && with340b(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(with340b(e));
    const g = l.group as DrugGroup;
    g.inventory = 'wac';
    g.dispense.inventory = 'wac';
    l.plant = tag(this, `${l.code} carries ${hasMod(l, 'TB') ? 'TB' : 'JG'} but dispense ${g.dispense.id} is WAC stock`);
  },
});

const bagCandidates = (e: Encounter): DrugGroup[] =>
  e.patient.payer.type !== 'medicare'
    ? e.groups.filter((g) => g.model === 'buy_and_bill' && g.drug.si === 'K' && e.lines.some((l) => l.group === g && !l.isJW))
    : [];

/** a buy-and-bill drug of the encounter, picked, becomes a white-bag delivery (no 340B modifier on its lines) */
function toWhiteBag(e: Encounter, t: PlantTools): DrugGroup {
  const g = t.rng.pick(bagCandidates(e));
  g.model = 'white_bag';
  g.inventory = '';
  g.dispense.model = 'white_bag';
  g.dispense.inventory = '';
  for (const x of pkgLines(e, g)) x.modifiers = x.modifiers.filter((m) => m !== 'TB' && m !== 'JG');
  return g;
}

kind({
  kind: 'white-bag-billed',
  ruleId: 'billing-model.bag-charged',
  summary: 'white-bagged drug billed with a charge by the hospital',
  applies: (e) => bagCandidates(e).length > 0,
  apply(e, t) {
    const g = toWhiteBag(e, t);
    const l = first(pkgLines(e, g).filter((x) => !x.isJW));
    l.plant = tag(this, `${l.code} charged $${l.charge}; dispense ${g.dispense.id} is a white-bag delivery from the payer's specialty pharmacy`);
  },
});

kind({
  kind: 'white-bag-line-missing',
  ruleId: 'billing-model.bag-line-missing',
  summary: 'white-bagged drug given for a payer that wants a $0.01 drug line (policy.bag.drugLine: penny); administration billed alone',
  applies: (e) => e.patient.payer.bagLine === 'penny' && bagCandidates(e).length > 0,
  apply(e, t) {
    const g = toWhiteBag(e, t);
    e.lines = e.lines.filter((l) => l.group !== g);
    const a = first(g.admins);
    a.plant = tag(this, `${g.drug.name} ${a.dose} ${g.drug.doseUnit} given (${a.id}) from white-bag dispense ${g.dispense.id}; the payer wants ${g.drug.hcpcs} at $0.01 beside the administration, the claim has no ${g.drug.hcpcs} line`);
  },
});

const addonLines = (e: Encounter): { initial: LineRec; addon: LineRec } | undefined => {
  for (const initial of e.lines) {
    if (!INITIAL_CODES.has(initial.code)) continue;
    const addon = e.lines.find((l) => ADDON_PRIMARIES[l.code]?.includes(initial.code));
    if (addon) return { initial, addon };
  }
  return undefined;
};

kind({
  kind: 'addon-without-primary',
  ruleId: 'hierarchy.code-set',
  summary: 'add-on administration code billed without its initial code',
  applies: (e) => addonLines(e) !== undefined,
  apply(e) {
    const { initial, addon } = addonLines(e) as { initial: LineRec; addon: LineRec };
    e.lines = e.lines.filter((l) => l !== initial);
    addon.plant = tag(this, `${addon.code} billed but its primary ${initial.code} is missing from the claim`);
  },
});

const sequentialLines = (e: Encounter): LineRec[] => e.lines.filter((l) => l.code in SUBSEQUENT_TO_INITIAL && l.code !== '96361');

kind({
  kind: 'two-initials',
  ruleId: 'hierarchy.multiple-initial',
  summary: 'two initial administration codes through one access site',
  applies: (e) => sequentialLines(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(sequentialLines(e));
    const initialCode = SUBSEQUENT_TO_INITIAL[l.code] as string;
    const before = l.code;
    let target = l;
    if (Number(l.units) > 1) {
      l.units = String(Number(l.units) - 1);
      setAdminCharge(l);
      target = t.adminLine(initialCode, 1);
      e.lines.splice(e.lines.indexOf(l) + 1, 0, target);
    } else {
      l.code = initialCode;
      setAdminCharge(l);
    }
    const other = e.lines.find((x) => x !== target && INITIAL_CODES.has(x.code));
    target.plant = tag(this, `${initialCode} billed for a service that is ${before}; ${other?.code ?? 'another initial'} is already the initial service (one access site)`);
  },
});

const pushAssignments = (e: Encounter): { admin: MarRec; code: string }[] =>
  e.assignments
    .filter((a) => (a.code === '96374' || a.code === '96375') && e.mar[a.admin]?.route === 'IV push')
    .map((a) => ({ admin: e.mar[a.admin] as MarRec, code: a.code }));

kind({
  kind: 'push-billed-as-infusion',
  ruleId: 'hierarchy.code-set',
  summary: 'a 10-minute administration billed as an infusion (15/16-minute boundary)',
  applies: (e) => pushAssignments(e).length > 0 && e.lines.some((l) => l.code === '96374' || l.code === '96375'),
  apply(e, t) {
    const { admin, code } = t.rng.pick(pushAssignments(e));
    admin.route = 'IV';
    admin.stop = admin.start + 10;
    const line = e.lines.find((l) => l.code === code) as LineRec;
    let target: LineRec;
    if (code === '96374') {
      line.code = '96365';
      setAdminCharge(line);
      target = line;
    } else {
      if (Number(line.units) > 1) {
        line.units = String(Number(line.units) - 1);
        setAdminCharge(line);
      } else {
        e.lines = e.lines.filter((l) => l !== line);
      }
      target = t.adminLine('96367', 1);
      e.lines.push(target);
      t.sortLines(e.lines);
    }
    target.plant = tag(this, `${target.code} billed for ${admin.drug.name} ${admin.id}, charted as a 10-minute IV (15 minutes or less is a push: ${code})`);
  },
});

function hydrationSlot(e: Encounter): MarRec | undefined {
  if (e.mar.some((m) => m.drug.cls === 'hydration')) return undefined;
  if (!e.assignments.some((a) => a.role === 'initial')) return undefined;
  const firstIv = e.mar.find((m) => m.route === 'IV' || m.route === 'IV push');
  return firstIv && firstIv.start >= 60 ? firstIv : undefined;
}

kind({
  kind: 'hydration-30-minutes',
  ruleId: 'hierarchy.code-set',
  summary: 'hydration of 30 minutes billed (31 minutes needed)',
  applies: (e) => hydrationSlot(e) !== undefined,
  apply(e, t) {
    const firstIv = hydrationSlot(e) as MarRec;
    const ns = drug('saline500');
    const rec: MarRec = {
      id: t.newMarId(),
      drug: ns,
      dose: 500,
      route: 'IV',
      site: firstIv.site,
      start: firstIv.start - 35,
      stop: firstIv.start - 5,
      purpose: 'hydration',
      wasted: null,
    };
    e.mar.unshift(rec);
    const g = t.buildGroup(e, ns, [rec]);
    e.groups.push(g);
    e.dispenses.push(g.dispense);
    const line = t.adminLine('96361', 1);
    e.lines.push(line, ...g.lines);
    t.sortLines(e.lines);
    line.plant = tag(this, `96361 billed for ${rec.id}: hydration charted for 30 minutes`);
  },
});

/** separately paid (SI K) buy-and-bill drugs of the encounter that have a drug line: leaving one off misses its price */
const notBilledCandidates = (e: Encounter): DrugGroup[] =>
  e.groups.filter((g) => g.model === 'buy_and_bill' && g.drug.si === 'K' && e.lines.some((l) => l.group === g));

kind({
  kind: 'drug-not-billed',
  ruleId: 'billing-model.not-billed',
  summary: 'separately paid drug administered and dispensed (buy and bill) but no drug line',
  applies: (e) => notBilledCandidates(e).length > 0,
  apply(e, t) {
    const g = t.rng.pick(notBilledCandidates(e));
    e.lines = e.lines.filter((l) => l.group !== g);
    const a = first(g.admins);
    a.plant = tag(this, `${g.drug.name} ${a.dose} ${g.drug.doseUnit} given (${a.id}), dispensed (${g.dispense.id}); no ${g.drug.hcpcs} line on the claim`);
  },
});

const EXTRA_DRUGS: readonly [string, number][] = [
  ['ondansetron', 8],
  ['dexamethasone', 10],
  ['diphenhydramine', 50],
];

kind({
  kind: 'drug-line-without-mar',
  ruleId: 'charge-capture.billed-not-administered',
  summary: 'drug line with no MAR administration',
  applies: (e) => EXTRA_DRUGS.some(([k]) => !e.groups.some((g) => g.drug.key === k)),
  apply(e, t) {
    const [key, dose] = EXTRA_DRUGS.find(([k]) => !e.groups.some((g) => g.drug.key === k)) as [string, number];
    const d = drug(key);
    const pkg = first(d.packages);
    const units = Math.ceil(dose / d.unitSize);
    const line: LineRec = {
      code: d.hcpcs,
      modifiers: [],
      units: String(units),
      charge: drugCharge(d, units).toFixed(2),
      ndc: t.claimNdc(pkg.ndc),
      ndcQty: String(Math.ceil(units / pkg.billUnits)),
      ndcUnit: 'UN',
      rev: '0636',
    };
    e.lines.push(line);
    t.sortLines(e.lines);
    line.plant = tag(this, `${d.hcpcs} x ${units} (${d.name}) billed; no MAR administration and no dispense`);
  },
});

kind({
  kind: 'auth-expired',
  ruleId: 'authorization.expired',
  summary: 'drug given after its prior authorization ended',
  applies: (e) => e.newAuths.some((a) => a.status === 'approved') && e.patient.payer.type !== 'medicare',
  apply(e, t) {
    const a = first(e.newAuths.filter((x) => x.status === 'approved'));
    a.end = e.day - t.rng.int(1, 20);
    a.start = a.end - a.span + 1;
    e.newAuths = e.newAuths.filter((x) => x === a || x.code !== a.code);
    t.endCourse(e);
    const l = first(drugLines(e).filter((x) => x.code === a.code));
    l.plant = tag(this, `${a.code}: authorization ${a.id} ended before this date of service; no renewal`);
  },
});

kind({
  kind: 'stop-missing',
  ruleId: 'documentation.start-stop',
  summary: 'infusion without a stop time',
  applies: (e) => ivInfusions(e).length > 0,
  apply(e, t) {
    const m = t.rng.pick(ivInfusions(e));
    m.stopText = '';
    m.plant = tag(this, `${m.drug.name} infusion ${m.id}: no stop time; the claim still bills timed codes`);
  },
});

kind({
  kind: 'start-stop-reversed',
  ruleId: 'documentation.start-stop',
  summary: 'infusion stop time before its start time',
  applies: (e) => ivInfusions(e).length > 0,
  apply(e, t) {
    const m = t.rng.pick(ivInfusions(e));
    m.plant = tag(this, `${m.drug.name} infusion ${m.id}: start and stop swapped`);
    m.startText = fmtDateTime(e.day, m.stop as number);
    m.stopText = fmtDateTime(e.day, m.start);
  },
});

kind({
  kind: 'duplicate-line-number',
  ruleId: 'input.duplicate-row',
  summary: 'the same claim line (claim and line number) exported twice',
  applies: (e) => e.lines.length > 0,
  apply(e, t) {
    const pool = drugLines(e);
    const l = t.rng.pick(pool.length > 0 ? pool : e.lines);
    const copy: LineRec = { ...l, modifiers: [...l.modifiers], repeatPrevious: true };
    delete copy.plant;
    e.lines.splice(e.lines.indexOf(l) + 1, 0, copy);
    copy.plant = tag(this, `${l.code}: claim line exported twice with the same line number (byte-identical row)`);
  },
});

kind({
  kind: 'duplicate-charge',
  ruleId: 'charge-capture.duplicate-line',
  summary: 'a drug line charged twice on the claim (new line number)',
  applies: (e) => drugLines(e).length > 0,
  apply(e, t) {
    const l = t.rng.pick(drugLines(e));
    const copy: LineRec = { ...l, modifiers: [...l.modifiers] };
    delete copy.plant;
    e.lines.push(copy);
    copy.plant = tag(this, `${l.code} x ${l.units} charged a second time; one administration on the MAR`);
  },
});

kind({
  kind: 'unparseable-date',
  ruleId: 'input.bad-value',
  summary: 'unparseable service_date',
  applies: (e) => e.lines.length > 0,
  apply(e, t) {
    const l = t.rng.pick(e.lines);
    const good = fmtDay(e.day);
    l.dateText = good.includes('0') ? good.replace('0', 'O') : `${good}x`;
    l.plant = tag(this, `service_date "${l.dateText}" is not a date (should be ${good})`);
  },
});

kind({
  kind: 'bad-units',
  ruleId: 'input.bad-value',
  summary: 'units value "abc"',
  applies: (e) => e.lines.length > 0,
  apply(e, t) {
    const l = t.rng.pick(e.lines);
    l.plant = tag(this, `${l.code}: units "abc" (was ${l.units})`);
    l.units = 'abc';
  },
});

kind({
  kind: 'empty-required',
  ruleId: 'input.missing-required',
  summary: 'empty code cell (required column)',
  applies: (e) => e.lines.length > 0,
  apply(e, t) {
    const l = t.rng.pick(e.lines);
    l.plant = tag(this, `code is empty (was ${l.code})`);
    l.code = '';
  },
});

/** kinds that need a rarer situation come first: they win ties when several kinds fit */
const ORDER = [
  'jz-missing',
  'jz-with-waste',
  'jw-without-waste',
  '340b-missing',
  '340b-wrong-modifier',
  '340b-modifier-on-wac',
  'ndc-missing-medicaid',
  'auth-expired',
  'white-bag-billed',
  'white-bag-line-missing',
  'push-billed-as-infusion',
  'hydration-30-minutes',
  'two-initials',
  'addon-without-primary',
  'drug-not-billed',
  'units-over',
  'units-under',
  'ndc-too-short',
  'ndc-letters',
  'ndc-10-digit',
  'drug-line-without-mar',
  'duplicate-charge',
  'stop-missing',
  'start-stop-reversed',
  'duplicate-line-number',
  'unparseable-date',
  'bad-units',
  'empty-required',
];

/** the first kinds of ORDER need a payer, a drug or a modifier that few encounters have */
const RARE_KINDS = 10;

export const PLANT_KINDS: readonly PlantKind[] = ORDER.map((k, i) => {
  const x = K.find((y) => y.kind === k);
  if (!x) throw new Error(`planted kinds: ${k} is not defined`);
  if (i < RARE_KINDS) x.rare = true;
  return x;
});
if (PLANT_KINDS.length !== K.length) throw new Error('planted kinds: ORDER does not list every kind');
