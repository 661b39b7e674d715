import type { MarRow } from '../../model.js';
import type { Check, CheckContext } from '../types.js';
import { catalogFor } from './catalog.js';

interface Seen {
  first: MarRow;
  rows: number;
}

/** Per run (one context per check per run): distinct unresolved texts, in first-seen order. */
const runs = new WeakMap<CheckContext, Map<string, Seen>>();

/**
 * `drug-code.unknown-drug`: MAR drug text that names no catalog drug. Reported once per distinct
 * text per run, on its first row, with the number of rows that used it (counted, then reported in end()).
 */
export const unknownDrug: Check = {
  id: 'drug-code.unknown-drug',
  category: 'drug-code',
  severity: 'info',
  needs: ['mar'],
  ruleTables: ['drug-catalog'],
  docs: {
    summary: 'A MAR drug name that matches no drug in the drug catalog (reported once per distinct text, with its row count).',
    why:
      'The drug checks and the administration coding engine read the drug class (chemo, therapeutic, hydration), ' +
      'the HCPCS code and its unit size from the catalog. An administration whose drug cannot be named is not ' +
      'coded or checked for units, waste or code mismatches, so its billing goes unaudited. Names are never ' +
      'matched by similarity: a misspelling or an unlisted product (a biosimilar suffix or a subcutaneous ' +
      'hyaluronidase form the catalog does not hold) is reported rather than guessed.',
    source:
      'shared/domain/drug-billing.md section 1 (a drug line is known from the catalog, crosswalk or pricing file; ' +
      'one molecule may have several codes, biosimilars have their own Q-codes) and administration-coding.md ' +
      '"What counts as chemo/complex" (the catalog carries each drug\'s class); rule table `drug-catalog`.',
    fix:
      'Chart the drug HCPCS in the MAR `code` column, or add the name to the catalog: a client rule table ' +
      '`drug-catalog` with `merge: append` and `mergeKey: [hcpcs]` (rules/README.md) holding the drug with its ' +
      'brand and local names. Correct misspelled names in the source system.',
  },
  start(ctx) {
    runs.set(ctx, new Map());
  },
  perEncounter(enc, ctx) {
    let seen = runs.get(ctx);
    if (!seen) {
      seen = new Map();
      runs.set(ctx, seen);
    }
    for (const m of enc.mar) {
      const date = m.date ?? enc.serviceDate;
      const cat = catalogFor(ctx.rules, date);
      if (!cat) continue;
      const r = cat.resolve(m.drug, { code: m.code });
      if (r.match !== 'none') continue;
      const key = m.drug.trim();
      if (key === '') continue; // an empty required cell is input.missing-required
      const s = seen.get(key);
      if (s) s.rows++;
      else seen.set(key, { first: m, rows: 1 });
    }
  },
  end(ctx) {
    const seen = runs.get(ctx);
    runs.delete(ctx);
    if (!seen) return;
    for (const [text, s] of seen) {
      const m = s.first;
      const rows = s.rows === 1 ? '1 MAR row' : `${s.rows.toLocaleString('en-US')} MAR rows`;
      ctx.report({
        message: `MAR drug "${text}" matches no drug in the drug catalog (${rows}); its administrations are not coded or checked.`,
        records: [{ kind: 'mar', record: m, column: 'drug' }],
        patientId: m.patientId,
        ...(m.encounterId !== undefined ? { encounterId: m.encounterId } : {}),
        ...(m.date !== undefined ? { serviceDate: m.date } : {}),
        ...(m.code !== undefined && m.code !== '' ? { code: m.code } : {}),
        expected: 'a drug name or charted HCPCS code listed in the drug catalog',
        discriminator: text,
      });
    }
  },
};
