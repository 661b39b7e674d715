import { describe, expect, it } from 'vitest';
import { INPUT_KINDS } from '../../src/model.js';
import { COLUMNS, InputError, mapHeaders, normaliseHeader, openInput } from '../../src/read/index.js';
import { readAll, tempDir } from './helpers.js';

const file = tempDir();
const where = { label: 'claims.csv', file: 'in/claims.csv', headerRow: 1, format: 'csv' as const };

describe('column table', () => {
  it.each(INPUT_KINDS)('%s: no normalised alias maps to two columns', (kind) => {
    const owner = new Map<string, string>();
    for (const def of COLUMNS[kind]) {
      for (const a of [def.name, ...def.aliases]) {
        const key = normaliseHeader(a);
        const prev = owner.get(key);
        expect(prev === undefined || prev === def.name, `${kind}: "${a}" -> ${def.name} and ${prev}`).toBe(true);
        owner.set(key, def.name);
      }
    }
  });

  it('required columns are the SPEC ones (mar stop is optional at column level)', () => {
    const req = Object.fromEntries(INPUT_KINDS.map((k) => [k, COLUMNS[k].filter((c) => c.required).map((c) => c.name)]));
    expect(req).toEqual({
      claims: ['claim_id', 'line', 'patient_id', 'service_date', 'payer', 'code', 'units'],
      mar: ['patient_id', 'drug', 'route', 'start'],
      dispense: ['dispense_id', 'patient_id', 'dispense_date', 'ndc', 'quantity'],
      auths: ['auth_id', 'patient_id', 'payer', 'code', 'start_date', 'end_date'],
    });
  });
});

