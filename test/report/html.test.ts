import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml, writeHtmlReport } from '../../src/report/index.js';
import { TOP_FINDINGS } from '../../src/report/html.js';
import { makeFinding, makeResult } from './fixtures.js';
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
