import type { AuthRow, ClaimLine, DispenseRow, MarRow, Severity } from '../../src/model.js';
import type { Check, CheckContext, Encounter, FindingInput } from '../../src/checks/types.js';
import { PayerResolver, RuleSet, builtinRulesDir, defaultFacility, defaultPolicy, type Facility, type PayerPolicy, type PayerType } from '../../src/rules/index.js';

let rulesPromise: Promise<RuleSet> | undefined;
/** The built-in rules, loaded once per test file. */
export function builtinRules(): Promise<RuleSet> {
  rulesPromise ??= RuleSet.load([builtinRulesDir()]);
  return rulesPromise;
}

let rowCounter = 1;
const nextRow = () => ++rowCounter;

export function claim(p: Partial<ClaimLine> = {}): ClaimLine {
  return {
    row: nextRow(),
    input: 0,
    claimId: 'C1001',
    line: '1',
    patientId: 'P0001',
    serviceDate: '2025-10-06',
    payer: 'Medicare Part B',
    code: 'J9271',
    units: 20,
    modifiers: [],
    ...p,
  };
}

export function mar(p: Partial<MarRow> = {}): MarRow {
  return {
    row: nextRow(),
    input: 1,
    patientId: 'P0001',
    drug: 'pembrolizumab 200 mg in NS 100 mL',
    route: 'IV',
    start: '2025-10-06T09:00:00',
    startText: '2025-10-06 09:00',
    stop: '2025-10-06T09:30:00',
    stopText: '2025-10-06 09:30',
    date: '2025-10-06',
    ...p,
  };
}

export function dispense(p: Partial<DispenseRow> = {}): DispenseRow {
  return {
    row: nextRow(),
    input: 2,
    dispenseId: 'D1',
    patientId: 'P0001',
    dispenseDate: '2025-10-06',
    ndc: '00006-3026-02',
    quantity: 2,
    billingModel: 'buy_and_bill',
    ...p,
  };
}

export function auth(p: Partial<AuthRow> = {}): AuthRow {
  return {
    row: nextRow(),
    input: 3,
    authId: 'A1',
    patientId: 'P0001',
    payer: 'Medicare Part B',
    code: 'J9271',
    startDate: '2025-09-01',
    endDate: '2026-02-28',
    ...p,
  };
}

export function encounter(p: Partial<Encounter> = {}): Encounter {
  return {
    key: 'E1',
    encounterId: 'E1',
    patientId: 'P0001',
    serviceDate: '2025-10-06',
    claims: [],
    mar: [],
    dispense: [],
    auths: [],
    ...p,
  };
}

export interface Reported extends FindingInput {
  severityResolved: Severity;
}

/** A facility.yaml payer entry: the type's default policy with `policy` written over it. */
export const payer = (match: string, type: PayerType, index: number, policy: Partial<PayerPolicy> = {}): Facility['payers'][number] => ({
  match,
  type,
  policy: { ...defaultPolicy(type), ...policy },
  policyInput: policy as Facility['payers'][number]['policyInput'],
  index,
});

/** A facility whose payers are typed: "Medicare" -> medicare, "Aetna" -> commercial (policy defaults of each type). */
export function typedFacility(p: Partial<Facility> = {}): Facility {
  const base = defaultFacility();
  const payers: Facility['payers'] = [
    { match: 'Medicare', type: 'medicare', policy: defaultPolicy('medicare'), policyInput: {}, index: 0 },
    { match: 'Aetna', type: 'commercial', policy: defaultPolicy('commercial'), policyInput: {}, index: 1 },
  ];
  return { ...base, payers, ...p };
}

/** Run one check's hooks over encounters, as the pipeline would, and collect what it reports. */
export async function runCheck(
  check: Check,
  encounters: Encounter[],
  opts: { facility?: Facility; auths?: AuthRow[]; today?: string } = {},
): Promise<Reported[]> {
  const out: Reported[] = [];
  const facility = opts.facility ?? defaultFacility();
  const ctx: CheckContext = {
    rules: await builtinRules(),
    facility,
    payers: new PayerResolver(facility),
    auths: opts.auths ?? [],
    today: opts.today ?? '2026-11-23',
    report: (f) => out.push({ ...f, severityResolved: f.severity ?? check.severity }),
  };
  check.start?.(ctx);
  for (const e of encounters) check.perEncounter?.(e, ctx);
  check.end?.(ctx);
  return out;
}

/** A table of cases for one check: lines that must and must not be flagged. */
export interface CaseTable {
  check: Check;
  /** the facility every case runs with (default: defaultFacility(), where every payer is `other`) */
  facility?: Facility;
  valid: { name: string; encounters: Encounter[]; auths?: AuthRow[]; today?: string; facility?: Facility }[];
  invalid: {
    name: string;
    facility?: Facility;
    encounters: Encounter[];
    auths?: AuthRow[];
    today?: string;
    /** what must be reported, in order: partial matches on each finding */
    expect: Partial<Pick<Reported, 'message' | 'expected' | 'claimId' | 'line' | 'code' | 'severityResolved' | 'amountAtRisk' | 'direction'>>[];
  }[];
}
