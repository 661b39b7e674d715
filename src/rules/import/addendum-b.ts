/**
 * OPPS Addendum B (CMS quarterly): banner rows, then `HCPCS Code, Short Descriptor, SI, APC,
 * Relative Weight, Payment Rate, National Unadjusted Copayment, Minimum Unadjusted Copayment, ...`.
 * Short descriptors are not kept (CPT descriptors are AMA-licensed and no check needs them).
 */
import { codeCell, importError, locateHeader, numberCell } from './source.js';
import type { ColumnSpec, SourceRows } from './source.js';
import { eachDataRow, onceEach } from './rows.js';
import type { ParsedTable } from './types.js';

const COLUMNS = {
  hcpcs: { label: 'HCPCS Code', match: /^hcpcs( code)?$/ },
  si: { label: 'SI', match: /^(si|status indicator)$/ },
  apc: { label: 'APC', match: /^apc$/ },
  relativeWeight: { label: 'Relative Weight', match: /^relative weight$/, required: false },
  paymentRate: { label: 'Payment Rate', match: /^payment rate$/ },
  nationalCopay: { label: 'National Unadjusted Copayment', match: /^national unadjusted copayment$/, required: false },
  minimumCopay: { label: 'Minimum Unadjusted Copayment', match: /^minimum unadjusted copayment$/, required: false },
} satisfies Record<string, ColumnSpec>;

export const OPPS_STATUS_COLUMNS = ['hcpcs', 'si', 'apc', 'relativeWeight', 'paymentRate', 'nationalCopay', 'minimumCopay'] as const;

export function parseAddendumB(src: SourceRows): ParsedTable {
  const loc = locateHeader(src, 'OPPS Addendum B', COLUMNS, 'si');
  const rows: string[][] = [];
  const once = onceEach(src, 'HCPCS');
  eachDataRow(src, loc, 'hcpcs', (c, ctx) => {
    const hcpcs = codeCell(ctx, 'HCPCS Code', c.hcpcs);
    once(hcpcs, ctx, 'HCPCS Code');
    const si = c.si.toUpperCase();
    if (!/^[A-Z][0-9]?$/.test(si)) throw importError(src, `expected a status indicator such as K, N, S or Q1, got "${c.si}"`, ctx.row, 'SI');
    if (c.apc !== '' && !/^\d{1,5}$/.test(c.apc)) throw importError(src, `expected an APC number, got "${c.apc}"`, ctx.row, 'APC');
    rows.push([
      hcpcs,
      si,
      c.apc === '' ? '' : c.apc.padStart(4, '0'),
      numberCell(ctx, 'Relative Weight', c.relativeWeight, true),
      numberCell(ctx, 'Payment Rate', c.paymentRate, true),
      numberCell(ctx, 'National Unadjusted Copayment', c.nationalCopay, true),
      numberCell(ctx, 'Minimum Unadjusted Copayment', c.minimumCopay, true),
    ]);
  });
  if (!rows.length) throw importError(src, 'Addendum B has a header but no data rows');
  return {
    id: 'opps-status',
    columns: OPPS_STATUS_COLUMNS,
    rows,
    title: 'CMS OPPS Addendum B (HCPCS payment status indicators, APCs and payment rates)',
    url: 'https://www.cms.gov/medicare/payment/prospective-payment-systems/hospital-outpatient/addendum-a-b-updates',
    description:
      'OPPS Addendum B: the payment status indicator (SI) of each HCPCS code for hospital outpatient claims (K separately ' +
      'paid drug, G pass-through, N packaged, S/T/Q1 procedures ...), its APC, relative weight and national payment rate. ' +
      'A code absent from the file has no status here (unknown).',
    notes: [],
  };
}
