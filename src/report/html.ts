/**
 * report.html: one self-contained page a manager can read. Inline CSS and inline SVG charts,
 * no scripts, no external assets (a Content-Security-Policy forbids them too), every value
 * HTML-escaped. Facility-neutral: input files are named by their base name only.
 */
import * as nodePath from 'node:path';
import {
  CATEGORIES,
  REVIEW_EXCEPTIONS,
  REVIEW_EXCEPTION_LABELS,
  REVIEW_EXCEPTION_RULES,
  REVIEW_INVENTORY,
  SEVERITIES,
  type AuditResult,
  type Category,
  type Finding,
  type Review340b,
  type ReviewInventory,
  type Severity,
} from '../model.js';
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
.legend{display:flex;flex-wrap:wrap;gap:12px;margin:4px 0 8px;font-size:12px;color:#566072}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
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

  // retrospective 340B review
  if (s.review340b) out.push(review340bSection(s.review340b));

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
  return hBarChart(
    bars.map((b) => ({ label: b.label, text: b.text, segments: [{ value: b.value, color, title: `${b.label}: ${b.text}` }] })),
    label,
    { labelW: 120, barW: 300, textW: 110, rounded: true },
  );
}

interface Segment {
  value: number;
  color: string;
  title: string;
  /** a class on the segment's rect */
  cls?: string;
}

/**
 * Horizontal bars as inline SVG, each of one or more segments laid end to end, scaled to the
 * longest bar; the row's label before it and its text after it. A segment of 0 is drawn only when
 * it is the bar's only one (a zero-width bar).
 */
function hBarChart(
  rows: readonly { label: string; text: string; segments: readonly Segment[] }[],
  label: string,
  o: { labelW: number; barW: number; textW: number; rounded: boolean },
): string {
  const rowH = 22;
  const width = o.labelW + o.barW + o.textW;
  const height = rows.length * rowH + 8;
  const totals = rows.map((r) => r.segments.reduce((n, x) => n + Math.max(0, x.value), 0));
  const max = Math.max(0, ...totals);
  const parts: string[] = [
    `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">`,
    `<title>${escapeHtml(label)}</title>`,
  ];
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    parts.push(`<text x="${o.labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1d2330">${escapeHtml(r.label)}</text>`);
    let x = o.labelW;
    for (const seg of r.segments) {
      if (seg.value <= 0 && r.segments.length > 1) continue;
      const w = max > 0 && seg.value > 0 ? Math.max(1, Math.round((seg.value / max) * o.barW)) : 0;
      parts.push(
        `<rect ${seg.cls ? `class="${escapeHtml(seg.cls)}" ` : ''}x="${x}" y="${y + 3}" width="${w}" height="${rowH - 7}"${o.rounded ? ' rx="2"' : ''} fill="${seg.color}"><title>${escapeHtml(seg.title)}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text x="${x + 6}" y="${y + 15}" font-size="12" fill="#566072">${escapeHtml(r.text)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// 340B review (340b-and-billing-model.md section 7)

export const INVENTORY_COLOR: Record<ReviewInventory, string> = {
  '340b': '#2f7d4f',
  'non-340b': '#3b6ea8',
  mixed: '#b26a00',
  bag: '#7a5aa6',
  unknown: '#9aa3b2',
};
const INVENTORY_LABEL: Record<ReviewInventory, string> = {
  '340b': '340B',
  'non-340b': 'non-340B',
  mixed: 'mixed',
  bag: 'white/brown bag',
  unknown: 'unknown (not verifiable)',
};

/** The section: drug lines by inventory per quarter (stacked bars) and the exception totals. */
function review340bSection(rv: Review340b): string {
  const out: string[] = ['<section id="review-340b"><h2>340B review</h2>'];
  if (rv.drugLines === 0) {
    out.push('<p class="muted">No drug lines in the period.</p></section>\n');
    return out.join('');
  }
  out.push(
    `<p class="muted">${escapeHtml(formatCount(rv.drugLines))} drug lines, each judged by the 340B modifier table, entity type and payer policy in force on its date of service. The full pivot (quarter, payer, entity, expected and billed modifier, inventory) is in report.json (summary.review340b) and the audit.xlsx sheet "340B review".</p>`,
  );
  const byQuarter = new Map<string, Record<ReviewInventory, number>>();
  for (const c of rv.cells) {
    let q = byQuarter.get(c.quarter);
    if (!q) byQuarter.set(c.quarter, (q = Object.fromEntries(REVIEW_INVENTORY.map((k) => [k, 0])) as Record<ReviewInventory, number>));
    q[c.inventory] += c.lines;
  }
  const quarters = [...byQuarter].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.push('<div class="chart"><h3>Drug lines by inventory status per quarter</h3>');
  out.push(
    `<div class="legend">${REVIEW_INVENTORY.map((k) => `<span><i style="background:${INVENTORY_COLOR[k]}"></i>${escapeHtml(INVENTORY_LABEL[k])}</span>`).join('')}</div>`,
  );
  out.push(stackedChart(quarters, 'Drug lines by inventory status per quarter'), '</div>');
  out.push('<h3>Exceptions</h3><table><thead><tr><th>Exception</th><th>Rules</th><th class="n">Count</th></tr></thead><tbody>');
  for (const k of REVIEW_EXCEPTIONS) {
    const rules = REVIEW_EXCEPTION_RULES[k];
    out.push(
      `<tr><td>${escapeHtml(REVIEW_EXCEPTION_LABELS[k])}</td><td>${escapeHtml(rules.length ? rules.join(', ') : 'lines of unknown acquisition (no finding)')}</td><td class="n">${escapeHtml(formatCount(rv.exceptions[k]))}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>\n');
  return out.join('');
}

/** One stacked bar per quarter, one segment per inventory status. */
function stackedChart(rows: readonly [string, Record<ReviewInventory, number>][], label: string): string {
  return hBarChart(
    rows.map(([quarter, v]) => ({
      label: quarter,
      text: formatCount(REVIEW_INVENTORY.reduce((n, k) => n + v[k], 0)),
      segments: REVIEW_INVENTORY.map((k) => ({
        value: v[k],
        color: INVENTORY_COLOR[k],
        cls: `inv-${k}`,
        title: `${quarter} ${INVENTORY_LABEL[k]}: ${formatCount(v[k])} line${v[k] === 1 ? '' : 's'}`,
      })),
    })),
    label,
    { labelW: 70, barW: 420, textW: 80, rounded: false },
  );
}
