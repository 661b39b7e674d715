/** Synthetic AuditResult objects for the report tests (made-up patients P0001...). */
import {
  CATEGORIES,
  SEVERITIES,
  type AuditResult,
  type Category,
  type Direction,
  type Finding,
  type Review340b,
  type Review340bCell,
  type Severity,
} from '../../src/model.js';
import type { FlaggedRows } from '../../src/report/index.js';

export function pid(n: number): string {
  return `P${String(n).padStart(4, '0')}`;
}

let seq = 0;

/** A finding with made-up facts; keys overridden with `undefined` are removed (as JSON would). */
export function makeFinding(over: Partial<Finding> = {}): Finding {
  seq++;
  const f: Finding = {
    id: `f${String(seq).padStart(6, '0')}`,
    ruleId: 'units.mismatch',
    category: 'units',
    severity: 'warning',
    message: 'Billed 3 units of J9035; the documented dose supports 2',
    patientId: pid(1),
    encounterId: 'E0001',
    claimId: 'C0001',
    line: '1',
    serviceDate: '2024-03-04',
    code: 'J9035',
    expected: 'J9035 x 2 units',
    evidence: [{ kind: 'claims', file: 'claims.csv', row: 2, column: 'units' }],
    amountAtRisk: 125.5,
    direction: 'over',
    ...over,
  };
  for (const k of Object.keys(f) as (keyof Finding)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** A summary consistent with the exceptions. */
export function summarise(exceptions: readonly Finding[], encounters = 3, claimLines = 10): AuditResult['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const amountAtRiskByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const amountAtRiskByDirection: Record<Direction, number> = { over: 0, under: 0, denial: 0 };
  let amountAtRisk = 0;
  for (const f of exceptions) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    const a = f.amountAtRisk ?? 0;
    amountAtRisk += a;
    amountAtRiskByCategory[f.category] += a;
    if (f.direction) amountAtRiskByDirection[f.direction] += a;
  }
  return {
    encounters,
    claimLines,
    exceptions: exceptions.length,
    bySeverity,
    byCategory,
    amountAtRisk,
    amountAtRiskByDirection,
    amountAtRiskByCategory,
  };
}

export function makeResult(over: Partial<AuditResult> = {}): AuditResult {
  const exceptions = over.exceptions ?? [
    makeFinding(),
    makeFinding({
      ruleId: 'ndc.malformed',
      category: 'ndc',
      severity: 'error',
      message: "NDC '1234' is not 11 digits",
      patientId: pid(2),
      encounterId: 'E0002',
      claimId: 'C0002',
      code: 'J1100',
      expected: 'an 11-digit NDC (5-4-2)',
      evidence: [{ kind: 'claims', file: 'claims.csv', row: 3, column: 'ndc' }],
      amountAtRisk: 40,
      direction: 'denial',
    }),
    makeFinding({
      ruleId: 'auth.expired',
      category: 'authorization',
      severity: 'error',
      message: 'Authorization A-77 ended 2024-02-29, before the date of service',
      patientId: pid(3),
      encounterId: 'E0003',
      claimId: 'C0003',
      code: 'J2505',
      expected: 'an approved authorization covering 2024-03-04',
      evidence: [
        { kind: 'claims', file: 'claims.csv', row: 4 },
        { kind: 'auths', file: 'auths.csv', row: 2, column: 'end_date' },
      ],
      amountAtRisk: 900,
      direction: 'denial',
    }),
    makeFinding({
      ruleId: 'doc.stop-missing',
      category: 'documentation',
      severity: 'info',
      message: 'Infusion has no stop time',
      patientId: pid(1),
      encounterId: 'E0001',
      claimId: undefined,
      line: undefined,
      code: undefined,
      expected: undefined,
      evidence: [{ kind: 'mar', file: 'mar.csv', row: 5 }],
      amountAtRisk: undefined,
      direction: undefined,
    }),
  ];
  return {
    schemaVersion: '1.0',
    tool: { name: 'infusion-audit', version: '0.1.0' },
    generatedAt: '2024-04-01T06:00:00.000Z',
    rulePacks: [{ id: 'cms-asp', version: '2024Q1', effectiveFrom: '2024-01-01', effectiveTo: '2024-03-31' }],
    inputs: [
      { kind: 'claims', path: '/data/in/claims.csv', rows: 10, sha256: 'a'.repeat(64) },
      { kind: 'mar', path: '/data/in/mar.csv', rows: 8, sha256: 'b'.repeat(64) },
      { kind: 'auths', path: '/data/in/auths.csv', rows: 2, sha256: 'c'.repeat(64) },
    ],
    summary: summarise(exceptions),
    exceptions,
    encounters: [
      {
        encounterId: 'E0001',
        patientId: pid(1),
        serviceDate: '2024-03-04',
        billedAdminCodes: [{ code: '96413', units: 1, modifiers: [] }],
        expectedAdminCodes: [
          { code: '96413', units: 1, modifiers: [] },
          { code: '96415', units: 1, modifiers: [] },
        ],
      },
    ],
    skippedChecks: [{ ruleId: 'dispense.not-billed', reason: 'no dispense input' }],
    unmatchedPayers: ['Acme Health Plan'],
    reconciliation: [
      { kind: 'claims', file: 'claims.csv', rows: 10, audited: 10, unreadable: 0, outOfPeriod: 0, withFindings: 3 },
      { kind: 'mar', file: 'mar.csv', rows: 8, audited: 8, unreadable: 0, outOfPeriod: 0, withFindings: 1 },
      { kind: 'auths', file: 'auths.csv', rows: 2, audited: 2, unreadable: 0, outOfPeriod: 0, withFindings: 1 },
    ],
    ...over,
    ...(over.exceptions && !over.summary ? { summary: summarise(over.exceptions) } : {}),
  };
}

const CLAIM_HEADER = ['Claim ID', 'Line', 'MRN', 'DOS', 'Payer', 'HCPCS', 'Units', 'NDC'];
const CLAIM_COLUMNS = { claim_id: 0, line: 1, patient_id: 2, service_date: 3, payer: 4, code: 5, units: 6, ndc: 7 };

/** Flagged rows matching {@link makeResult}'s default findings. */
export function makeFlagged(result: AuditResult): FlaggedRows[] {
  const onRow = (kind: string, file: string, row: number): Finding[] =>
    result.exceptions.filter((f) => f.evidence.some((e) => e.kind === kind && e.file === file && e.row === row));
  const claims: FlaggedRows = {
    kind: 'claims',
    file: 'claims.csv',
    header: CLAIM_HEADER,
    columns: CLAIM_COLUMNS,
    rows: [
      { row: 2, cells: ['C0001', '1', pid(1), '2024-03-04', 'Medicare Part B', 'J9035', '3', '00000-0000-01'], findings: [] },
      { row: 3, cells: ['C0002', '1', pid(2), '2024-03-04', 'Acme Health Plan', 'J1100', '1', '1234'], findings: [] },
      { row: 4, cells: ['C0003', '1', pid(3), '2024-03-04', 'Acme Health Plan', 'J2505', '1', '=HYPERLINK("x")'], findings: [] },
    ],
  };
  for (const r of claims.rows) r.findings = onRow('claims', 'claims.csv', r.row);
  const mar: FlaggedRows = {
    kind: 'mar',
    file: 'mar.csv',
    header: ['MRN', 'Drug', 'Route', 'Start', 'Stop'],
    columns: { patient_id: 0, drug: 1, route: 2, start: 3, stop: 4 },
    rows: [{ row: 5, cells: [pid(1), 'bevacizumab', 'IV', '2024-03-04 09:00', ''], findings: onRow('mar', 'mar.csv', 5) }],
  };
  const auths: FlaggedRows = {
    kind: 'auths',
    file: 'auths.csv',
    header: ['Auth #', 'MRN', 'Payer', 'CPT/HCPCS', 'Start', 'End', 'Units'],
    columns: { auth_id: 0, patient_id: 1, payer: 2, code: 3, start_date: 4, end_date: 5, units_approved: 6 },
    rows: [
      {
        row: 2,
        cells: ['A-77', pid(3), 'Acme Health Plan', 'J2505', '2023-09-01', '2024-02-29', '6'],
        findings: onRow('auths', 'auths.csv', 2),
      },
    ],
  };
  return [claims, mar, auths];
}

/**
 * A retrospective 340B review block (summary.review340b) over three quarters, with a payer name
 * that looks like a formula and a quarter text that looks like markup (for neutralising and escaping).
 */
export function makeReview(over: Partial<Review340b> = {}): Review340b {
  const cell = (c: Partial<Review340bCell>): Review340bCell => ({
    quarter: '2024Q3',
    payerType: 'medicare',
    payer: 'Medicare Part B',
    entityType: 'dsh',
    expectedModifier: 'JG',
    billedModifier: 'JG',
    inventory: '340b',
    lines: 1,
    units: 10,
    charges: 100,
    amountAtRisk: 0,
    ...c,
  });
  return {
    drugLines: 12,
    byInventory: { '340b': 7, 'non-340b': 2, mixed: 0, bag: 1, unknown: 2 },
    exceptions: { modifierMissing: 1, modifierWrong: 2, modifierOnNon340b: 1, mixed: 0, duplicateDiscount: 3, notVerifiable: 2 },
    cells: [
      cell({ quarter: '2023Q4', lines: 3, units: 30, charges: 300.5, expectedModifier: 'JG', billedModifier: 'none', amountAtRisk: 12.25 }),
      cell({ quarter: '2024Q3', lines: 4, units: 40, charges: 400, estimatedAllowed: 321.99 }),
      cell({ quarter: '2024Q3', payer: '=HYPERLINK("x")', payerType: 'commercial', expectedModifier: 'none', billedModifier: 'TB', inventory: 'non-340b', lines: 2, unpricedLines: 2 }),
      cell({ quarter: '2025Q1<b>', expectedModifier: 'none', billedModifier: 'none', inventory: 'bag', lines: 1 }),
      cell({ quarter: '2025Q1<b>', expectedModifier: 'unknown', billedModifier: 'TB', inventory: 'unknown', lines: 2 }),
    ],
    ...over,
  };
}
