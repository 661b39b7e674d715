import { unknownDrug } from '../../../src/checks/drug/unknown-drug.js';
import { encounter, mar, type CaseTable } from '../harness.js';

export default {
  check: unknownDrug,
  valid: [
    { name: 'a catalog drug with its diluent', encounters: [encounter({ mar: [mar({ drug: 'Keytruda 200 mg in NS 100 mL' })] })] },
    { name: 'a shared name resolves to a set, not to none', encounters: [encounter({ mar: [mar({ drug: 'infliximab' })] })] },
    { name: 'a hydration fluid', encounters: [encounter({ mar: [mar({ drug: 'normal saline 1000 mL' })] })] },
    { name: 'an unknown name with a charted catalog code', encounters: [encounter({ mar: [mar({ drug: 'pembro 200', code: 'J9271' })] })] },
    { name: 'no MAR rows', encounters: [encounter({ mar: [] })] },
    { name: 'an empty drug cell (input.missing-required reports it)', encounters: [encounter({ mar: [mar({ drug: '  ' })] })] },
  ],
  invalid: [
    {
      name: 'a misspelled drug is never guessed',
      encounters: [encounter({ mar: [mar({ drug: 'pembrolizumob 200 mg' })] })],
      expect: [{ message: 'MAR drug "pembrolizumob 200 mg" matches no drug in the drug catalog (1 MAR row); its administrations are not coded or checked.', severityResolved: 'info' }],
    },
    {
      name: 'once per distinct text per run, counting its rows across encounters',
      encounters: [
        encounter({ mar: [mar({ drug: 'heparin 500 units flush' }), mar({ drug: 'heparin 500 units flush' })] }),
        encounter({ key: 'E2', encounterId: 'E2', mar: [mar({ drug: 'heparin 500 units flush', encounterId: 'E2' })] }),
      ],
      expect: [{ message: 'MAR drug "heparin 500 units flush" matches no drug in the drug catalog (3 MAR rows); its administrations are not coded or checked.' }],
    },
    {
      name: 'a biosimilar the catalog does not hold, with a non-catalog code',
      encounters: [encounter({ mar: [mar({ drug: 'infliximab-abda (Renflexis)', code: 'Q5104' }), mar({ drug: 'Darzalex Faspro 1800 mg' })] })],
      expect: [
        { message: 'MAR drug "infliximab-abda (Renflexis)" matches no drug in the drug catalog (1 MAR row); its administrations are not coded or checked.', code: 'Q5104' },
        { message: 'MAR drug "Darzalex Faspro 1800 mg" matches no drug in the drug catalog (1 MAR row); its administrations are not coded or checked.' },
      ],
    },
  ],
} satisfies CaseTable;