describe('mapHeaders', () => {
  it('matches aliases case- and punctuation-insensitively', () => {
    const header = ['Claim #', 'LINE_NO', 'MRN', 'Date of Service', 'Payor', 'HCPCS/CPT', 'Units Billed', 'Mod 1', 'modifier-2', 'NDC Qty', 'Rev. Code', 'TOB', 'Comments'];
    const m = mapHeaders('claims', header, undefined, where);
    expect(m.columns).toEqual({
      claim_id: 0, line: 1, patient_id: 2, service_date: 3, payer: 4, code: 5, units: 6,
      modifier_1: 7, modifier_2: 8, ndc_quantity: 9, revenue_code: 10, bill_type: 11,
    });
    expect(m.unknownColumns).toEqual(['Comments']);
    expect(m.headerOf.service_date).toBe('Date of Service');
  });

  it.each([
    ['DOS', 'service_date'],
    ['Svc Date', 'service_date'],
    ['svc_dt', 'service_date'],
    ['HCPCS', 'code'],
    ['CPT', 'code'],
    ['Proc Code', 'code'],
    ['Patient ID', 'patient_id'],
    ['Pt ID', 'patient_id'],
    ['Qty', 'units'],
    ['Mod', 'modifiers'],
    ['Modifiers', 'modifiers'],
    ['Modifier 4', 'modifier_4'],
    ['NDC Qty', 'ndc_quantity'],
    ['CSN', 'encounter_id'],
  ])('claims: %j -> %s', (alias, canonical) => {
    const header = ['claim_id', 'line', 'patient_id', 'service_date', 'payer', 'code', 'units'].filter((h) => h !== canonical);
    header.push(alias);
    const m = mapHeaders('claims', header, undefined, where);
    expect(m.columns[canonical]).toBe(header.length - 1);
  });

  it.each([
    ['Admin Start', 'start'],
    ['Start Time', 'start'],
    ['Stop Time', 'stop'],
    ['End', 'stop'],
    ['Medication', 'drug'],
  ])('mar: %j -> %s', (alias, canonical) => {
    const header = ['patient_id', 'drug', 'route', 'start'].filter((h) => h !== canonical);
    header.push(alias);
    expect(mapHeaders('mar', header, undefined, where).columns[canonical]).toBe(header.length - 1);
  });

  it('a profile mapping wins over aliases; the header the alias would have taken is kept as unknown', () => {
    const header = ['claim_id', 'line', 'patient_id', 'DOS', 'Posting Dt', 'payer', 'Proc', 'units'];
    const m = mapHeaders('claims', header, { columns: { 'posting dt': 'service_date', PROC: 'code' } }, where);
    expect(m.columns.service_date).toBe(4);
    expect(m.columns.code).toBe(6);
    expect(m.unknownColumns).toEqual(['DOS']);
  });

  it('two headers for one column: InputError naming both', () => {
    const header = ['claim_id', 'line', 'patient_id', 'DOS', 'payer', 'code', 'units', 'Service Date'];
    let err: unknown;
    try {
      mapHeaders('claims', header, undefined, where);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: 'in/claims.csv', row: 1, column: 'service_date' });
    expect((err as Error).message).toBe(
      'claims.csv row 1: headers "DOS" (column 4) and "Service Date" (column 8) both map to the column service_date; ' +
        'rename one of them or map them explicitly in a --profile',
    );
  });

  it('repeated "Mod" headers fill modifier_1..4', () => {
    const header = ['claim_id', 'line', 'patient_id', 'DOS', 'payer', 'code', 'units', 'Mod', 'Mod', 'Mod'];
    const m = mapHeaders('claims', header, undefined, where);
    expect(m.columns).toMatchObject({ modifier_1: 7, modifier_2: 8, modifier_3: 9 });
    expect(m.columns.modifiers).toBeUndefined();
  });

  it('a missing required column: InputError naming file, row 1, the column and the headers found', () => {
    const header = ['claim_id', 'line', 'MRN', 'payer', 'code', 'units', 'Notes'];
    let err: unknown;
    try {
      mapHeaders('claims', header, undefined, where);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ row: 1, column: 'service_date' });
    const msg = (err as Error).message;
    expect(msg).toMatch(/^claims\.csv row 1: required column is missing: service_date \(also accepted: "DOS", "Svc Date"/);
    expect(msg).toContain('Headers found: "claim_id", "line", "MRN", "payer", "code", "units", "Notes"');
  });

  it('names every missing required column', () => {
    expect(() => mapHeaders('mar', ['patient_id', 'Notes'], undefined, where)).toThrow(
      /required columns are missing: drug .*; route .*; start /,
    );
  });

  it('an XLSX duplicate names columns by letter', () => {
    const header = ['claim_id', 'line', 'patient_id', 'DOS', 'payer', 'code', 'units', 'Svc Date'];
    expect(() => mapHeaders('claims', header, undefined, { ...where, format: 'xlsx' })).toThrow(/"DOS" \(column D\) and "Svc Date" \(column H\)/);
  });
});

describe('headers through openInput', () => {
  it('messy export headers, profile override and unknown columns passed through', async () => {
    const text = [
      'Claim #;Line No;MRN;DOS;Payer Name;HCPCS/CPT;Qty;Mods;Internal Note',
      'C1;1;P1;1/5/2025;Medicare;j9035;2;jw jg;keep me',
    ].join('\r\n');
    const { input, rows } = await readAll('claims', file('messy.csv', text));
    expect(input.unknownColumns).toEqual(['Internal Note']);
    expect(rows[0]!.record).toMatchObject({ claimId: 'C1', serviceDate: '2025-01-05', code: 'J9035', units: 2, modifiers: ['JW', 'JG'] });
    expect(rows[0]!.cells[8]).toBe('keep me');
  });

  it('the missing-column InputError from openInput names the file and row 1', async () => {
    const p = file('nocode.csv', 'claim_id,line,patient_id,service_date,payer,units\nC1,1,P1,2025-01-05,M,1\n');
    const err = await openInput('claims', p, { inputIndex: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^nocode\.csv row 1: required column is missing: code/);
    expect((err as InputError).file).toBe(p);
  });
});
