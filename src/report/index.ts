/**
 * The report layer: pure writers of one results model (AuditResult) into report.json,
 * exceptions.csv, annotated/<input>.csv, audit.xlsx and report.html, plus the console summary.
 * Everything is written into a private staging area and moved into --out on commit.
 */
export { FORMATS, type Format, type FlaggedRows, type ReportBundle } from './types.js';
export { Staging, abortAllStagingSync } from './staging.js';
export { writeReports, REPORT_FILES } from './write.js';
export { AnnotatedCsvWriter, AUDIT_COLUMNS, type AnnotatedCsvOptions, type AnnotatedRow, type AuditStatus } from './annotated.js';
export {
  findingsCell,
  neutralise,
  formatMoney,
  formatCount,
  evidenceCell,
  csvField,
  csvRecord,
  worstSeverity,
} from './format.js';
export { consoleSummary } from './console.js';
export { ReportWriteError } from './errors.js';
export { writeJsonReport } from './json.js';
export { writeExceptionsCsv, EXCEPTION_COLUMNS } from './csv.js';
// audit.xlsx (src/report/xlsx.ts) is imported on demand: exceljs costs ~0.4 s to load
export type { XlsxOptions } from './xlsx.js';
export { writeHtmlReport, renderHtml } from './html.js';
