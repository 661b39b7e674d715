/**
 * The read layer: one input file (CSV or XLSX) of one kind -> a stream of typed records with
 * every problem reported by file, row (header = 1) and column. See README "Inputs".
 */
export { COLUMNS, columnDef, type ColumnDef, type ColumnType } from './columns.js';
export { aliasesOf, mapHeaders, normaliseHeader, type HeaderMap } from './headers.js';
export { sha256File } from './io.js';
export { openInput } from './open.js';
export { loadProfile } from './profile.js';
export { sniffDelimiter } from './sniff.js';
export {
  InputError,
  type KindMapping,
  type MappingProfile,
  type OpenedInput,
  type OpenOptions,
  type ParsedRow,
  type ReadIssue,
  type ReadIssueCode,
  type ReadStats,
} from './types.js';
export { formatNumber, parseDate, parseDateTime, parseLeadingDate, parseNumber, serialToIso } from './values.js';
