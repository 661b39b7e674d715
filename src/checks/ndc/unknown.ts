import { crosswalkFor, crosswalkForHcpcs } from '../../rules/cms.js';
import type { Check } from '../types.js';
import { crosswalkNote, crosswalkableLines, onLine, showNdc } from './line-ndc.js';

/** `ndc.unknown`: a well-formed NDC the CMS crosswalk does not list. */
export const ndcUnknown: Check = {
  id: 'ndc.unknown',
  category: 'ndc',
  severity: 'warning',
  needs: ['claims'],
  ruleTables: ['asp-crosswalk', 'ndc-format', 'noc-codes'],
  docs: {
    summary:
      'A drug line whose NDC is not in the CMS ASP NDC-HCPCS crosswalk (warning when the crosswalk lists other NDCs for the code, ' +
      'info when it lists none, so it cannot judge); skipped on NOC and C9399 lines.',
    why:
      'An NDC the crosswalk does not know is often a typo, a repackager\'s NDC, or a package that is not the one used; payers ' +
      'that validate the NDC reject it. The crosswalk is not a complete NDC list (CMS maps only Part B ASP-priced products), ' +
      'so this is a warning for a person to confirm, not an error.',
    source:
      'shared/domain/drug-billing.md section 5 ("We do: ndc.unknown"); CMS ASP NDC-HCPCS crosswalk (ASP pricing files page, ' +
      'cms.gov) of the quarter of the date of service, else the nearest loaded release, named in the message.',
    fix: 'Check the NDC against the package label; if it is right and newly marketed, keep it (the next quarter\'s crosswalk may list it).',
  },
  perEncounter(enc, ctx) {
    for (const { c, ndc } of crosswalkableLines(enc, ctx.rules)) {
      if (crosswalkFor(ctx.rules, ndc, c.serviceDate).length > 0) continue;
      const known = crosswalkForHcpcs(ctx.rules, c.code, c.serviceDate);
      const shown = [...new Set(known.map((e) => showNdc(e.ndc)))];
      ctx.report({
        message:
          `NDC ${showNdc(ndc)} on ${c.code} is not in the ${crosswalkNote(ctx.rules, c.serviceDate)}` +
          (known.length > 0 ? `, which lists ${shown.length} NDC${shown.length === 1 ? '' : 's'} for ${c.code}.` : `, which lists no NDC for ${c.code}, so it cannot be checked.`),
        ...onLine(c, 'ndc'),
        expected:
          known.length > 0
            ? `an NDC of ${c.code} in the crosswalk (e.g. ${shown.slice(0, 3).join(', ')}${shown.length > 3 ? ' ...' : ''}), as on the package used`
            : 'the NDC on the package used (confirm from the label)',
        discriminator: ndc,
        ...(known.length > 0 ? {} : { severity: 'info' as const }),
      });
    }
  },
};
