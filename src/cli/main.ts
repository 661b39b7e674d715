import { Command, CommanderError, Option } from 'commander';
import { Chalk, type ChalkInstance } from 'chalk';
import { runAudit, exitCodeFor } from '../audit/run.js';
import { runCode, type CodeFormat } from './code.js';
import { UsageError } from '../audit/inputs.js';
import { InputError } from '../read/index.js';
import { ConfigError, RuleSet, builtinRulesDir, formatRuleList, formatRuleShow } from '../rules/index.js';
import { abortAllStagingSync, consoleSummary, ReportWriteError, type Format } from '../report/index.js';
import { ALL_CHECKS, findCheck } from '../checks/registry.js';
import { registerRulesImport } from './rules-import.js';
import { generateSamples, SampleOptionsError, SampleWriteError } from '../samples/generate.js';
import { TOOL_VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: progress lines and colour are allowed */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const FORMATS: readonly Format[] = ['json', 'csv', 'xlsx', 'html'];

function defaultIo(): Io {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** Colour is decided once, at start-up: NO_COLOR (any value) or a non-terminal turns it off. */
function makeChalk(io: Io): ChalkInstance {
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  return new Chalk({ level: noColor || !io.isTTY ? 0 : 1 });
}

/**
 * For bin/: on SIGINT or SIGTERM remove any half-written report (its temp folder holds patient
 * data) before the process ends with the conventional 128 + signal number.
 */
export function installSignalCleanup(): void {
  let interrupted = false;
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    // `on`, not `once`: a second signal while cleaning up (Ctrl-C reaches the launcher and this
    // process both, and the launcher forwards it) must not fall back to the default and kill the
    // process half-way through removing the temp folder
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      abortAllStagingSync();
      process.stderr.write(`\ninfusion-audit: interrupted (${sig}); no report was written\n`);
      process.exit(code);
    });
  }
}

/**
 * The command line. Returns the exit code (0 ran clean, 1 findings at or above --fail-on,
 * 2 usage, configuration or unreadable input) and never calls process.exit.
 */
