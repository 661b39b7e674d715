import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRUGS } from '../../src/samples/catalog.js';
import { ADDON_PRIMARIES, INITIAL_CODES, codeAdministrations, type CodingAdmin } from '../../src/samples/coding.js';
import { SampleOptionsError, SampleWriteError, generateSamples, plantedCount, resolveRange, type SampleResult } from '../../src/samples/generate.js';
import { PLANT_KINDS } from '../../src/samples/planted.js';
import { parseDay } from '../../src/samples/rng.js';
import { groupBy, isIsoDate, minutesBetween, readSample, removeDir, tempDir, type Row, type SampleData } from './helpers.js';

const FILES = ['claims.csv', 'mar.csv', 'dispense.csv', 'auths.csv', 'facility.yaml', 'planted.csv'];
const byHcpcs = new Map(Object.values(DRUGS).map((d) => [d.hcpcs, d]));
const ADMIN = /^96\d{3}$/;

let root: string;
let a: string;
let result: SampleResult;
let data: SampleData;
/** encounters with a planted problem */
let plantedEnc: Set<string>;
/** claims.csv rows (spreadsheet numbering) named by the manifest */
let plantedClaimRows: Set<number>;

beforeAll(async () => {
  root = await tempDir();
  a = join(root, 'a');
  result = await generateSamples(a, { encounters: 1000, seed: 'unit-test', from: '2025-01-06', manifest: true });
  data = await readSample(a);
  plantedEnc = new Set(data.planted.map((p) => p.encounter_id as string));
  plantedClaimRows = new Set(data.planted.filter((p) => p.file === 'claims.csv').map((p) => Number(p.row)));
});

afterAll(async () => {
  await removeDir(root);
});

const cleanEncounters = (): Map<string, Row[]> =>
  groupBy(
    data.claims.filter((r) => !plantedEnc.has(r.encounter_id as string)),
    (r) => r.encounter_id as string,
  );

describe('generateSamples: determinism', () => {
  it('gives byte-identical files for the same seed and options', async () => {
    const b = join(root, 'b');
    await generateSamples(b, { encounters: 1000, seed: 'unit-test', from: '2025-01-06', manifest: true });
    for (const f of FILES) {
      const [x, y] = [await readFile(join(b, f)), await readFile(join(a, f))];
      expect(x.length, f).toBeGreaterThan(0);
      expect(x.equals(y), f).toBe(true);
    }
  });

  it('gives different data for a different seed', async () => {
    const c = join(root, 'c');
    await generateSamples(c, { encounters: 1000, seed: 'unit-test-2', from: '2025-01-06' });
    expect(await readFile(join(c, 'claims.csv'), 'utf8')).not.toBe(await readFile(join(a, 'claims.csv'), 'utf8'));
  });

  it('treats seed 42 and "42" alike', async () => {
    const n = join(root, 'n');
    const s = join(root, 's');
    await generateSamples(n, { encounters: 50, seed: 42 });
    await generateSamples(s, { encounters: 50, seed: '42' });
    expect((await readFile(join(n, 'mar.csv'))).equals(await readFile(join(s, 'mar.csv')))).toBe(true);
  });
});

describe('generateSamples: files and counts', () => {
  it('writes the files, private to the owner, in a private new directory', async () => {
    expect((await readdir(a)).sort()).toEqual([...FILES].sort());
    expect((await stat(a)).mode & 0o777).toBe(0o700);
    for (const f of FILES) expect((await stat(join(a, f))).mode & 0o777, f).toBe(0o600);
    expect(result.files.map((f) => f.slice(a.length + 1)).sort()).toEqual([...FILES].sort());
  });

  it('reports row counts that match the files', () => {
    expect(result.rows).toEqual({ claims: data.claims.length, mar: data.mar.length, dispense: data.dispense.length, auths: data.auths.length });
    expect(result.encounters).toBe(1000);
    expect(data.claims.length).toBeGreaterThan(3.5 * 1000);
  });

  it('has exactly one claim per encounter and every encounter billed', () => {
    const enc = groupBy(data.claims, (r) => r.encounter_id as string);
    expect(enc.size).toBe(1000);
    for (const rows of enc.values()) expect(new Set(rows.map((r) => r.claim_id)).size).toBe(1);
    const marEnc = new Set(data.mar.map((r) => r.encounter_id));
    for (const e of marEnc) expect(enc.has(e as string)).toBe(true);
  });

  it('writes ASCII only (the writer fast path) and no names', async () => {
    for (const f of FILES) {
      const text = await readFile(join(a, f), 'utf8');
      expect([...text].every((ch) => ch === '\n' || (ch >= ' ' && ch <= '~')), f).toBe(true);
    }
    expect(new Set(data.claims.map((r) => /^P\d{6}$/.test(r.patient_id as string)))).toEqual(new Set([true]));
  });

  it('writes headers only for 0 encounters and no manifest unless asked', async () => {
    const z = join(root, 'z');
    const r = await generateSamples(z, { encounters: 0, seed: 1 });
    expect(r.rows).toEqual({ claims: 0, mar: 0, dispense: 0, auths: 0 });
    expect((await readFile(join(z, 'claims.csv'), 'utf8')).split('\n')[0]).toMatch(/^claim_id,line,encounter_id,patient_id,service_date,payer/);
    expect(await readdir(z)).not.toContain('planted.csv');
  });
});

