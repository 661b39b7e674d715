/**
 * report.html: one self-contained page a manager can read. Inline CSS and inline SVG charts,
 * no scripts, no external assets (a Content-Security-Policy forbids them too), every value
 * HTML-escaped. Facility-neutral: input files are named by their base name only.
 */
import * as nodePath from 'node:path';
import { CATEGORIES, SEVERITIES, type AuditResult, type Category, type Finding, type Severity } from '../model.js';
import { compareTop, topFindings } from './aggregate.js';
import { formatCount, formatMoney, periodText } from './format.js';
import { FileSink } from './sink.js';

export const TOP_FINDINGS = 25;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c] as string);
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '#b3261e', warning: '#b26a00', info: '#1f6fb2' };

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2330;background:#f5f6f8;margin:0}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #d8dce3;padding-bottom:4px}
.meta{color:#566072;margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}
.card{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:12px 16px;min-width:150px}
.card .v{font-size:22px;font-weight:600}
.card .l{color:#566072;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.sev-error .v{color:${SEVERITY_COLOR.error}}.sev-warning .v{color:${SEVERITY_COLOR.warning}}.sev-info .v{color:${SEVERITY_COLOR.info}}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:12px}
.chart h3{font-size:14px;margin:0 0 6px}
table{border-collapse:collapse;background:#fff;width:100%;border:1px solid #d8dce3}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e9ee;vertical-align:top}
th{background:#eef1f5;font-weight:600;font-size:12px}
td.n,th.n{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;font-size:12px}
.badge.error{background:${SEVERITY_COLOR.error}}.badge.warning{background:${SEVERITY_COLOR.warning}}.badge.info{background:${SEVERITY_COLOR.info}}
.muted{color:#566072}
.warn{color:${SEVERITY_COLOR.error};font-weight:600}
footer{margin:32px 0 8px;color:#566072;font-size:12px}
`;

/** Write report.html to `path` (mode 0600). */
export async function writeHtmlReport(path: string, result: AuditResult): Promise<void> {
  const sink = await FileSink.open(path);
  try {
    sink.write(renderHtml(result));
    await sink.close();
  } catch (err) {
    sink.discard();
    throw err;
  }
}

export function renderHtml(result: AuditResult): string {
  const s = result.summary;
  const out: string[] = [];
  const title = 'Infusion audit report';
  out.push(
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n`,
  );

  // header
  out.push(
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(`${result.tool.name} ${result.tool.version}`)} · generated ${escapeHtml(result.generatedAt)}`,
    ` · period: ${escapeHtml(periodText(result))}`,
    result.redacted ? ' · patient ids redacted' : '',
    '</p></header>\n',
  );

  // totals
  const card = (label: string, value: string, cls = ''): string =>
    `<div class="card${cls ? ` ${cls}` : ''}"><div class="v">${escapeHtml(value)}</div><div class="l">${escapeHtml(label)}</div></div>`;
  out.push('<section><h2>Totals</h2><div class="cards">');
  out.push(card('Exceptions', formatCount(s.exceptions)));
  for (const sev of SEVERITIES) out.push(card(sev === 'info' ? 'Info' : `${cap(sev)}s`, formatCount(s.bySeverity?.[sev] ?? 0), `sev-${sev}`));
  out.push(card('Encounters', formatCount(s.encounters)), card('Claim lines', formatCount(s.claimLines)));
  out.push('</div><div class="cards">');
  out.push(card('Dollars at risk', formatMoney(s.amountAtRisk)));
  const dir = s.amountAtRiskByDirection ?? { over: 0, under: 0, denial: 0 };
  out.push(
    card('Overbilled (over)', formatMoney(dir.over)),
    card('Underbilled (under)', formatMoney(dir.under)),
    card('Denial risk', formatMoney(dir.denial)),
  );
  out.push('</div></section>\n');

  // charts
  const cats = categoryRows(result);
  out.push('<section><h2>By category</h2>');
  if (cats.length === 0) {
    out.push('<p class="muted">No exceptions.</p>');
  } else {
    out.push('<div class="charts">');
    out.push(
      `<div class="chart"><h3>Exceptions by category</h3>${barChart(
        cats.map((c) => ({ label: c.category, value: c.count, text: formatCount(c.count) })),
        '#3b6ea8',
        'Exceptions by category',
      )}</div>`,
    );
    const dollars = [...cats].sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category));
    out.push(
      `<div class="chart"><h3>Dollars at risk by category</h3>${barChart(
        dollars.map((c) => ({ label: c.category, value: c.amount, text: formatMoney(c.amount) })),
        '#a8503b',
        'Dollars at risk by category',
      )}</div>`,
    );
    out.push('</div>');
  }
  out.push('</section>\n');

  // top findings
  const top = topFindings(result.exceptions, TOP_FINDINGS);
  out.push('<section><h2>Top findings</h2>');
  if (top.length === 0) {
    out.push('<p class="muted">No exceptions.</p>');
  } else {
    out.push(
      `<p class="muted">The ${top.length === result.exceptions.length ? formatCount(top.length) : `${formatCount(top.length)} of ${formatCount(result.exceptions.length)}`} findings with the most dollars at risk, then the most severe. The full list is in exceptions.csv and audit.xlsx.</p>`,
    );
    out.push(
      '<table><thead><tr><th>Severity</th><th>Rule</th><th>Patient</th><th>Service date</th><th>Code</th><th>Finding</th><th>Expected</th><th class="n">At risk</th></tr></thead><tbody>',
    );
    for (const f of top.sort(compareTop)) out.push(findingRow(f));
    out.push('</tbody></table>');
  }
  out.push('</section>\n');

  // inputs and reconciliation
  out.push('<section><h2>Inputs</h2>');
  if (result.inputs.length === 0) out.push('<p class="muted">None.</p>');
  else {
    const recon = new Map((result.reconciliation ?? []).map((r) => [`${r.kind}\u0000${nodePath.basename(r.file)}\u0000${r.sheet ?? ''}`, r]));
    out.push(
      '<table><thead><tr><th>Input</th><th>File</th><th class="n">Rows</th><th class="n">Audited</th><th class="n">Unreadable</th><th class="n">Out of period</th><th class="n">With findings</th></tr></thead><tbody>',
    );
    for (const i of result.inputs) {
      const base = nodePath.basename(i.path);
      const r = recon.get(`${i.kind}\u0000${base}\u0000${i.sheet ?? ''}`);
      const n = (v: number | undefined): string => `<td class="n">${v === undefined ? '' : escapeHtml(formatCount(v))}</td>`;
      out.push(
        `<tr><td>${escapeHtml(i.kind)}</td><td>${escapeHtml(base)}${i.sheet ? ` [${escapeHtml(i.sheet)}]` : ''}</td>`,
        n(i.rows),
        n(r?.audited),
        n(r?.unreadable),
        n(r?.outOfPeriod),
        n(r?.withFindings),
        '</tr>',
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>\n');

  // rule packs
  out.push('<section><h2>Rule packs applied</h2>');
  if (result.rulePacks.length === 0) out.push('<p class="muted">None.</p>');
  else {
    out.push('<table><thead><tr><th>Rule pack</th><th>Version</th><th>In force from</th><th>to</th></tr></thead><tbody>');
    for (const p of result.rulePacks) {
      out.push(
        `<tr><td>${escapeHtml(p.id)}</td><td>${escapeHtml(p.version)}</td><td>${escapeHtml(p.effectiveFrom)}</td><td>${escapeHtml(p.effectiveTo ?? 'open')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>\n');

  // skipped checks
  const skipped = result.skippedChecks ?? [];
  out.push('<section><h2>Skipped checks</h2>');
  if (skipped.length === 0) out.push('<p class="muted">None: every check had its inputs.</p>');
  else {
    out.push('<table><thead><tr><th>Check</th><th>Why it was skipped</th></tr></thead><tbody>');
    for (const c of skipped) out.push(`<tr><td>${escapeHtml(c.ruleId)}</td><td>${escapeHtml(c.reason)}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</section>\n');

  // unmatched payers
  const unmatched = result.unmatchedPayers ?? [];
  out.push('<section><h2>Unmatched payers</h2>');
  if (unmatched.length === 0) out.push('<p class="muted">None: every payer matched facility.yaml.</p>');
  else {
    out.push(
      `<p>These payers matched no entry in facility.yaml and were treated as <em>other</em>:</p><ul>${unmatched.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
    );
  }
  out.push('</section>\n');

  // baseline
  if (result.baseline) {
    const b = result.baseline;
    out.push('<section><h2>Compared with the baseline</h2><div class="cards">');
    out.push(card('New', formatCount(b.new), 'sev-error'), card('Known', formatCount(b.known)), card('Resolved', formatCount(b.resolved)));
    out.push(`</div><p class="muted">Baseline: ${escapeHtml(nodePath.basename(b.path))}</p></section>\n`);
  }

  out.push(
    `<footer>${escapeHtml(result.tool.name)} report schema ${escapeHtml(result.schemaVersion)}. Amounts are estimates of dollars at risk, not adjudicated amounts.</footer>\n`,
  );
  out.push('</main>\n</body>\n</html>\n');
  return out.join('');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface CategoryRow {
  category: string;
  count: number;
  amount: number;
}

/** Categories with at least one exception or dollar, most exceptions first. */
function categoryRows(result: AuditResult): CategoryRow[] {
  const s = result.summary;
  const names = new Set<string>([...CATEGORIES, ...Object.keys(s.byCategory ?? {}), ...Object.keys(s.amountAtRiskByCategory ?? {})]);
  const rows: CategoryRow[] = [];
  for (const c of names) {
    const count = s.byCategory?.[c as Category] ?? 0;
    const amount = s.amountAtRiskByCategory?.[c as Category] ?? 0;
    if (count > 0 || amount > 0) rows.push({ category: c, count, amount });
  }
  return rows.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}

function findingRow(f: Finding): string {
  return (
    `<tr><td><span class="badge ${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span></td>` +
    `<td>${escapeHtml(f.ruleId)}<br><span class="muted">${escapeHtml(f.category)}</span></td>` +
    `<td>${escapeHtml(f.patientId)}</td><td>${escapeHtml(f.serviceDate ?? '')}</td><td>${escapeHtml(f.code ?? '')}</td>` +
    `<td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.expected ?? '')}</td>` +
    `<td class="n">${f.amountAtRisk !== undefined ? escapeHtml(formatMoney(f.amountAtRisk)) + (f.direction ? `<br><span class="muted">${escapeHtml(f.direction)}</span>` : '') : ''}</td></tr>`
  );
}

interface Bar {
  label: string;
  value: number;
  text: string;
}

/** A horizontal bar chart as inline SVG (no xmlns needed inside HTML). */
export function barChart(bars: readonly Bar[], color: string, label: string): string {
  const labelW = 120;
  const barW = 300;
  const textW = 110;
  const rowH = 22;
  const width = labelW + barW + textW;
  const height = bars.length * rowH + 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const parts: string[] = [
    `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">`,
    `<title>${escapeHtml(label)}</title>`,
  ];
  bars.forEach((b, i) => {
    const y = 4 + i * rowH;
    const w = max > 0 && b.value > 0 ? Math.max(1, Math.round((b.value / max) * barW)) : 0;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1d2330">${escapeHtml(b.label)}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 7}" rx="2" fill="${color}"><title>${escapeHtml(`${b.label}: ${b.text}`)}</title></rect>`,
      `<text x="${labelW + w + 6}" y="${y + 15}" font-size="12" fill="#566072">${escapeHtml(b.text)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
