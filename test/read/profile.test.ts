import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, loadProfile } from '../../src/read/index.js';
import { readAll, tempDir } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/read/${name}`, import.meta.url));
const file = tempDir();

function loadError(path: string): InputError {
  try {
    loadProfile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('loadProfile', () => {
  it('reads a valid profile', () => {
    expect(loadProfile(fixture('profile.yaml'))).toEqual({
      name: 'Synthetic client export',
      claims: { columns: { 'Posting Dt': 'service_date', Proc: 'code' } },
      mar: { sheet: 'MAR Detail', columns: { 'Admin Begin': 'start' } },
    });
  });

  it('an empty file is an empty profile', () => {
    expect(loadProfile(file('empty.yaml', ''))).toEqual({});
  });

  it('names the file and the key path of every problem', () => {
    const p = fixture('profile-bad.yaml');
    const e = loadError(p);
    expect(e.file).toBe(p);
    expect(e.message).toContain(`${p}: invalid mapping profile:`);
    expect(e.message).toContain('claims.columns.Posting Dt: not a claims column (columns: claim_id, line,');
    expect(e.message).toContain('claims: unknown key(s) sheeet (allowed: sheet, columns)');
    expect(e.message).toContain('(top level): unknown key(s) pharmacy (allowed: name, claims, mar, dispense, auths)');
  });

  it.each([
    ['not yaml', 'claims: [unclosed', /line 1: mapping profile is not valid YAML/],
    ['a list', '- a\n- b\n', /invalid mapping profile: \(top level\)/],
    ['a bad sheet type', 'claims:\n  sheet: 3\n', /claims\.sheet: /],
  ])('%s', (_n, text, re) => {
    expect(loadError(file(`p-${_n.replace(/ /g, '-')}.yaml`, text)).message).toMatch(re);
  });

  it('a missing file', () => {
    expect(loadError(file('absent.yaml')).message).toMatch(/absent\.yaml: mapping profile file not found/);
  });

  it('a profile maps one client export end to end', async () => {
    const profile = loadProfile(fixture('profile.yaml'));
    const p = file('client.csv', 'Claim ID,Line,MRN,Posting Dt,Payer,Proc,Units\nC1,1,P1,2025-01-05,M,J9035,1\n');
    const { rows, input } = await readAll('claims', p, { profile });
    expect(input.columns).toMatchObject({ service_date: 3, code: 5 });
    expect(rows[0]!.record).toMatchObject({ serviceDate: '2025-01-05', code: 'J9035' });
  });
});
