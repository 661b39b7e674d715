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
  /** additive: the retrospective 340B review of the drug lines audited (src/audit/review340b.ts) */
  review340b?: Review340b;
}

/** Inventory status of a drug line (340b-and-billing-model.md section 4), in report order. */
export const REVIEW_INVENTORY = ['340b', 'non-340b', 'mixed', 'bag', 'unknown'] as const;
export type ReviewInventory = (typeof REVIEW_INVENTORY)[number];

/** The exception totals of the review (section 7), in report order. */
export const REVIEW_EXCEPTIONS = ['modifierMissing', 'modifierWrong', 'modifierOnNon340b', 'mixed', 'duplicateDiscount', 'notVerifiable'] as const;
export type ReviewException = (typeof REVIEW_EXCEPTIONS)[number];

/** Which finding rule ids feed which exception total (notVerifiable has none: it counts lines). */
export const REVIEW_EXCEPTION_RULES: Record<ReviewException, readonly string[]> = {
  modifierMissing: ['340b.missing'],
  modifierWrong: ['340b.wrong', '340b.medicaid-identifier'],
  modifierOnNon340b: ['340b.not-340b'],
  mixed: ['340b.mixed'],
  duplicateDiscount: ['340b.duplicate-discount'],
  notVerifiable: [],
};

/** Labels for the workbook, the HTML page and the console. */
export const REVIEW_EXCEPTION_LABELS: Record<ReviewException, string> = {
  modifierMissing: 'Modifier missing',
  modifierWrong: 'Modifier wrong',
  modifierOnNon340b: 'Modifier on a non-340B drug',
  mixed: 'Mixed inventory on one line',
  duplicateDiscount: 'Duplicate discount (Medicaid)',
  notVerifiable: 'Lines not verifiable (no dispense link or blank inventory)',
};

/** The retrospective 340B review (340b-and-billing-model.md section 7): a pivot of the drug lines. */
export interface Review340b {
  /** drug claim lines reviewed (every drug line audited, JW lines included) */
  drugLines: number;
  /** drug lines per inventory status */
  byInventory: Record<ReviewInventory, number>;
  /** findings per exception (notVerifiable: lines of unknown acquisition, no finding) */
  exceptions: Record<ReviewException, number>;
  /** one per distinct combination, sorted by quarter, payer type, payer, entity, modifiers, inventory */
  cells: Review340bCell[];
}

export interface Review340bCell {
  /** quarter of the date of service, `2025Q4` */
  quarter: string;
  payerType: string;
  /** the payer name as billed */
  payer: string;
  /** the facility's 340B designation on the date of service (`none`: not a covered entity) */
  entityType: string;
  /**
   * what the rules in force on the DOS ask of the line given its stock: 340B stock JG | TB | a state
   * id | optional | none | not-judged | unconfigured; other stock none (or the state's non-340B
   * modifier); mixed split; unknown unknown
   */
  expectedModifier: string;
  /** the 340B modifiers billed (JG, TB, the payer's state ids), `+`-joined in claim order; `none` */
  billedModifier: string;
  inventory: ReviewInventory;
  lines: number;
  units: number;
  /** sum of the lines' charges (lines without a charge count 0) */
  charges: number;
  /** units x P (ASP payment limit of the date's quarter, Medicare packaged SI N: 0); absent when no line of the cell has a price */
  estimatedAllowed?: number;
  /** lines of the cell without a price of their quarter (not in estimatedAllowed); absent when 0 */
  unpricedLines?: number;
  /** sum of the amountAtRisk of the 340b findings on the lines */
  amountAtRisk: number;
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