describe('generateSamples: order (like nightly exports)', () => {
  it('sorts claims by service date, patient, claim, line', () => {
    let prev: Row | undefined;
    data.claims.forEach((r, i) => {
      const rowNo = i + 2;
      if (plantedClaimRows.has(rowNo) || (prev && plantedClaimRows.has(rowNo - 1))) {
        prev = r;
        return;
      }
      if (prev) {
        const key = [r.service_date, r.patient_id, r.claim_id, String(r.line).padStart(4, '0')].join('|');
        const pkey = [prev.service_date, prev.patient_id, prev.claim_id, String(prev.line).padStart(4, '0')].join('|');
        expect(key > pkey, `row ${rowNo}`).toBe(true);
      }
      prev = r;
    });
  });

  it('sorts MAR, dispense and auth rows by date', () => {
    const sorted = (xs: string[]): boolean => xs.every((x, i) => i === 0 || (xs[i - 1] as string) <= x);
    const plantedMar = new Set(data.planted.filter((p) => p.file === 'mar.csv').map((p) => Number(p.row)));
    expect(sorted(data.mar.filter((_r, i) => !plantedMar.has(i + 2)).map((r) => `${(r.start as string).slice(0, 10)}|${r.patient_id}`))).toBe(true);
    expect(sorted(data.dispense.map((r) => `${r.dispense_date}|${r.patient_id}`))).toBe(true);
    expect(sorted(data.auths.map((r) => r.start_date as string))).toBe(true);
  });

  it('spreads a month for small runs and more for large ones', () => {
    expect(resolveRange({ encounters: 60, from: '2025-10-01' })).toEqual({ fromDay: parseDay('2025-10-01'), toDay: parseDay('2025-10-31') });
    const big = resolveRange({ encounters: 100_000, from: '2025-10-01' });
    expect(big.toDay - big.fromDay).toBeGreaterThan(600);
    expect(result.from).toBe('2025-01-06');
  });
});

