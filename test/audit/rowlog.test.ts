import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RowLog } from '../../src/audit/rowlog.js';
import { AnnotatedCsvWriter, type FlaggedRows } from '../../src/report/index.js';
import type { Finding } from '../../src/model.js';

function finding(ruleId: string, severity: Finding['severity'], message: string): Finding {
  return { id: ruleId, ruleId, category: 'input', severity, message, patientId: 'P1', evidence: [] };
}

describe('RowLog (annotated CSV through a spool)', () => {
  it('writes every row in file order with findings that arrived at any time, then removes its spool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-rowlog-'));
    const header = ['claim_id', 'line', 'note'];
    const writer = await AnnotatedCsvWriter.open(join(dir, 'claims.csv'), { delimiter: ';', header, headerRaw: 'claim_id;line;note\r\n' });
    const flagged: FlaggedRows = { kind: 'claims', file: 'claims.csv', header, columns: {}, rows: [] };
    const spool = join(dir, '.spool');
    const log = await RowLog.open('claims', writer, spool, flagged, undefined);
    log.add(2, 'C1;1;"a;b"\r\n', ['C1', '1', 'a;b']);
    log.add(3, undefined, ['C2', '1', '=cmd()']);
    log.add(5, 'C3;1;é\r\n', ['C3', '1', 'é']);
    log.add(6, 'C4;1\r\n', ['C4', '1']);
    log.setNotAudited(6, 'not audited: outside --since/--until (2025-01-01)');
    log.attach(3, finding('input.bad-value', 'warning', 'odd'));
    log.markDone(2);
    log.markDone(3);
    log.markDone(5);
    // a finding for a row whose encounter was already checked (an aggregate at the end) still lands
    log.attach(5, finding('ndc.malformed', 'error', 'bad NDC'));
    log.markAllDone();
    await log.finish();
    expect(readFileSync(join(dir, 'claims.csv'), 'utf8')).toBe(
      [
        'claim_id;line;note;audit_status;audit_findings',
        'C1;1;"a;b";ok;',
        "C2;1;'=cmd();warning;input.bad-value: odd",
        'C3;1;é;error;ndc.malformed: bad NDC',
        'C4;1;;not-audited;not audited: outside --since/--until (2025-01-01)',
        '',
      ].join('\n'),
    );
    expect(existsSync(spool)).toBe(false);
    expect(log.rowsWithFindings).toBe(2);
    // the xlsx sheet gets the flagged row whose finding was known when its encounter was done
    expect(flagged.rows.map((r) => r.row)).toEqual([3]);
  });

  it('handles a row longer than the read buffer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-rowlog-'));
    const writer = await AnnotatedCsvWriter.open(join(dir, 'mar.csv'), { delimiter: ',', header: ['a', 'b'] });
    const log = await RowLog.open('mar', writer, join(dir, '.spool'), undefined, undefined);
    const big = 'x'.repeat(3 << 20);
    log.add(2, `1,${big}\n`, ['1', big]);
    log.add(3, '2,y\n', ['2', 'y']);
    await log.finish();
    const lines = readFileSync(join(dir, 'mar.csv'), 'utf8').split('\n');
    expect(lines[1]).toBe(`1,${big},ok,`);
    expect(lines[2]).toBe('2,y,ok,');
  });
});
