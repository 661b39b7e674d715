/**
 * The short summary printed after an audit (the caller adds where the reports went):
 * counts by severity and category, dollars at risk, skipped checks, unmatched payers and the
 * baseline comparison. Counts and rule ids only: never a patient id.
 */
import { Chalk } from 'chalk';
import { SEVERITIES, type AuditResult, type Category, type Severity } from '../model.js';
import { formatCount, formatMoney } from './format.js';

const LIST_MAX = 8;

export function consoleSummary(result: AuditResult, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const s = result.summary;
  const lines: string[] = [];

  const bySev = SEVERITIES.map((sev) => {
    const n = s.bySeverity?.[sev] ?? 0;
    const label = sev === 'info' ? 'info' : n === 1 ? sev : `${sev}s`;
    const text = `${formatCount(n)} ${label}`;
    return n > 0 ? sevColor[sev](text) : text;
  }).join(', ');
  lines.push(
    `${c.bold(result.tool.name)}: ${c.bold(formatCount(s.exceptions))} exception${s.exceptions === 1 ? '' : 's'} (${bySev}) in ` +
      `${formatCount(s.encounters)} encounter${s.encounters === 1 ? '' : 's'}, ${formatCount(s.claimLines)} claim line${s.claimLines === 1 ? '' : 's'}`,
  );

  const dir = s.amountAtRiskByDirection ?? { over: 0, under: 0, denial: 0 };
  lines.push(
    `  at risk: ${c.bold(formatMoney(s.amountAtRisk))} (over ${formatMoney(dir.over)}, under ${formatMoney(dir.under)}, denial ${formatMoney(dir.denial)})`,
  );

  const cats = Object.entries(s.byCategory ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (cats.length > 0) {
    const parts = cats.map(([cat, n]) => {
      const amt = s.amountAtRiskByCategory?.[cat as Category] ?? 0;
      return `${cat} ${formatCount(n)}${amt > 0 ? ` (${formatMoney(amt)})` : ''}`;
    });
    lines.push(`  by category: ${parts.join(', ')}`);
  }

  const skipped = result.skippedChecks ?? [];
  if (skipped.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const k of skipped) {
      const list = byReason.get(k.reason);
      if (list) list.push(k.ruleId);
      else byReason.set(k.reason, [k.ruleId]);
    }
    lines.push(`  ${c.yellow(`skipped ${formatCount(skipped.length)} check${skipped.length === 1 ? '' : 's'}`)}:`);
    for (const [reason, ids] of byReason) lines.push(`    ${reason}: ${listText(ids)}`);
  }

  const unmatched = result.unmatchedPayers ?? [];
  if (unmatched.length > 0) {
    lines.push(`  ${c.yellow(`unmatched payers (${formatCount(unmatched.length)}, typed other)`)}: ${listText(unmatched)}`);
  }

  const outside = (result.referenceData ?? []).filter((r) => r.linesOutsideQuarter > 0);
  if (outside.length > 0) {
    const quarters = [...new Set(outside.flatMap((r) => r.quartersToImport))].sort();
    lines.push(
      `  ${c.yellow('reference data of another quarter')}: ${listText(outside.map((r) => `${r.id} ${r.version} judged ${formatCount(r.linesOutsideQuarter)} line${r.linesOutsideQuarter === 1 ? '' : 's'}`))}; ` +
        `import ${listText(quarters)} (\`infusion-audit rules import --quarter ...\`) for the dates audited`,
    );
  }

  const rv = s.review340b;
  if (rv && rv.drugLines > 0) {
    const inv = rv.byInventory;
    const ex = rv.exceptions;
    lines.push(
      `  340B review: ${formatCount(rv.drugLines)} drug line${rv.drugLines === 1 ? '' : 's'}, ${formatCount(inv['340b'])} 340B, ${formatCount(inv.unknown)} not verifiable; ` +
        `modifier missing ${formatCount(ex.modifierMissing)}, wrong ${formatCount(ex.modifierWrong)}, on non-340B ${formatCount(ex.modifierOnNon340b)}, mixed ${formatCount(ex.mixed)}, duplicate discount ${formatCount(ex.duplicateDiscount)}`,
    );
  }

  if (result.baseline) {
    const b = result.baseline;
    const fresh = `${formatCount(b.new)} new`;
    lines.push(`  baseline: ${b.new > 0 ? c.bold(c.red(fresh)) : fresh}, ${formatCount(b.known)} known, ${formatCount(b.resolved)} resolved`);
  }
  if (result.redacted) lines.push('  patient ids redacted in every report');
  return lines.join('\n') + '\n';
}

function listText(items: readonly string[]): string {
  const shown = items.slice(0, LIST_MAX).join(', ');
  return items.length > LIST_MAX ? `${shown} (+${items.length - LIST_MAX} more)` : shown;
}
