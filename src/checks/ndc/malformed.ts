import type { Check } from '../types.js';
import type { NdcFormatData } from '../../rules/schemas.js';
import { judgeClaimNdc } from './ndc.js';

/** Verdicts per format table and NDC text: a run sees a few thousand distinct NDCs on many lines. */
const verdicts = new WeakMap<NdcFormatData, Map<string, ReturnType<typeof judgeClaimNdc>>>();
export function judgeCached(ndc: string, fmt: NdcFormatData): ReturnType<typeof judgeClaimNdc> {
  let m = verdicts.get(fmt);
  if (!m) {
    m = new Map();
    verdicts.set(fmt, m);
  }
  let v = m.get(ndc);
  if (v === undefined) {
    v = judgeClaimNdc(ndc, fmt);
    if (m.size < 100_000) m.set(ndc, v);
  }
  return v;
}

/** `ndc.malformed`: a claim line's NDC is not a valid billing NDC for its date of service. */
export const ndcMalformed: Check = {
  id: 'ndc.malformed',
  category: 'ndc',
  severity: 'error',
  needs: ['claims'],
  ruleTables: ['ndc-format'],
  docs: {
    summary: 'A claim line NDC that is not 11 digits (5-4-2) once hyphens, spaces and an N4 prefix are removed.',
    why:
      'Claims carry the 11-digit NDC (837I loop 2410 LIN03). A 10-digit FDA NDC must be padded with a zero in the ' +
      'short segment; without hyphens that padding is ambiguous (5114400301 is Padcev 51144-0030-01 or Tivdak ' +
      '51144-0003-01), so it is never converted silently. Payers that require the NDC deny the line; Medicaid ' +
      'loses the rebate.',
    source:
      'shared/domain/drug-billing.md section 4 ("We do (ndc.malformed)"); X12 837I loop 2410 LIN02 N4 / LIN03; ' +
      'FDA NDC formats and the 11-digit billing convention (daisyBill, Anthem NV); rule table `ndc-format` ' +
      '(digit count in force by date of service: 12-digit NDC effective 2033-03-07, Federal Register).',
    fix:
      'Report the 11-digit 5-4-2 NDC of the package used, e.g. 0069-0809-01 -> 00069-0809-01. For a 10-digit ' +
      'NDC without hyphens, look up the package label: the padding cannot be inferred.',
  },
  perEncounter(enc, ctx) {
    for (const c of enc.claims) {
      if (c.ndc === undefined || c.ndc === '') continue;
      const table = ctx.rules.get<NdcFormatData>('ndc-format', c.serviceDate);
      if (!table) continue;
      const v = judgeCached(c.ndc, table.data);
      if (v.ok) continue;
      ctx.report({
        message: `NDC "${c.ndc}" ${v.detail}.`,
        records: [{ kind: 'claims' as const, record: c, column: 'ndc' }],
        patientId: c.patientId,
        claimId: c.claimId,
        line: c.line,
        serviceDate: c.serviceDate,
        code: c.code,
        expected:
          v.expected !== undefined
            ? `NDC ${v.expected}`
            : v.reason === 'short-bare'
              ? 'the 11-digit NDC of the package used (ambiguous: confirm from the label)'
              : `an NDC of ${table.data.digits} digits (${table.data.segments.join('-')})`,
        discriminator: c.ndc,
        // a provisional table (the 12-digit NDC before any claim standard) only warns
        ...(table.data.provisional ? { severity: 'warning' as const } : {}),
      });
    }
  },
};