export async function run(argv: string[], io: Io = defaultIo()): Promise<number> {
  // reports, annotated copies and any temp files hold patient data: owner-only from the start
  try {
    process.umask(0o077);
  } catch {
    // not allowed in worker threads; files are still chmod-ed explicitly by the writers
  }
  const chalk = makeChalk(io);
  let exitCode = 0;
  const program = new Command();
  program
    .name('infusion-audit')
    .description('Audit infusion-center claim lines against MAR, dispense and authorization records.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(chalk.red(s)),
    });

  program
    .command('audit')
    .description('read inputs, reconcile, check, and write reports into --out')
    .argument('[dir]', 'folder holding claims.*, mar.*, dispense.*, auths.* and facility.yaml')
    .option('--claims <file>', 'claim lines (.csv or .xlsx)')
    .option('--mar <file>', 'medication administration records')
    .option('--dispense <file>', 'pharmacy dispense records')
    .option('--auths <file>', 'prior authorizations')
    .option('--facility <file>', 'facility.yaml')
    .option('--rules <dir>', 'client rule directory layered over the built-in rules (repeatable)', collect, [])
    .option('--out <dir>', 'output directory', './audit-out')
    .option('--format <list>', 'report formats: json,csv,xlsx,html', 'json,csv,xlsx,html')
    .addOption(new Option('--fail-on <level>', 'exit 1 when findings at or above this severity exist').choices(['error', 'warning', 'never']).default('error'))
    .option('--baseline <report.json>', 'an earlier report.json: findings are marked new or known, gone ones resolved')
    .option('--since <date>', 'audit lines on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'audit lines on or before this date (YYYY-MM-DD)')
    .option('--profile <file>', "YAML column mapping for one client's export")
    .option('--sheet <name>', 'sheet to read in XLSX inputs (default: the first)')
    .option('--redact', 'replace patient ids with stable salted hashes in every report', false)
    .option('--quiet', 'print nothing but errors', false)
    .action(async (dir: string | undefined, o: Record<string, unknown>) => {
      const formats = parseFormats(String(o['format']));
      const since = optDate(o['since'], '--since');
      const until = optDate(o['until'], '--until');
      if (since !== undefined && until !== undefined && since > until) {
        throw new UsageError(`--since ${since} is after --until ${until}`);
      }
      const quiet = o['quiet'] === true;
      const progress =
        io.isTTY && !quiet ? (line: string) => io.stderr(`\r${chalk.dim(line)}\u001b[K`) : undefined;
      const outcome = await runAudit({
        ...(dir !== undefined ? { dir } : {}),
        ...pick(o, ['claims', 'mar', 'dispense', 'auths', 'facility', 'baseline', 'profile', 'sheet']),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        rules: o['rules'] as string[],
        out: String(o['out']),
        formats,
        redact: o['redact'] === true,
        ...(progress ? { progress } : {}),
      });
      if (progress) io.stderr('\r\u001b[K');
      const failOn = o['failOn'] as 'error' | 'warning' | 'never';
      exitCode = exitCodeFor(outcome.result, failOn);
      if (outcome.linking === 'in-memory') {
        io.stderr(chalk.yellow('note: inputs are not sorted by date; they were joined in memory (sort exports by date to keep memory bounded)\n'));
      }
      if (!quiet) {
        io.stdout(consoleSummary(outcome.result, { color: chalk.level > 0 }));
        const outside = outcome.result.reconciliation.reduce((n, r) => n + r.outOfPeriod, 0);
        const unreadable = outcome.result.reconciliation.reduce((n, r) => n + r.unreadable, 0);
        if (outside > 0) io.stdout(`${outside.toLocaleString('en-US')} input rows outside --since/--until were not audited.\n`);
        if (unreadable > 0) io.stdout(`${unreadable.toLocaleString('en-US')} input rows could not be read (each is an input finding).\n`);
        io.stdout(`Reports written to ${String(o['out'])}: ${outcome.written.length} files.\n`);
      }
    });

  const rules = program.command('rules').description('inspect and validate rule files');
  rules
    .command('list')
    .description('list the rule tables, their versions and effective dates')
    .option('--rules <dir>', 'client rule directory to layer over the built-in ones (repeatable)', collect, [])
    .action(async (o: { rules: string[] }) => {
      const set = await RuleSet.load([builtinRulesDir(), ...o.rules]);
      io.stdout(formatRuleList(set));
      io.stdout('\nChecks (see `infusion-audit explain RULE_ID`):\n');
      for (const c of ALL_CHECKS) io.stdout(`  ${c.id.padEnd(28)} ${c.category.padEnd(15)} ${c.severity.padEnd(8)} ${c.docs.summary}\n`);
    });
  rules
    .command('validate')
    .description('validate rule files (the built-in ones, or DIR layered over them)')
    .argument('[dir]', 'a client rule directory')
    .action(async (dir: string | undefined) => {
      const dirs = dir !== undefined ? [builtinRulesDir(), dir] : [builtinRulesDir()];
      const problems = await RuleSet.validate(dirs);
      for (const p of problems) {
        const where = p.path !== undefined && p.path !== '' ? `${p.file}: ${p.path}` : p.file;
        io.stderr(`${p.level === 'error' ? chalk.red('error') : chalk.yellow('warning')} ${where}: ${p.message}\n`);
      }
      const errors = problems.filter((p) => p.level === 'error').length;
      io.stdout(`${errors === 0 ? 'valid' : 'invalid'}: ${errors} error(s), ${problems.length - errors} warning(s)\n`);
      exitCode = errors > 0 ? 2 : 0;
    });
  registerRulesImport(rules, io);
  rules
    .command('show')
    .description('show one rule table: versions, dates, sources, data')
    .argument('<id>', 'rule table id (see `rules list`)')
    .option('--rules <dir>', 'client rule directory (repeatable)', collect, [])
    .action(async (id: string, o: { rules: string[] }) => {
      const set = await RuleSet.load([builtinRulesDir(), ...o.rules]);
      const text = formatRuleShow(set, id);
      if (text === undefined) throw new UsageError(`no rule table "${id}" (see \`infusion-audit rules list\`)`);
      io.stdout(text);
    });

  program
    .command('explain')
    .description('what a check looks for, why, its source, and how to fix a hit')
    .argument('<ruleId>', 'a rule id such as ndc.malformed')
    .action((ruleId: string) => {
      const c = findCheck(ruleId);
      if (!c) {
        throw new UsageError(`unknown rule id "${ruleId}". Known: ${ALL_CHECKS.map((x) => x.id).join(', ')}`);
      }
      io.stdout(
        [
          `${chalk.bold(c.id)}  (category ${c.category}, default severity ${c.severity})`,
          '',
          c.docs.summary,
          '',
          `${chalk.bold('Why:')} ${c.docs.why}`,
          `${chalk.bold('Source:')} ${c.docs.source}`,
          `${chalk.bold('Fix:')} ${c.docs.fix}`,
          c.needs.length > 0 ? `${chalk.bold('Needs inputs:')} ${c.needs.join(', ')}` : '',
          c.ruleTables && c.ruleTables.length > 0 ? `${chalk.bold('Rule tables:')} ${c.ruleTables.join(', ')} (see \`rules show ID\`)` : '',
          '',
        ]
          .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
          .join('\n'),
      );
    });

  program
    .command('code')
    .description('derive the facility administration codes (CPT 96360-96549, C8957) of each encounter from MAR rows alone')
    .requiredOption('--mar <file>', 'medication administration records (.csv or .xlsx)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--facility <file>', 'facility.yaml (setting: hopd or office)')
    .option('--rules <dir>', 'client rule directory layered over the built-in rules (repeatable)', collect, [])
    .option('--profile <file>', "YAML column mapping for one client's export")
    .option('--sheet <name>', 'sheet to read in an XLSX input (default: the first)')
    .action(async (o: Record<string, unknown>) => {
      const outcome = await runCode({
        mar: String(o['mar']),
        format: o['format'] as CodeFormat,
        rules: o['rules'] as string[],
        ...pick(o, ['facility', 'profile', 'sheet']),
      });
      for (const line of outcome.unreadable) io.stderr(`${chalk.yellow('warning:')} ${line}
`);
      io.stdout(outcome.text);
      exitCode = 0;
    });

  program
    .command('samples')
    .description('write realistic synthetic inputs (the same for the same seed)')
    .requiredOption('--out <dir>', 'folder to write claims.csv, mar.csv, dispense.csv, auths.csv, facility.yaml')
    .option('--encounters <n>', 'number of encounters', '60')
    .option('--seed <seed>', 'seed (any text)', 'infusion-audit')
    .option('--from <date>', 'first date of service (YYYY-MM-DD)')
    .option('--to <date>', 'last date of service (YYYY-MM-DD)')
    .option('--no-planted', 'do not plant problems')
    .action(async (o: { out: string; encounters: string; seed: string; from?: string; to?: string; planted: boolean }) => {
      const n = Number(o.encounters);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--encounters must be a whole number above 0, not "${o.encounters}"`);
      const from = optDate(o.from, '--from');
      const to = optDate(o.to, '--to');
      const res = await generateSamples(o.out, {
        encounters: n,
        seed: o.seed,
        planted: o.planted,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      io.stderr(
        `wrote ${res.encounters} encounters to ${o.out}: ${Object.entries(res.rows)
          .map(([k, v]) => `${k} ${v} rows`)
          .join(', ')}\n`,
      );
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return reportError(e, io, chalk);
  }
}

function reportError(e: unknown, io: Io, chalk: ChalkInstance): number {
  if (e instanceof CommanderError) {
    // --help and --version end cleanly; help shown because no command was given is a usage error
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    // commander already printed its message; usage errors exit 2, not commander's 1
    return 2;
  }
  if (
    e instanceof UsageError ||
    e instanceof InputError ||
    e instanceof ConfigError ||
    e instanceof ReportWriteError ||
    e instanceof SampleOptionsError ||
    e instanceof SampleWriteError
  ) {
    io.stderr(`${chalk.red('infusion-audit:')} ${e.message}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && typeof err.path === 'string') {
    io.stderr(`${chalk.red('infusion-audit:')} ${err.path}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.code}\n`);
    return 2;
  }
  io.stderr(`${chalk.red('infusion-audit: internal error:')} ${err instanceof Error ? err.message : String(e)}\n`);
  if (io.env['INFUSION_AUDIT_DEBUG'] && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
  return 2;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseFormats(text: string): Set<Format> {
  const out = new Set<Format>();
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const f = part.toLowerCase() as Format;
    if (!FORMATS.includes(f)) throw new UsageError(`--format: unknown format "${part}" (choose from ${FORMATS.join(', ')})`);
    out.add(f);
  }
  if (out.size === 0) throw new UsageError('--format: give at least one of json, csv, xlsx, html');
  return out;
}

function optDate(v: unknown, flag: string): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s + 'T00:00:00Z')) || new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${flag}: "${s}" is not a date (YYYY-MM-DD)`);
  }
  return s;
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof o[k] === 'string') out[k] = o[k] as string;
  return out;
}
