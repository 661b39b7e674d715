/**
 * The one results model every stage shares: typed input records (read -> link), findings
 * (check -> report) and the audit result (report). Keep this file free of logic.
 */

export const INPUT_KINDS = ['claims', 'mar', 'dispense', 'auths'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The SPEC's fixed category list. */
export const CATEGORIES = [
  'hierarchy',
  'documentation',
  'drug-code',
  'ndc',
  'units',
  'waste',
  '340b',
  'billing-model',
  'authorization',
  'site-of-care',
  'charge-capture',
  'input',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Direction = 'over' | 'under' | 'denial';

/** Where a finding comes from: a row as a spreadsheet shows it (header = row 1). */
export interface Evidence {
  kind: InputKind | 'facility' | 'profile' | 'rules';
  file: string;
  sheet?: string;
  row: number;
  /** canonical column name (e.g. `ndc`) when the finding is about one cell */
  column?: string;
}

/** One exception in the report (SPEC "Outputs"). */
export interface Finding {
  id: string;
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  patientId: string;
  encounterId?: string;
  claimId?: string;
  line?: string;
  serviceDate?: string;
  code?: string;
  expected?: string;
  evidence: Evidence[];
  amountAtRisk?: number;
  direction?: Direction;
  status?: 'new' | 'known';
}

export interface AdminCode {
  code: string;
  units: number;
  modifiers: string[];
}

export interface EncounterSummary {
  encounterId: string;
  patientId: string;
  serviceDate: string;
  billedAdminCodes: AdminCode[];
  expectedAdminCodes: AdminCode[];
}

/** Fields every typed input record carries. `row` is the spreadsheet row (header = 1). */
export interface RecordBase {
  row: number;
  /** index of the input file this record came from (AuditInput.index) */
  input: number;
}

/** Dates are `YYYY-MM-DD`; date-times are local wall-clock `YYYY-MM-DDTHH:MM:SS` (no zone). */
export interface ClaimLine extends RecordBase {
  claimId: string;
  line: string;
  patientId: string;
  serviceDate: string;
  payer: string;
  code: string;
  units: number;
  encounterId?: string;
  modifiers: string[];
  charge?: number;
  /** NDC exactly as exported, trimmed (never converted here) */
  ndc?: string;
  ndcQuantity?: number;
  ndcUnit?: string;
  revenueCode?: string;
  billType?: string;
}

export interface MarRow extends RecordBase {
  patientId: string;
  drug: string;
  route: string;
  /** parsed start; undefined when the cell is empty or unparseable (see startText) */
  start?: string;
  startText: string;
  stop?: string;
  stopText: string;
  /** the date this administration belongs to: start date, else the date part of startText if any */
  date?: string;
  encounterId?: string;
  administrationId?: string;
  dose?: number;
  doseUnit?: string;
  code?: string;
  ndc?: string;
  accessSite?: string;
  purpose?: 'chemo' | 'therapeutic' | 'hydration';
  wasted?: number;
}

export interface DispenseRow extends RecordBase {
  dispenseId: string;
  patientId: string;
  dispenseDate: string;
  ndc: string;
  quantity: number;
  quantityUnit?: string;
  encounterId?: string;
  drug?: string;
  inventory?: '340b' | 'wac' | 'gpo';
  billingModel: 'buy_and_bill' | 'white_bag' | 'brown_bag';
  wasted?: number;
}

export interface AuthRow extends RecordBase {
  authId: string;
  patientId: string;
  payer: string;
  code: string;
  startDate: string;
  endDate: string;
  unitsApproved?: number;
  visitsApproved?: number;
  status?: 'approved' | 'pending' | 'denied';
}

export interface RecordByKind {
  claims: ClaimLine;
  mar: MarRow;
  dispense: DispenseRow;
  auths: AuthRow;
}

/** One input file as the report lists it. */
export interface InputInfo {
  kind: InputKind;
  path: string;
  sheet?: string;
  rows: number;
  sha256: string;
}

export interface RulePackInfo {
  id: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface SkippedCheck {
  ruleId: string;
  reason: string;
}

export interface Summary {
  encounters: number;
  claimLines: number;
  exceptions: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
  /** total of every finding's amountAtRisk (all directions) */
  amountAtRisk: number;
  /** additive: totals per direction and per category */
  amountAtRiskByDirection: Record<Direction, number>;
  amountAtRiskByCategory: Record<Category, number>;
}

export interface AuditResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  generatedAt: string;
  rulePacks: RulePackInfo[];
  inputs: InputInfo[];
  summary: Summary;
  exceptions: Finding[];
  encounters: EncounterSummary[];
  /** additive fields */
  skippedChecks: SkippedCheck[];
  /** payers that matched no facility.yaml entry (typed `other`), each named once */
  unmatchedPayers: string[];
  /** with --baseline: findings of the baseline that are gone */
  resolved?: Finding[];
  baseline?: { path: string; new: number; known: number; resolved: number };
  period?: { since?: string; until?: string };
  redacted?: boolean;
  /** how rows were joined into encounters: streaming by date (bounded window) or in memory (unsorted inputs) */
  linking?: { mode: 'streaming' | 'in-memory'; maxOpenEncounters: number; maxRowsWaiting: number };
  /** per input file: where every row went (nothing is silently dropped) */
  reconciliation: ReconciliationRow[];
  /** per CMS release used: drug and administration lines judged by it, and those outside its quarter */
  referenceData?: ReferenceDataUse[];
}

/** One CMS quarterly release and the claim lines it judged (drug-billing.md "Reference data by DOS"). */
export interface ReferenceDataUse {
  id: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** drug and administration claim lines judged by this release */
  lines: number;
  /** of those, lines whose date of service is outside the release's dates (it was the nearest loaded) */
  linesOutsideQuarter: number;
  /** the quarters of those dates: import them with `rules import` */
  quartersToImport: string[];
}

export interface ReconciliationRow {
  kind: InputKind;
  file: string;
  sheet?: string;
  /** data rows read (header excluded) */
  rows: number;
  /** rows turned into records and passed to the checks */
  audited: number;
  /** rows that could not be read (each is an `input` finding) */
  unreadable: number;
  /** rows outside --since/--until: counted, not audited */
  outOfPeriod: number;
  /** rows that carry at least one finding */
  withFindings: number;
}
