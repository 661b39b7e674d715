import type {
  AuthRow,
  Category,
  ClaimLine,
  DispenseRow,
  Direction,
  Evidence,
  InputKind,
  MarRow,
  Severity,
} from '../model.js';
import type { Facility, PayerResolver, RuleSet } from '../rules/index.js';

/** What `explain RULE_ID` prints. Every check must fill all four, and `source` must cite something. */
export interface CheckDocs {
  /** one line: what the check looks for */
  summary: string;
  /** why it matters: the rule and the money */
  why: string;
  /** where the rule comes from: manual section, CMS file, domain note decision */
  source: string;
  /** how to fix a hit */
  fix: string;
}

/** All rows of one visit: the unit a check looks at. */
export interface Encounter {
  /** encounter_id, or `patientId|serviceDate` when the inputs carry none */
  key: string;
  encounterId?: string;
  patientId: string;
  /** earliest date of the encounter's rows */
  serviceDate: string;
  claims: ClaimLine[];
  mar: MarRow[];
  dispense: DispenseRow[];
  /** the patient's authorizations whose date range holds serviceDate */
  auths: AuthRow[];
  /** some claim row of this encounter (by claim_id or encounter_id) could not be read: a line may be missing only from the audit */
  claimsIncomplete?: boolean;
}

/** What a check reports; the pipeline adds id, category, default severity and patient from context. */
export interface FindingInput {
  message: string;
  /** the row(s) the finding is about; the first is where the finding is annotated */
  records: { kind: InputKind; record: { row: number; input: number } ; column?: string }[];
  patientId: string;
  encounterId?: string;
  claimId?: string;
  line?: string;
  serviceDate?: string;
  code?: string;
  expected?: string;
  amountAtRisk?: number;
  direction?: Direction;
  /** overrides the check's default severity for this finding (e.g. an optional column is a warning) */
  severity?: Severity;
  /** extra evidence that is not an input row (a rule file) */
  evidence?: Evidence[];
  /** extra stable facts that tell two findings of one rule apart (see fingerprint) */
  discriminator?: string;
}

export interface CheckContext {
  rules: RuleSet;
  facility: Facility;
  payers: PayerResolver;
  /** every authorization row read (they span dates, so they are kept whole) */
  auths: readonly AuthRow[];
  /** the audit's run date, YYYY-MM-DD (local) */
  today: string;
  /** report a finding; encounterId is filled from the encounter being checked when omitted */
  report(finding: FindingInput): void;
}

/**
 * A check: metadata plus small hooks. `perEncounter` sees one visit at a time; `start` and `end`
 * bracket the run for aggregates. Findings from `end` reach report.json and the annotated CSVs
 * like any other (the annotated files are assembled at the end); only the audit.xlsx sheet of
 * flagged rows misses a row whose first finding comes from `end` (its cells are gone by then).
 */
export interface Check {
  /** stable rule id, `category.name` */
  id: string;
  category: Category;
  severity: Severity;
  /** inputs that must be present for the check to run; otherwise it is skipped and the report says so */
  needs: InputKind[];
  /** rule tables (ids in rules/) the check reads */
  ruleTables?: string[];
  docs: CheckDocs;
  start?(ctx: CheckContext): void;
  perEncounter?(enc: Encounter, ctx: CheckContext): void;
  end?(ctx: CheckContext): void;
}

/**
 * Findings the read layer raises (unreadable rows, bad values) are documented as checks too so
 * `explain` and severity overrides work; they have no hooks, the pipeline raises them.
 */
export interface ReaderCheck extends Check {
  fromReader: true;
}
