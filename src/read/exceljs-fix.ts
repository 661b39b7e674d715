/**
 * A corrected `parse()` for exceljs 4.4's streaming WorkbookReader.
 *
 * The bug: exceljs iterates the zip entries with its own `iterateStream` helper, which stops
 * at the parser's 'end' event; unzipper 0.10's Parse emits 'end' as soon as its writable side
 * finishes, while entries may still sit in its readable buffer. Those last parts of the workbook
 * (xl/workbook.xml, xl/styles.xml, xl/sharedStrings.xml, whole sheets) are then silently
 * skipped: in our tests about one read in thirty of a small workbook lost its styles (so dates
 * came out as serials and '00000000000'-formatted NDCs lost their zeros) or its sheet names.
 *
 * The fix is the same loop as exceljs's, iterating the entries with Node's own async iterator,
 * which reads whatever is buffered before it ends; and a read error of the file now ends the
 * zip parser instead of leaving it waiting forever. Everything else (the private `_parse*`
 * methods, temp files through `tmp`) is exceljs's own code.
 *
 * When the exceljs in node_modules does not have the private methods we rely on, `fixedParse`
 * is undefined and exceljs's own parse() is used; xlsx.ts still checks every read against the
 * zip's central directory and reads again when a part is missing.
 */
import { createWriteStream, createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

interface Entry extends Readable {
  path: string;
  autodrain(): unknown;
}

interface TmpModule {
  file(cb: (err: Error | null, path: string, fd: number, cleanup: () => void) => void): void;
}

interface UnzipModule {
  Parse(opts: { forceStream: boolean }): Readable & NodeJS.WritableStream;
}

/** The private members of exceljs's WorkbookReader that parse() uses. */
export interface ReaderPrivate {
  input: unknown;
  options: unknown;
  stream?: Readable;
  sharedStrings?: unknown;
  workbookRels?: unknown;
  _getStream(input: unknown): Readable;
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

const SHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const SHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

function load(): ((this: ReaderPrivate, input?: unknown, options?: unknown) => AsyncGenerator<unknown>) | undefined {
  let unzip: UnzipModule;
  let tmp: TmpModule;
  let iterateStream: (s: Readable) => AsyncIterable<unknown>;
  try {
    const fromHere = createRequire(import.meta.url);
    const exceljsMain = fromHere.resolve('exceljs');
    const fromExceljs = createRequire(exceljsMain);
    const version = (fromExceljs('./package.json') as { version: string }).version;
    if (!/^4\.4\./.test(version)) return undefined;
    unzip = fromExceljs('unzipper') as UnzipModule;
    tmp = fromExceljs('tmp') as TmpModule;
    iterateStream = fromExceljs('./lib/utils/iterate-stream') as typeof iterateStream;
    const WorkbookReader = (fromExceljs('./lib/stream/xlsx/workbook-reader') as { prototype: Record<string, unknown> }).prototype;
    for (const m of ['_getStream', '_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet', '_parseHyperlinks']) {
      if (typeof WorkbookReader[m] !== 'function') return undefined;
    }
  } catch {
    return undefined;
  }

  return async function* parse(this: ReaderPrivate, input?: unknown, options?: unknown): AsyncGenerator<unknown> {
    if (options) this.options = options;
    const stream = (this.stream = this._getStream(input || this.input));
    const zip = unzip.Parse({ forceStream: true });
    stream.on('error', (err: Error) => zip.destroy(err));
    stream.pipe(zip);
    const waiting: { sheetNo: string; path: string; cleanup: () => void }[] = [];

    for await (const e of zip) {
      const entry = e as Entry;
      let m: RegExpMatchArray | null;
      switch (entry.path) {
        case '_rels/.rels':
          break;
        case 'xl/_rels/workbook.xml.rels':
          await this._parseRels(entry);
          break;
        case 'xl/workbook.xml':
          await this._parseWorkbook(entry);
          break;
        case 'xl/sharedStrings.xml':
          yield* this._parseSharedStrings(entry);
          break;
        case 'xl/styles.xml':
          await this._parseStyles(entry);
          break;
        default:
          if ((m = SHEET.exec(entry.path)) !== null) {
            const sheetNo = m[1]!;
            if (this.sharedStrings && this.workbookRels) {
              yield* this._parseWorksheet(iterateStream(entry), sheetNo);
            } else {
              // spool the sheet to a private temp file (tmp: mode 0600) until the shared strings are read
              await new Promise<void>((resolve, reject) => {
                tmp.file((err, path, _fd, cleanup) => {
                  if (err) {
                    reject(err);
                    return;
                  }
                  waiting.push({ sheetNo, path, cleanup });
                  const out = createWriteStream(path);
                  out.on('error', reject);
                  entry.pipe(out);
                  out.on('finish', () => resolve());
                });
              });
            }
          } else if ((m = SHEET_RELS.exec(entry.path)) !== null) {
            yield* this._parseHyperlinks(iterateStream(entry), m[1]!);
          }
          break;
      }
      entry.autodrain();
    }

    for (const { sheetNo, path, cleanup } of waiting) {
      yield* this._parseWorksheet(createReadStream(path), sheetNo);
      cleanup();
    }
  };
}

/** exceljs's WorkbookReader.parse with the entry-iteration fix; undefined if not applicable. */
export const fixedParse = load();
