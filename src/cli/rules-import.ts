/**
 * `infusion-audit rules import`: build a rule pack from the CMS quarterly files. Errors are
 * ConfigErrors naming the file and row; main.ts prints them and exits 2.
 */
import type { Command } from 'commander';
import { displayPath } from '../rules/errors.js';
import { builtinRulesDir } from '../rules/builtin.js';
import { importCms, SOURCE_KINDS } from '../rules/import/index.js';
import type { SourceKind } from '../rules/import/index.js';

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const HELP: Record<SourceKind, string> = {
  crosswalk: 'ASP NDC-HCPCS crosswalk (CSV) -> asp-crosswalk',
  pricing: 'ASP pricing file, payment allowance limits (CSV) -> asp-pricing',
  addendumB: 'OPPS Addendum B (CSV or XLSX) -> opps-status',
  mue: 'NCCI MUE, outpatient hospital services (CSV or XLSX) -> ncci-mue',
  ptp: 'NCCI PTP edits, hospital outpatient (CSV, tab-delimited TXT or XLSX) -> ncci-ptp',
  aoc: 'NCCI add-on code edits (XLSX or CSV) -> ncci-aoc',
};

export function registerRulesImport(rules: Command, io: Out): void {
  const cmd = rules
    .command('import')
    .description('build versioned rule tables from the CMS quarterly files (written to <out>/cms/<quarter>/)');
  for (const [kind, s] of Object.entries(SOURCE_KINDS) as [SourceKind, (typeof SOURCE_KINDS)[SourceKind]][]) {
    cmd.option(`${s.flag} <file>`, HELP[kind]);
  }
  cmd
    .requiredOption('--quarter <YYYYQn>', 'the CMS release quarter, e.g. 2025Q4: the version of every table written')
    .option('--effective-from <date>', 'first date of service (default: the first day of the quarter)')
    .option('--effective-to <date>', 'last date of service (default: the last day of the quarter)')
    .option('--out <dir>', 'rule directory to write into (default: the built-in rules/)')
    .option('--note <text>', "added to each table's description (provenance caveats)")
    .action(async (o: Record<string, string | undefined>) => {
      const files: Partial<Record<SourceKind, string>> = {};
      for (const kind of Object.keys(SOURCE_KINDS) as SourceKind[]) {
        const f = o[kind];
        if (f !== undefined) files[kind] = f;
      }
      const out = o['out'] ?? builtinRulesDir();
      const { release, written } = await importCms({
        files,
        quarter: String(o['quarter']),
        out,
        ...(o['effectiveFrom'] !== undefined ? { effectiveFrom: o['effectiveFrom'] } : {}),
        ...(o['effectiveTo'] !== undefined ? { effectiveTo: o['effectiveTo'] } : {}),
        ...(o['note'] !== undefined ? { note: o['note'] } : {}),
      });
      for (const w of written) {
        io.stdout(`${w.id.padEnd(14)} ${release.quarter} ${release.effectiveFrom}..${release.effectiveTo}  ${String(w.rows).padStart(7)} rows  ${displayPath(w.yaml)}\n`);
        for (const n of w.notes) io.stderr(`note: ${w.id}: ${n}\n`);
      }
      io.stdout(`Imported ${written.length} table${written.length === 1 ? '' : 's'} for ${release.quarter}; check them with \`infusion-audit rules validate\`.\n`);
    });
}