describe('generateSamples: clean encounters are billed correctly', () => {
  it('every claim line has a code and units > 0 (planted rows aside)', () => {
    data.claims.forEach((r, i) => {
      if (plantedClaimRows.has(i + 2)) return;
      expect(r.code, `row ${i + 2}`).not.toBe('');
      expect(Number(r.units), `row ${i + 2}`).toBeGreaterThan(0);
      expect(isIsoDate(r.service_date as string), `row ${i + 2}`).toBe(true);
    });
  });

  it('uses 11-digit NDCs (5-4-2 with hyphens or 11 digits) with a quantity and unit', () => {
    for (const rows of cleanEncounters().values()) {
      for (const r of rows) {
        if (ADMIN.test(r.code as string)) {
          expect(r.ndc).toBe('');
          continue;
        }
        expect(r.ndc).toMatch(/^(\d{5}-\d{4}-\d{2}|\d{11})$/);
        expect(Number(r.ndc_quantity)).toBeGreaterThan(0);
        expect(['UN', 'ML']).toContain(r.ndc_unit);
      }
    }
  });

  it('has one initial administration code and the primaries of every add-on', () => {
    for (const [enc, rows] of cleanEncounters()) {
      const codes = rows.map((r) => r.code as string);
      const initials = rows.filter((r) => INITIAL_CODES.has(r.code as string));
      expect(initials.length, enc).toBeLessThanOrEqual(1);
      if (initials.length === 1) expect(initials[0]?.units, enc).toBe('1');
      for (const c of codes) {
        const primaries = ADDON_PRIMARIES[c];
        if (primaries) expect(codes.some((p) => primaries.includes(p)), `${enc} ${c}`).toBe(true);
      }
    }
  });

  it('codes single-service encounters from the MAR times (checked independently)', () => {
    const marByEnc = groupBy(data.mar, (r) => r.encounter_id as string);
    let checked = 0;
    const chemoCodes = new Set(Object.values(DRUGS).filter((d) => d.cls === 'chemo').map((d) => d.hcpcs));
    for (const [enc, rows] of cleanEncounters()) {
      const mar = marByEnc.get(enc) ?? [];
      if (mar.length !== 1) continue;
      const m = mar[0] as Row;
      const admin = rows.filter((r) => ADMIN.test(r.code as string)).map((r) => `${r.code}x${r.units}`);
      const isChemo = chemoCodes.has(m.code as string);
      if (m.route === 'SC' || m.route === 'IM') {
        expect(admin.length, enc).toBe(1);
        expect(['96372x1', '96401x1', '96402x1'], enc).toContain(admin[0]);
        continue;
      }
      const t = minutesBetween(m.start as string, m.stop as string);
      let expected: string[];
      if (m.purpose === 'hydration') expected = t < 31 ? [] : ['96360x1', ...(t >= 91 ? [`96361x${Math.floor((t - 31) / 60)}`] : [])];
      else if (m.route === 'IV push' || t <= 15) expected = [isChemo ? '96409x1' : '96374x1'];
      else {
        const hours = Math.max(0, Math.floor((t - 31) / 60));
        expected = [isChemo ? '96413x1' : '96365x1', ...(hours > 0 ? [`${isChemo ? '96415' : '96366'}x${hours}`] : [])];
      }
      expect(admin.sort(), `${enc} ${m.drug} ${t} min`).toEqual(expected.sort());
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('bills, in every clean encounter, the administration codes its MAR times give', () => {
    const marByEnc = groupBy(data.mar, (r) => r.encounter_id as string);
    let checked = 0;
    for (const [enc, rows] of cleanEncounters()) {
      const mar = marByEnc.get(enc) ?? [];
      const midnight = `${(mar[0]?.start as string).slice(0, 10)} 00:00`;
      const admins: CodingAdmin[] = mar.map((m) => {
        const d = byHcpcs.get(m.code as string);
        if (!d) throw new Error(`unknown drug ${m.code}`);
        const a: CodingAdmin = {
          drug: d.key,
          cls: d.cls,
          route: m.route as CodingAdmin['route'],
          start: minutesBetween(midnight, m.start as string),
          stop: m.stop ? minutesBetween(midnight, m.stop as string) : null,
        };
        if (d.hormonal) a.hormonal = true;
        return a;
      });
      const expected = codeAdministrations(admins).map((c) => `${c.code}x${c.units}`);
      const billed = rows.filter((r) => ADMIN.test(r.code as string)).map((r) => `${r.code}x${r.units}`);
      expect(billed.sort(), enc).toEqual(expected.sort());
      checked += 1;
    }
    expect(checked).toBeGreaterThan(850);
  });

  it('bills units = ceil(dose / unit size) and JW = floor(waste / unit size)', () => {
    const marByEnc = groupBy(data.mar, (r) => r.encounter_id as string);
    let checked = 0;
    for (const [enc, rows] of cleanEncounters()) {
      const mar = marByEnc.get(enc) ?? [];
      for (const r of rows) {
        const d = byHcpcs.get(r.code as string);
        if (!d) continue;
        const given = mar.filter((m) => m.code === r.code);
        const dose = given.reduce((s, m) => s + Number(m.dose) * d.doseFactor, 0);
        const waste = given.reduce((s, m) => s + Number(m.wasted || 0) * d.doseFactor, 0);
        const isJW = (r.modifiers as string).split(',').includes('JW');
        const expected = isJW ? Math.floor(waste / d.unitSize + 1e-9) : Math.ceil(dose / d.unitSize - 1e-9);
        expect(Number(r.units), `${enc} ${r.code}${isJW ? '-JW' : ''}`).toBe(expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('applies JW/JZ and TB to Medicare SI K drugs by waste and inventory (and only to them)', () => {
    const dispByEnc = groupBy(data.dispense, (r) => r.encounter_id as string);
    let checked = 0;
    for (const [enc, rows] of cleanEncounters()) {
      const payer = rows[0]?.payer as string;
      for (const r of rows) {
        const d = byHcpcs.get(r.code as string);
        const mods = (r.modifiers as string).split(',').filter((m) => m !== '');
        if (!d) {
          expect(mods, `${enc} ${r.code}`).toEqual([]);
          continue;
        }
        const disp = (dispByEnc.get(enc) ?? []).find((x) => x.drug === d.name);
        expect(disp?.billing_model, enc).toBe('buy_and_bill');
        const is340b = disp?.inventory === '340b';
        const medicareLike = payer === 'Medicare' || payer === 'Aetna Medicare Advantage';
        expect(mods.includes('TB'), `${enc} ${r.code} TB`).toBe(medicareLike && d.si === 'K' && is340b);
        expect(mods.includes('JG'), `${enc} ${r.code} JG`).toBe(false);
        if (payer === 'Medicare' && d.si === 'K' && !mods.includes('JW')) {
          const hasJW = rows.some((x) => x.code === r.code && (x.modifiers as string).includes('JW'));
          expect(mods.includes('JZ') !== hasJW, `${enc} ${r.code} JZ xor JW`).toBe(true);
          checked += 1;
        } else if (payer !== 'Medicare' || d.si !== 'K') {
          expect(mods.includes('JZ') || mods.includes('JW'), `${enc} ${r.code}`).toBe(false);
        }
        if (payer === 'Ohio Medicaid' && d.cls !== 'hydration') expect(disp?.inventory).toBe('wac');
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('authorizes SI K drugs of non-Medicare payers for every clean visit', () => {
    const authsByKey = groupBy(data.auths.filter((x) => x.status === 'approved'), (x) => `${x.patient_id}|${x.code}`);
    let checked = 0;
    for (const [enc, rows] of cleanEncounters()) {
      for (const r of rows) {
        const d = byHcpcs.get(r.code as string);
        if (!d || d.si !== 'K' || r.payer === 'Medicare' || (r.modifiers as string).includes('JW')) continue;
        const auths = authsByKey.get(`${r.patient_id}|${r.code}`) ?? [];
        const ok = auths.some((x) => (x.start_date as string) <= (r.service_date as string) && (r.service_date as string) <= (x.end_date as string) && x.payer === r.payer);
        expect(ok, `${enc} ${r.code} ${r.service_date}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(new Set(data.auths.map((x) => x.status))).toEqual(new Set(['approved', 'pending', 'denied']));
  });

  it('white-bags some biologics: dispensed, administered, not billed as a drug line', () => {
    const bagged = data.dispense.filter((x) => x.billing_model === 'white_bag' && !plantedEnc.has(x.encounter_id as string));
    expect(bagged.length).toBeGreaterThan(0);
    const claimsByEnc = groupBy(data.claims, (r) => r.encounter_id as string);
    for (const x of bagged) {
      const d = Object.values(DRUGS).find((y) => y.name === x.drug);
      expect(x.inventory).toBe('');
      expect((claimsByEnc.get(x.encounter_id as string) ?? []).some((r) => r.code === d?.hcpcs)).toBe(false);
    }
  });
});

describe('generateSamples: planted problems', () => {
  it('plants ~5-10% of encounters, every kind, one problem per encounter', () => {
    expect(result.planted).toBe(plantedCount(1000));
    expect(result.planted / 1000).toBeGreaterThanOrEqual(0.05);
    expect(result.planted / 1000).toBeLessThanOrEqual(0.1);
    expect(data.planted.length).toBe(result.planted);
    expect(new Set(data.planted.map((p) => p.kind))).toEqual(new Set(PLANT_KINDS.map((k) => k.kind)));
    expect(plantedEnc.size).toBe(data.planted.length);
  });

  it('points each manifest row at a row that shows the problem', async () => {
    const rowOf = (p: Row): Row => {
      const list = p.file === 'claims.csv' ? data.claims : p.file === 'mar.csv' ? data.mar : data.dispense;
      const r = list[Number(p.row) - 2];
      expect(r, `${p.kind} ${p.file}:${p.row}`).toBeDefined();
      expect(r?.encounter_id).toBe(p.encounter_id);
      return r as Row;
    };
    const digits = (s: string): string => s.replace(/-/g, '');
    for (const p of data.planted) {
      const r = rowOf(p);
      const what = `${p.kind} ${p.file}:${p.row}`;
      if (p.file === 'claims.csv') expect(r.line, what).toBe(p.line);
      switch (p.kind) {
        case 'ndc-too-short':
          expect(digits(r.ndc as string), what).toMatch(/^\d{9}$/);
          break;
        case 'ndc-letters':
          expect(r.ndc, what).toMatch(/[A-Z]/);
          break;
        case 'ndc-10-digit':
          expect(r.ndc, what).toMatch(/^\d{10}$/);
          break;
        case 'ndc-missing-medicaid':
          expect([r.ndc, r.payer], what).toEqual(['', 'Ohio Medicaid']);
          break;
        case 'bad-units':
          expect(r.units, what).toBe('abc');
          break;
        case 'empty-required':
          expect(r.code, what).toBe('');
          break;
        case 'unparseable-date':
          expect(isIsoDate(r.service_date as string), what).toBe(false);
          break;
        case 'duplicate-line-number':
          expect(data.claims[Number(p.row) - 3], what).toEqual(r);
          break;
        case 'stop-missing':
          expect([r.route, r.stop], what).toEqual(['IV', '']);
          break;
        case 'start-stop-reversed':
          expect(minutesBetween(r.start as string, r.stop as string), what).toBeLessThan(0);
          break;
        case 'jz-missing':
          expect(r.modifiers, what).not.toMatch(/JZ/);
          break;
        case 'jz-with-waste':
          expect(r.modifiers, what).toMatch(/JZ/);
          break;
        case 'jw-without-waste':
          expect(r.modifiers, what).toMatch(/JW/);
          break;
        case '340b-missing':
          expect(r.modifiers, what).not.toMatch(/TB|JG/);
          break;
        case '340b-wrong-modifier':
          expect(r.modifiers, what).toMatch(/JG/);
          break;
        case 'push-billed-as-infusion':
          expect(['96365', '96367'], what).toContain(r.code);
          break;
        case 'hydration-30-minutes':
          expect(r.code, what).toBe('96361');
          break;
        case 'two-initials':
          expect(INITIAL_CODES.has(r.code as string), what).toBe(true);
          break;
        case 'drug-not-billed':
          expect(p.file, what).toBe('mar.csv');
          break;
        default:
          break;
      }
    }
  });

  it('writes clean data when planted is false', async () => {
    const d = join(root, 'clean');
    const r = await generateSamples(d, { encounters: 500, seed: 'clean', manifest: true });
    const clean = join(root, 'clean2');
    const r2 = await generateSamples(clean, { encounters: 500, seed: 'clean', planted: false, manifest: true });
    expect(r.planted).toBeGreaterThan(0);
    expect(r2.planted).toBe(0);
    expect(await readdir(clean)).not.toContain('planted.csv');
    const s = await readSample(clean, false);
    for (const c of s.claims) {
      expect(c.code).not.toBe('');
      expect(Number(c.units)).toBeGreaterThan(0);
      expect(isIsoDate(c.service_date as string)).toBe(true);
      if (c.ndc) expect(c.ndc).toMatch(/^(\d{5}-\d{4}-\d{2}|\d{11})$/);
    }
    for (const m of s.mar) if (m.route !== 'SC' && m.route !== 'IM') expect(minutesBetween(m.start as string, m.stop as string)).toBeGreaterThan(0);
  });
});

describe('generateSamples: options', () => {
  it('reports an output path that is a file as a SampleWriteError naming it', async () => {
    const file = join(a, 'claims.csv');
    const err = await generateSamples(join(file, 'sub'), { encounters: 5, seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SampleWriteError);
    expect((err as SampleWriteError).message).toContain(file);
  });

  it.each([
    [{ encounters: -1, seed: 1 }, 'encounters'],
    [{ encounters: 1.5, seed: 1 }, 'encounters'],
    [{ encounters: 10, seed: 1, from: '2025-02-30' }, 'from'],
    [{ encounters: 10, seed: 1, from: '2025-10-01', to: '2025-09-30' }, 'to'],
    [{ encounters: 10, seed: Number.NaN }, 'seed'],
  ])('rejects %j', async (opts, option) => {
    const err = await generateSamples(join(root, 'bad'), opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SampleOptionsError);
    expect((err as SampleOptionsError).option).toBe(option);
  });
});
