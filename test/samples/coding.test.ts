import { describe, expect, it } from 'vitest';
import { addonHours, codeAdministrations, secondaryHydrationUnits, type CodingAdmin } from '../../src/samples/coding.js';

const chemo = (start: number, minutes: number, drug = 'chemoA'): CodingAdmin => ({ drug, cls: 'chemo', route: 'IV', start, stop: start + minutes });
const tpd = (start: number, minutes: number, drug = 'tpdA'): CodingAdmin => ({ drug, cls: 'therapeutic', route: 'IV', start, stop: start + minutes });
const hyd = (start: number, minutes: number): CodingAdmin => ({ drug: 'ns', cls: 'hydration', route: 'IV', start, stop: start + minutes });
const push = (start: number, drug: string, cls: CodingAdmin['cls'] = 'therapeutic'): CodingAdmin => ({ drug, cls, route: 'IV push', start, stop: start + 3 });

const codes = (admins: CodingAdmin[]): string =>
  codeAdministrations(admins)
    .map((c) => `${c.code}x${c.units}`)
    .join(' ');

describe('add-on hour arithmetic (administration-coding.md time rules)', () => {
  it.each([
    [16, 0],
    [90, 0],
    [91, 1],
    [150, 1],
    [151, 2],
    [250, 3],
  ])('%i minutes -> %i add-on hours', (t, h) => {
    expect(addonHours(t)).toBe(h);
  });

  it.each([
    [30, 0],
    [31, 1],
    [90, 1],
    [91, 2],
    [150, 2],
    [151, 3],
  ])('secondary hydration %i minutes -> %i units of 96361', (t, u) => {
    expect(secondaryHydrationUnits(t)).toBe(u);
  });
});

describe('codeAdministrations', () => {
  it.each<[string, CodingAdmin[], string]>([
    ['250-minute chemo infusion', [chemo(540, 250)], '96413x1 96415x3'],
    ['90-minute chemo infusion', [chemo(540, 90)], '96413x1'],
    ['91-minute chemo infusion', [chemo(540, 91)], '96413x1 96415x1'],
    ['15-minute therapeutic IV is a push', [tpd(540, 15)], '96374x1'],
    ['16-minute therapeutic IV is an infusion', [tpd(540, 16)], '96365x1'],
    ['10-minute chemo IV is a chemo push', [chemo(540, 10)], '96409x1'],
    ['hydration of 30 minutes is not reported', [hyd(540, 30)], ''],
    ['hydration of 31 minutes', [hyd(540, 31)], '96360x1'],
    ['hydration of 151 minutes', [hyd(540, 151)], '96360x1 96361x2'],
    ['push outranks hydration', [push(540, 'ondansetron'), hyd(550, 117)], '96374x1 96361x2'],
    ['chemo after an antiemetic push is still initial', [push(540, 'ondansetron'), chemo(560, 60)], '96413x1 96375x1'],
    ['two pushes of new drugs after chemo', [push(540, 'a'), push(555, 'b'), chemo(570, 30)], '96413x1 96375x2'],
    ['sequential chemo infusion of a new drug', [chemo(540, 180, 'x'), chemo(725, 60, 'y')], '96413x1 96415x2 96417x1'],
    ['longer infusion of equal rank is initial', [chemo(540, 30, 'x'), chemo(575, 100, 'y')], '96413x1 96415x1 96417x1'],
    ['therapeutic infusion before chemo is sequential', [tpd(540, 30), chemo(575, 200)], '96413x1 96367x1 96415x2'],
    ['hydration before chemo is 96361', [hyd(540, 60), chemo(605, 60)], '96413x1 96361x1'],
    ['chemo push after chemo infusion', [chemo(540, 60), push(605, 'dox', 'chemo')], '96413x1 96411x1'],
    ['therapeutic push of a drug infused > 30 min before', [tpd(540, 60, 'mp'), push(640, 'mp')], '96365x1 96376x1'],
    ['subcutaneous therapeutic injection', [{ drug: 'peg', cls: 'therapeutic', route: 'SC', start: 540, stop: null }], '96372x1'],
    ['subcutaneous chemo', [{ drug: 'bort', cls: 'chemo', route: 'SC', start: 540, stop: null }], '96401x1'],
    ['hormonal IM', [{ drug: 'leup', cls: 'chemo', route: 'IM', start: 540, stop: null, hormonal: true }], '96402x1'],
    [
      'FOLFOX day: concurrent leucovorin, 5-FU push and pump',
      [push(540, 'ond'), push(555, 'dex'), chemo(570, 122, 'oxali'), { ...tpd(570, 122, 'leuco') }, push(697, '5fu', 'chemo'), chemo(712, 2760, '5fu')],
      '96413x1 96368x1 96375x2 96411x1 96415x1 96416x1',
    ],
  ])('%s', (_name, admins, expected) => {
    expect(codes(admins)).toBe(expected);
  });

  it('drops hydration that runs concurrently with a drug infusion', () => {
    expect(codes([tpd(540, 120), hyd(540, 120)])).toBe('96365x1 96366x1');
  });
});
