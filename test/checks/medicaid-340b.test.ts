import { describe, expect, it } from 'vitest';
import { duplicateDiscount340b } from '../../src/checks/340b/duplicate-discount.js';
import { medicaidIdentifier340b } from '../../src/checks/340b/medicaid-identifier.js';
import { medicaidUnconfigured340b } from '../../src/checks/340b/medicaid-unconfigured.js';
import { runCheck } from './harness.js';
import { IL_MEDICAID, OH_MEDICAID, dose, medicaidFac } from './medicaid-fixtures.js';

describe('Medicaid 340B findings', () => {
  it('name the claim cell at fault and the dispense inventory, with no amount', async () => {
    const [dd] = await runCheck(duplicateDiscount340b, dose({ date: '2025-05-20', payer: IL_MEDICAID, stock: ['340b'] }), { facility: medicaidFac({ carve: 'out' }) });
    const [un] = await runCheck(medicaidUnconfigured340b, dose({ date: '2025-05-20', payer: OH_MEDICAID, stock: ['340b'] }), { facility: medicaidFac({ carve: 'out' }) });
    const [id] = await runCheck(medicaidIdentifier340b, dose({ date: '2025-05-20', payer: IL_MEDICAID, stock: ['340b'] }), { facility: medicaidFac({ carve: 'in', modifier: 'UD' }) });
    for (const [f, column] of [[dd, 'payer'], [un, 'payer'], [id, 'modifiers']] as const) {
      expect(f?.records.map((r) => [r.kind, r.column])).toEqual([['claims', column], ['dispense', 'inventory']]);
      expect(f?.amountAtRisk).toBeUndefined();
    }
  });

  it('a carve-out 340B dose is a duplicate discount only: the identifier and unconfigured checks stay quiet', async () => {
    const encs = dose({ date: '2025-05-20', payer: IL_MEDICAID, stock: ['340b'] });
    const facility = medicaidFac({ carve: 'out' });
    expect(await runCheck(medicaidIdentifier340b, encs, { facility })).toEqual([]);
    expect(await runCheck(medicaidUnconfigured340b, encs, { facility })).toEqual([]);
    expect(await runCheck(duplicateDiscount340b, encs, { facility })).toHaveLength(1);
  });
});
