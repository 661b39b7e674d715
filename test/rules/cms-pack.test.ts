/**
 * The CMS pack shipped in rules/cms/ is built by `rules import` from the files in the shared
 * reference-data folder (not in this repository). When that folder is present, rebuild the pack
 * into a temp dir and require the same bytes; the shipped pack itself is checked in every run.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RuleSet,
  aocPrimaries,
  aspPaymentLimit,
  builtinRulesDir,
  crosswalkFor,
  formatProblem,
  mueFor,
  ptpPairsFor,
  statusIndicator,
} from '../../src/rules/index.js';
import { runCli } from '../cli/run-cli.js';

const REFERENCE = process.env['INFUSION_AUDIT_REFERENCE_DATA'] ?? '/work/shared/reference-data';

const SUBSET = 'PROVISIONAL: built from a reconstructed subset of the CMS file, not the CMS download';

/** The `rules import` runs that build rules/cms/ (paths under REFERENCE); rules/README.md lists the same commands. */
const PACK: string[][] = [
  ['--crosswalk', 'asp-crosswalk/asp_ndc_hcpcs_crosswalk_2025-10.csv', '--pricing', 'asp-pricing/asp_pricing_file_2025-10.csv', '--quarter', '2025Q4'],
  [
    '--addendum-b',
    'opps-addendum-b/OPPS_Addendum_B_2026_January_SUBSET_reconstructed.csv',
    '--quarter',
    '2026Q1',
    '--note',
    `${SUBSET} (codes 96360-96549, C8957, C9xxx, J and Q codes; no descriptors or copayments).`,
  ],
  ['--aoc', 'ncci-aoc/AOC_V2026Q2-MCR.xlsx', '--quarter', '2026Q2'],
  [
    '--mue',
    'ncci-mue/MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026_SUBSET_reconstructed.csv',
    '--quarter',
    '2026Q4',
    '--note',
    `${SUBSET} (codes 96360-96549, C8957, C9xxx, J and Q codes). A code not listed has an unknown MUE.`,
  ],
  [
    '--ptp',
    'ncci-ptp/NCCI_PTP_OPH_v32.3_Eff_2026-10-01_COL1_96360-96549_SUBSET_reconstructed.csv',
    '--quarter',
    '2026Q4',
    '--note',
    `${SUBSET} (column 1 codes 96360-96549 only, active edits only, no dates or rationale).`,
  ],
];

const FILE_FLAGS = new Set(['--crosswalk', '--pricing', '--addendum-b', '--mue', '--ptp', '--aoc']);

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

const shipped = join(builtinRulesDir(), 'cms');

describe('the shipped CMS pack (rules/cms)', () => {
  it('validates and answers the spot checks of PROVENANCE.md', async () => {
    const problems = await RuleSet.validate([builtinRulesDir()]);
    expect(problems.map(formatProblem)).toEqual([]);
    const rules = await RuleSet.load([builtinRulesDir()]);
    expect(crosswalkFor(rules, '50242-0061-01', '2025-11-01')).toMatchObject([{ hcpcs: 'J9035', pkgSize: 16, billUnits: 40, billUnitsPerPackage: 40 }]);
    expect(crosswalkFor(rules, '57894-0160-01', '2025-11-01')).toMatchObject([{ hcpcs: 'J1745', billUnits: 10 }]);
    expect(aspPaymentLimit(rules, 'J9271', '2025-11-01')).toMatchObject({ paymentLimit: 60.291, dosage: '1 MG' });
    expect(statusIndicator(rules, '96367', '2026-01-15')).toMatchObject({ si: 'S', apc: '5692', paymentRate: 73.56 });
    expect(statusIndicator(rules, 'J1745', '2026-01-15')).toMatchObject({ si: 'K', apc: '7043', paymentRate: 32.423 });
    expect(mueFor(rules, 'J9035', '2026-10-01')).toMatchObject({ value: 230, indicator: 3 });
    expect(mueFor(rules, '96366', '2026-12-31')?.value).toBe(24);
    expect(ptpPairsFor(rules, '96406', '96405', '2026-10-01')).toMatchObject([{ modifier: 0 }]);
    expect(ptpPairsFor(rules, '96372', '99211', '2026-10-01')).toMatchObject([{ modifier: 1 }]);
    expect(aocPrimaries(rules, '96366', '2026-05-01')?.primaries).toEqual(['96360', '96365', '96367', '96413']);
  });
});

const haveReference = existsSync(REFERENCE);
const rebuildTitle = haveReference
  ? `rebuilding rules/cms from ${REFERENCE}`
  : `rebuilding rules/cms: SKIPPED because ${REFERENCE} is absent (the CMS reference files are not in the repository; set INFUSION_AUDIT_REFERENCE_DATA to a copy to check a rebuild)`;

describe.skipIf(!haveReference)(rebuildTitle, () => {
  it('gives byte-identical files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ia-cms-pack-'));
    for (const args of PACK) {
      const full = args.map((a, i) => (FILE_FLAGS.has(args[i - 1] ?? '') ? join(REFERENCE, a) : a));
      const r = await runCli(['rules', 'import', ...full, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
    }
    const built = join(out, 'cms');
    expect(files(built)).toEqual(files(shipped));
    for (const f of files(shipped)) {
      expect(readFileSync(join(built, f)).equals(readFileSync(join(shipped, f))), `${f} differs from a rebuild`).toBe(true);
    }
  });
});
