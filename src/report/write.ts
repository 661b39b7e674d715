/** Write the requested report formats into a staging area (see staging.ts for atomicity). */
import { writeExceptionsCsv } from './csv.js';
import { writeHtmlReport } from './html.js';
import { writeJsonReport } from './json.js';
import type { Staging } from './staging.js';
import type { Format, ReportBundle } from './types.js';
import type { XlsxOptions } from './xlsx.js';

/** Report file name of each format, relative to --out. */
export const REPORT_FILES: Record<Format, string> = {
  json: 'report.json',
  csv: 'exceptions.csv',
  xlsx: 'audit.xlsx',
  html: 'report.html',
};

/**
 * Write every format in `formats` into the staging area, one after another (so memory holds
 * one writer's buffers at a time). Throws ReportWriteError; the caller then aborts the staging.
 */
export async function writeReports(
  stage: Staging,
  bundle: ReportBundle,
  formats: ReadonlySet<Format>,
  opts: { xlsx?: XlsxOptions } = {},
): Promise<void> {
  if (formats.has('json')) await writeJsonReport(stage.path(REPORT_FILES.json), bundle.result);
  if (formats.has('csv')) await writeExceptionsCsv(stage.path(REPORT_FILES.csv), bundle.result.exceptions);
  if (formats.has('xlsx')) {
    // loaded on demand: exceljs takes ~0.4 s to import, wasted on json/csv-only runs
    const { writeXlsxReport } = await import('./xlsx.js');
    await writeXlsxReport(stage.path(REPORT_FILES.xlsx), bundle, opts.xlsx);
  }
  if (formats.has('html')) await writeHtmlReport(stage.path(REPORT_FILES.html), bundle.result);
}
