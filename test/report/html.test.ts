import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml, writeHtmlReport } from '../../src/report/index.js';
import { TOP_FINDINGS } from '../../src/report/html.js';
import { makeFinding, makeResult, makeReview, summarise } from './fixtures.js';
import { mode, tempDir } from './helpers.js';

describe('report.html', () => {
  it('is one self-contained page with totals, charts and top findings', async () => {
    const result = makeResult({ baseline: { path: '/secure/prev/report.json', new: 2, known: 1, resolved: 4 } });
    const file = path.join(tempDir(), 'report.html');
    await writeHtmlReport(file, result);
    expect(mode(file)).toBe(0o600);
    const html = fs.readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // totals: 4 exceptions, $1,065.50 at risk (125.50 + 40 + 900), $125.50 over, $940.00 denial
    expect(html).toContain('>4</div><div class="l">Exceptions');
    expect(html).toContain('$1,065.50');
    expect(html).toContain('$125.50');
    expect(html).toContain('$940.00');
    // two inline SVG charts
    expect(html.match(/<svg /g)?.length).toBe(2);
    // no scripts, no external assets
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/url\(/i);
    // sections
    for (const s of ['Top findings', 'Rule packs applied', 'cms-asp', 'Skipped checks', 'dispense.not-billed', 'Acme Health Plan', 'Compared with the baseline']) {
      expect(html).toContain(s);
    }
    // facility-neutral: files by base name only
    expect(html).not.toContain('/data/in/');
    expect(html).not.toContain('/secure/prev');
  });

  it('orders top findings by dollars at risk, then severity', () => {
    const html = renderHtml(makeResult());
    const order = ['auth.expired', 'units.mismatch', 'ndc.malformed', 'doc.stop-missing'].map((r) => html.indexOf(`<td>${r}<br>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows at most the top 25', () => {
    const exceptions = Array.from({ length: 60 }, (_v, i) => makeFinding({ id: `t${i}`, ruleId: `rule.n${i}`, amountAtRisk: i }));
    const html = renderHtml(makeResult({ exceptions }));
    expect(html).toContain(`${TOP_FINDINGS} of 60`);
    expect(html).toContain('<td>rule.n59<br>');
    expect(html).toContain('<td>rule.n35<br>');
    expect(html).not.toContain('<td>rule.n34<br>');
  });

  it('escapes everything it prints', () => {
    const evil = makeFinding({ message: '<img src=x onerror=alert(1)> & "quotes"', ruleId: 'r<1>', amountAtRisk: 1e6 });
    const html = renderHtml(makeResult({ exceptions: [evil], unmatchedPayers: ['<b>Payer</b>'] }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Payer');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('r&lt;1&gt;');
  });

  it('says so when there is nothing to report', () => {
    const html = renderHtml(makeResult({ exceptions: [], skippedChecks: [], unmatchedPayers: [] }));
    expect(html).toContain('No exceptions.');
    expect(html).not.toContain('<svg');
  });
});

describe('report.html: the 340B review section', () => {
  const withReview = (review = makeReview()) => {
    const base = makeResult();
    return renderHtml(makeResult({ summary: { ...summarise(base.exceptions), review340b: review } }));
  };
  const section = (html: string): string => /<section id="review-340b">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  it('charts the drug lines by inventory status per quarter (inline SVG, one stacked bar per quarter)', () => {
    const html = withReview();
    const sec = section(html);
    expect(sec).toContain('<h2>340B review</h2>');
    expect(sec.match(/<svg /g)?.length).toBe(1);
    // quarters in order, each a bar with a segment per status that has lines
    expect([...sec.matchAll(/text-anchor="end"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['2023Q4', '2024Q3', '2025Q1&lt;b&gt;']);
    expect([...sec.matchAll(/<rect class="inv-([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(['340b', '340b', 'non-340b', 'bag', 'unknown']);
    expect(sec).toContain('<title>2024Q3 non-340B: 2 lines</title>');
    expect(sec).toContain('<title>2025Q1&lt;b&gt; unknown (not verifiable): 2 lines</title>');
    // the longest bar (2024Q3, 6 lines) spans the full width; 2023Q4 (3 lines) half of it
    const widths = [...sec.matchAll(/<rect class="inv-[^"]+" x="\d+" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect((widths[1] ?? 0) + (widths[2] ?? 0)).toBe(420);
    expect(widths[0]).toBe(210);
    // the whole page stays self-contained and escaped
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
    expect(html.match(/<svg /g)?.length).toBe(3);
  });

  it('lists the exception totals with their rules', () => {
    const sec = section(withReview());
    const rows = [...sec.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="n">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['Modifier missing', '340b.missing', '1'],
      ['Modifier wrong', '340b.wrong, 340b.medicaid-identifier', '2'],
      ['Modifier on a non-340B drug', '340b.not-340b', '1'],
      ['Mixed inventory on one line', '340b.mixed', '0'],
      ['Duplicate discount (Medicaid)', '340b.duplicate-discount', '3'],
      ['Lines not verifiable (no dispense link or blank inventory)', 'lines of unknown acquisition (no finding)', '2'],
    ]);
  });

  it('says so when there is no drug line, and has no section without a review block', () => {
    const empty = section(withReview(makeReview({ drugLines: 0, cells: [] })));
    expect(empty).toContain('No drug lines in the period.');
    expect(empty).not.toContain('<svg');
    expect(renderHtml(makeResult())).not.toContain('340B review');
  });
});
