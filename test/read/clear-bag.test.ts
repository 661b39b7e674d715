/**
 * `clear_bag` (the health system's own specialty pharmacy dispenses) reads as `white_bag`
 * (340b-and-billing-model.md section 8), and the original cell is kept: findings point at the
 * dispense row, and the annotated dispense file shows it unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { readAll, tempDir } from './helpers.js';

const file = tempDir();
const HEAD = 'dispense_id,patient_id,dispense_date,ndc,quantity,billing_model';

describe('billing_model clear_bag', () => {
  it.each(['clear_bag', 'Clear Bag', 'CLEAR-BAG', 'clear bagging'])('%s reads as white_bag, with no issue', async (text) => {
    const { rows } = await readAll('dispense', file(`d-${text.replace(/\W/g, '')}.csv`, `${HEAD}\nD1,P1,2026-02-10,64764030020,1,${text}\n`));
    expect(rows[0]?.record?.billingModel).toBe('white_bag');
    expect(rows[0]?.issues).toEqual([]);
  });

  it('an audit judges a clear-bag dose as bagged; the evidence names the dispense row, whose text the annotated file keeps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ia-clear-bag-'));
    const out = join(dir, 'out');
    try {
      writeFileSync(join(dir, 'facility.yaml'), 'name: Test\nsetting: hopd\nentity_340b: none\npayers:\n  - match: UnitedHealthcare\n    type: commercial\n    policy:\n      bag: { drugLine: none }\n');
      writeFileSync(join(dir, 'claims.csv'), 'claim_id,line,encounter_id,patient_id,service_date,payer,code,units,charge,ndc\nC1,1,E1,P1,2026-02-10,UnitedHealthcare Choice Plus,96413,1,984.00,\nC1,2,E1,P1,2026-02-10,UnitedHealthcare Choice Plus,J3380,300,6000.00,64764030020\n');
      writeFileSync(join(dir, 'dispense.csv'), 'dispense_id,encounter_id,patient_id,dispense_date,ndc,quantity,billing_model\nD1,E1,P1,2026-02-10,64764030020,1,clear_bag\n');
      const { result } = await runAudit({ dir, rules: [], out, formats: new Set(['json', 'csv']), redact: false });
      const hits = result.exceptions.filter((e) => e.ruleId === 'billing-model.bag-charged');
      expect(hits).toHaveLength(1);
      expect(hits[0]?.evidence).toEqual([
        expect.objectContaining({ kind: 'claims', row: 3 }),
        expect.objectContaining({ kind: 'dispense', row: 2, column: 'billing_model' }),
      ]);
      const annotated = readFileSync(join(out, 'annotated', 'dispense.csv'), 'utf8').split('\n');
      expect(annotated[1]).toMatch(/^D1,E1,P1,2026-02-10,64764030020,1,clear_bag,/);
      expect(result.exceptions.filter((e) => e.category === 'input')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
