import type { ReaderCheck } from '../types.js';

/**
 * Findings raised by the read layer, one per unreadable row or cell. They carry no hooks: the
 * pipeline turns each read issue into a finding with the file, row and column as evidence.
 */
const SOURCE =
  'shared/SPEC.md "Bad input": a bad row is reported with file, row and column and the rest of the file is still audited; nothing is silently dropped.';

export const malformedRow: ReaderCheck = {
  id: 'input.malformed-row',
  category: 'input',
  severity: 'error',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A CSV record that could not be parsed (an unclosed quote, for one); reading resumes at the next line.',
    why: 'A broken quote can swallow every following row; the row is reported and parsing restarts on the next physical line so later rows are still audited.',
    source: SOURCE,
    fix: 'Fix the quoting in the export (a field with a stray double quote) and re-run.',
  },
};

export const missingRequired: ReaderCheck = {
  id: 'input.missing-required',
  category: 'input',
  severity: 'error',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A required cell (SPEC columns marked *) is empty, so the row cannot be audited.',
    why: 'Without the claim id, patient, date, payer, code or units a line cannot be linked or judged; it is reported rather than guessed.',
    source: SOURCE + ' Required columns: shared/SPEC.md "Inputs".',
    fix: 'Fill the cell in the source system export (or map the right column with --profile).',
  },
};

export const badValue: ReaderCheck = {
  id: 'input.bad-value',
  category: 'input',
  severity: 'error',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A cell that cannot be read as its declared type (a date, time, number or enumerated value).',
    why: 'A required cell that cannot be read makes the row unauditable (error); an optional one is ignored for the checks that need it (warning).',
    source: SOURCE + ' Accepted formats: dates ISO, M/D/YYYY, Excel serials; times 12/24 h with or without seconds.',
    fix: 'Correct the value, or use a mapping profile if the column holds something else.',
  },
};

export const extraFields: ReaderCheck = {
  id: 'input.extra-fields',
  category: 'input',
  severity: 'error',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A row with more fields than the header: usually an unquoted delimiter that shifts every later cell.',
    why: 'Shifted cells put values in the wrong columns; the row is reported so nobody trusts it silently.',
    source: SOURCE,
    fix: 'Quote the field that holds the delimiter in the export.',
  },
};

export const missingFields: ReaderCheck = {
  id: 'input.missing-fields',
  category: 'input',
  severity: 'warning',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A row with fewer fields than the header; the missing cells are read as empty.',
    why: 'A truncated row may have lost data at export; the row is still audited with empty cells.',
    source: SOURCE,
    fix: 'Check the export for truncated lines.',
  },
};

export const duplicateRow: ReaderCheck = {
  id: 'input.duplicate-row',
  category: 'input',
  severity: 'warning',
  needs: [],
  fromReader: true,
  docs: {
    summary: 'A row identical to an earlier row of the same file and encounter; it is counted once.',
    why: 'Exports that repeat rows would double units and charges in every later check; the copy is left out of the checks and reported.',
    source: 'shared/domain/charge-capture.md "We do": byte-identical rows inside one input file are input.duplicate-row (warning) and counted once.',
    fix: 'Remove the repeated row from the export, or confirm that it really is a second service (then it should differ, e.g. by line number).',
  },
};

export const readerChecks: ReaderCheck[] = [malformedRow, missingRequired, badValue, extraFields, missingFields, duplicateRow];
