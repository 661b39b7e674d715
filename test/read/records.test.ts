import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INPUT_KINDS } from '../../src/model.js';
import { readAll, tempDir } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/read/${name}`, import.meta.url));
const file = tempDir();

describe('claims records', () => {
  it('converts every column type and keeps code-like values as strings', async () => {
    const { rows } = await readAll('claims', fixture('claims.csv'), { inputIndex: 2 });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.record).toEqual({
      row: 2, input: 2, claimId: 'CLM001', line: '1', patientId: 'TESTPT01', serviceDate: '2025-01-06', payer: 'Medicare Part B',
      code: '96413', units: 1, encounterId: 'ENC01', modifiers: [], charge: 1250, ndc: undefined, ndcQuantity: undefined,
      ndcUnit: undefined, revenueCode: '0510', billType: '0131',
    });
    expect(rows[1]!.record).toMatchObject({ code: 'J9035', units: 10, modifiers: ['JG', 'JW'], charge: 4800.5, ndc: '00069080901', ndcQuantity: 10, ndcUnit: 'UN', revenueCode: '0636' });
    expect(rows[2]!.record).toMatchObject({ serviceDate: '2025-01-06', units: 2.5, charge: -120 });
    expect(rows.slice(0, 3).every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reports every problem of a bad row, with plain messages', async () => {
    const { rows } = await readAll('claims', fixture('claims.csv'));
    const bad = rows[3]!;
    expect(bad.record).toBeUndefined();
    expect(bad.issues.map((i) => [i.code, i.severity, i.column])).toEqual([
      ['bad-value', 'error', 'service_date'],
      ['bad-value', 'error', 'units'],
      ['bad-value', 'warning', 'charge'],
      ['bad-value', 'warning', 'ndc_quantity'],
      ['bad-value', 'warning', 'modifiers'],
    ]);
    expect(bad.issues[0]!.message).toBe(
      'claims.csv row 5, column service_date ("Svc Date"): "13/45/2025" is not a date (expected YYYY-MM-DD, M/D/YYYY or an Excel serial); the row cannot be audited',
    );
    expect(bad.issues[1]!.message).toBe('claims.csv row 5, column units ("Units Billed"): "-1" is negative; units must be 0 or more; the row cannot be audited');
    expect(bad.issues[2]!.message).toBe('claims.csv row 5, column charge ("Charge"): "abc" is not a number; the value is ignored');
    expect(bad.issues[4]!.message).toMatch(/"J" is not a modifier/);
    expect(bad.issues.every((i) => i.row === 5)).toBe(true);
  });

  it.each([
    ['JW', ['JW']],
    ['jw,jg', ['JW', 'JG']],
    ['JW; JG', ['JW', 'JG']],
    ['JW JG  TB', ['JW', 'JG', 'TB']],
    ['JWJG', ['JW', 'JG']],
    ['59|XU', ['59', 'XU']],
  ])('modifiers %j -> %j', async (cell, want) => {
    const p = file(`mods-${want.join('')}.csv`, `claim_id,line,patient_id,service_date,payer,code,units,modifiers\nC1,1,P1,2025-01-05,M,J9035,1,"${cell}"\n`);
    const { rows } = await readAll('claims', p);
    expect(rows[0]!.record?.modifiers).toEqual(want);
    expect(rows[0]!.issues).toEqual([]);
  });

  it('modifier_1..4 columns, appended after a modifiers list', async () => {
    const p = file('mod14.csv', 'claim_id,line,patient_id,service_date,payer,code,units,Modifiers,Mod 1,Mod 2\nC1,1,P1,2025-01-05,M,J9035,1,JW,jg,\n');
    const { rows } = await readAll('claims', p);
    expect(rows[0]!.record?.modifiers).toEqual(['JW', 'JG']);
  });

  it('an empty required cell is missing-required and the row is not audited', async () => {
    const p = file('missing.csv', 'claim_id,line,patient_id,service_date,payer,code,units\nC1,1,,2025-01-05,M,J9035, \n');
    const { rows } = await readAll('claims', p);
    expect(rows[0]!.record).toBeUndefined();
    expect(rows[0]!.issues.map((i) => `${i.code}:${i.column}`)).toEqual(['missing-required:patient_id', 'missing-required:units']);
    expect(rows[0]!.issues[0]!.message).toBe('missing.csv row 2, column patient_id: required value is empty; the row cannot be audited');
  });
});

describe('mar records', () => {
  it('keeps start/stop text; unparseable times are not issues; date from the start text', async () => {
    const { rows } = await readAll('mar', fixture('mar.csv'));
    expect(rows[0]!.record).toEqual({
      row: 2, input: 0, patientId: 'TESTPT01', drug: 'Test Drug A', route: 'IV', start: '2025-01-06T09:05:00',
      startText: '01/06/2025 9:05 AM', stop: '2025-01-06T10:40:00', stopText: '01/06/2025 10:40 AM', date: '2025-01-06',
      encounterId: 'ENC01', administrationId: 'A1', dose: 400, doseUnit: 'mg', code: 'J9035', ndc: '00069080901',
      accessSite: 'Port', purpose: 'chemo', wasted: 10,
    });
    expect(rows[1]!.record).toMatchObject({ start: '2025-01-06T11:00:00', stop: undefined, stopText: '', purpose: 'therapeutic' });
    expect(rows[1]!.issues).toEqual([]);
    expect(rows[2]!.record).toMatchObject({ start: undefined, startText: '01/07/2025 25:99', date: '2025-01-07', stop: '2025-01-07T11:00:00', purpose: undefined });
    expect(rows[2]!.issues.map((i) => `${i.code}:${i.severity}:${i.column}`)).toEqual(['bad-value:warning:purpose']);
    expect(rows[2]!.issues[0]!.message).toMatch(/"Comfort" is not a recognised purpose \(expected chemo, therapeutic or hydration\)/);
    // no start at all, but an encounter to link to
    expect(rows[3]!.record).toMatchObject({ start: undefined, startText: '', date: undefined, encounterId: 'ENC04' });
    expect(rows[3]!.issues).toEqual([]);
  });

  it('no start date and no encounter: cannot be linked (missing-required on start)', async () => {
    const { rows } = await readAll('mar', fixture('mar.csv'));
    const r = rows[4]!;
    expect(r.record).toBeUndefined();
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'missing-required', severity: 'error', column: 'start', row: 6 }),
    ]);
    expect(r.issues[0]!.message).toMatch(/start has no readable date and there is no encounter_id/);
  });
});

describe('dispense records', () => {
  it('normalises inventory and billing model; defaults to buy_and_bill', async () => {
    const { rows } = await readAll('dispense', fixture('dispense.csv'));
    expect(rows.map((r) => [r.record?.inventory, r.record?.billingModel])).toEqual([
      ['340b', 'buy_and_bill'],
      ['wac', 'white_bag'],
      ['gpo', 'brown_bag'],
      [undefined, 'buy_and_bill'],
      [undefined, undefined],
    ]);
    expect(rows[0]!.record).toMatchObject({ dispenseId: 'D1', dispenseDate: '2025-01-06', ndc: '00069080901', quantity: 10, quantityUnit: 'UN', wasted: 0 });
    expect(rows[2]!.record?.dispenseDate).toBe('2025-01-06'); // Excel serial 45663
    expect(rows[3]!.issues.map((i) => `${i.code}:${i.severity}:${i.column}`)).toEqual(['bad-value:warning:inventory']);
    expect(rows[3]!.issues[0]!.message).toMatch(/"non-340b" is not a recognised inventory \(expected 340b, wac or gpo\)/);
    expect(rows[4]!.issues.map((i) => `${i.code}:${i.column}`)).toEqual([
      'missing-required:dispense_date',
      'missing-required:ndc',
      'bad-value:quantity',
    ]);
  });
});

describe('auths records', () => {
  it('parses dates, numbers and status', async () => {
    const { rows } = await readAll('auths', fixture('auths.csv'));
    expect(rows[0]!.record).toEqual({
      row: 2, input: 0, authId: 'AUTH1', patientId: 'TESTPT01', payer: 'Aetna', code: 'J9035', startDate: '2025-01-01',
      endDate: '2025-06-30', unitsApproved: 100, visitsApproved: 6, status: 'approved',
    });
    expect(rows[1]!.record).toMatchObject({ endDate: '9999-12-31', status: 'pending', unitsApproved: undefined });
    expect(rows[2]!.record).toMatchObject({ code: 'J1745', unitsApproved: 1.5, visitsApproved: undefined, status: undefined });
    expect(rows[2]!.issues.map((i) => `${i.severity}:${i.column}`)).toEqual(['warning:visits_approved', 'warning:status']);
  });
});

describe('privacy of messages', () => {
  it.each(INPUT_KINDS)('%s: no message quotes a patient id or a drug name', async (kind) => {
    const { rows } = await readAll(kind, fixture(`${kind}.csv`));
    const messages = rows.flatMap((r) => r.issues.map((i) => i.message));
    for (const m of messages) {
      expect(m).not.toMatch(/TESTPT/);
      expect(m).not.toMatch(/Test Drug/);
    }
  });
});
