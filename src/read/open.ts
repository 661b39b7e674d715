/**
 * openInput: one input file (CSV or XLSX) of one kind -> header mapping + a single-pass stream
 * of ParsedRows with typed records and issues.
 */
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { InputKind } from '../model.js';
import { COLUMNS } from './columns.js';
import { CsvReader, type TextEncoding } from './csv.js';
import { mapHeaders, type HeaderMap } from './headers.js';
import { ioError, sha256File } from './io.js';
import { RowConverter } from './records.js';
import { detectBom, detectLineBreaks, detectMagic, sniffDelimiter } from './sniff.js';
import { InputError, type OpenedInput, type OpenOptions, type ParsedRow, type ReadStats } from './types.js';
import type { CellKind } from './xlsx.js';

const SNIFF_BYTES = 64 * 1024;

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function detectEncoding(sample: Buffer, hasBom: boolean, complete: boolean): TextEncoding {
  if (hasBom) return 'utf8';
  if (!sample.some((b) => b >= 0x80)) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf8';
  } catch {
    return 'windows-1252';
  }
}

function cellKinds(kind: InputKind, map: HeaderMap): CellKind[] {
  const kinds: CellKind[] = [];
  for (const def of COLUMNS[kind]) {
    const i = map.columns[def.name];
    if (i === undefined) continue;
    if (def.type === 'date') kinds[i] = 'date';
    else if (def.type === 'datetime') kinds[i] = 'datetime';
  }
  return kinds;
}

/**
 * Open one input. Throws InputError (message naming file, row and column) for anything fatal:
 * missing or unreadable file, legacy .xls, UTF-16 text, no header, a required column missing,
 * two headers for one column, an unknown sheet.
 */
export async function openInput<K extends InputKind>(kind: K, path: string, opts: OpenOptions): Promise<OpenedInput<K>> {
  const label = basename(path);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw ioError(err, path);
  }
  let head: Buffer;
  try {
    head = await readHead(path);
  } catch (err) {
    throw ioError(err, path);
  }
  const ext = extname(path).toLowerCase();
  const magic = detectMagic(head);
  // the format comes from the bytes, not the name: some systems write tab-separated text or
  // CSV under an .xls name, which we read as text
  if (magic === 'ole') {
    throw new InputError(`${path}: legacy Excel .xls files are not supported; save it as .xlsx or CSV`, path);
  }
  if (magic !== 'zip' && (ext === '.xlsx' || ext === '.xlsm')) {
    throw new InputError(`${path}: not a valid .xlsx file (it is not a zip archive)`, path);
  }
  const mapping = opts.profile?.[kind];
  let hash: Promise<string> = Promise.resolve('');
  const startHash = (): void => {
    hash = sha256File(path);
    hash.catch(() => undefined); // awaited at the end of rows(); no unhandled rejection before that
  };

  let rowsSeen = 0;
  let sha = '';
  let blank = (): number => 0;
  let started = false;
  const once = <T>(gen: () => AsyncIterable<T>): (() => AsyncIterable<T>) => () => {
    if (started) throw new Error(`read: rows() of ${path} can only be iterated once`);
    started = true;
    return gen();
  };
  const onEnd = async (): Promise<void> => {
    try {
      sha = await hash;
    } catch (err) {
      throw ioError(err, path);
    }
  };
  const stats = (): ReadStats => ({ rows: rowsSeen, sha256: sha, blankRows: blank() });

  if (magic === 'zip') {
    const sheet = opts.sheet ?? mapping?.sheet;
    // exceljs is loaded only for XLSX inputs: importing it costs ~0.4 s
    const { openXlsx } = await import('./xlsx.js');
    const src = await openXlsx(path, label, sheet);
    const where = `${label} sheet "${src.sheet}"`;
    let map: HeaderMap;
    try {
      map = mapHeaders(kind, src.header, mapping, { label: where, file: path, headerRow: src.headerRow, format: 'xlsx' });
    } catch (err) {
      await src.close().catch(() => undefined);
      throw err;
    }
    startHash();
    const conv = new RowConverter(kind, map, src.header, where, opts.inputIndex);
    const kinds = cellKinds(kind, map);
    src.cellKind = (i) => kinds[i] ?? 'other';
    src.process = (pr) => {
      rowsSeen++;
      conv.convert(pr as ParsedRow<K>);
    };
    src.onEnd = onEnd;
    blank = () => src.blankRows;
    return {
      kind,
      path,
      sheet: src.sheet,
      format: 'xlsx',
      delimiter: ',',
      header: src.header,
      headerRow: src.headerRow,
      columns: map.columns,
      unknownColumns: map.unknownColumns,
      rows: once(() => src.rows() as AsyncGenerator<ParsedRow<K>>),
      stats,
    };
  }

  // CSV
  const bom = detectBom(head);
  if (bom === 'utf16le' || bom === 'utf16be') {
    throw new InputError(`${path}: the file is UTF-16 text; save it as "CSV UTF-8" (or .xlsx)`, path);
  }
  const dataStart = bom === 'utf8' ? 3 : 0;
  const sampleBytes = head.subarray(dataStart);
  const complete = head.length >= size;
  const sample = sampleBytes.toString('latin1');
  const encoding = detectEncoding(sampleBytes, bom === 'utf8', complete);
  const delimiter = sniffDelimiter(sample, complete);
  const reader = new CsvReader({
    path,
    size,
    dataStart,
    delimiter,
    lineBreaks: detectLineBreaks(sample),
    encoding,
    label,
  });
  const it = reader.batches();
  let first: IteratorResult<ParsedRow<InputKind>[]>;
  try {
    first = await it.next();
  } catch (err) {
    throw ioError(err, path);
  }
  const h = first.done ? undefined : first.value[0];
  if (h === undefined) throw new InputError(`${path}: no header row (the file is empty)`, path, 1);
  const bad = h.issues.find((i) => i.severity === 'error');
  if (bad) {
    await it.return(undefined);
    throw new InputError(`${bad.message.replace(/; the row cannot be read.*$/, '')}: the header row cannot be read`, path, h.row);
  }
  const header = h.cells;
  let map: HeaderMap;
  try {
    map = mapHeaders(kind, header, mapping, { label, file: path, headerRow: h.row, format: 'csv' });
  } catch (err) {
    await it.return(undefined);
    throw err;
  }
  startHash();
  let used = header.length;
  while (used > 0 && header[used - 1]!.trim().length === 0) used--;
  reader.headerFields = header.length;
  reader.headerLength = used;
  const conv = new RowConverter(kind, map, header, label, opts.inputIndex);
  reader.process = (pr) => {
    rowsSeen++;
    conv.convert(pr as ParsedRow<K>);
  };
  reader.onEnd = onEnd;
  blank = () => reader.blankRows;
  return {
    kind,
    path,
    format: 'csv',
    delimiter,
    encoding,
    header,
    headerRow: h.row,
    headerRaw: h.raw,
    columns: map.columns,
    unknownColumns: map.unknownColumns,
    rows: once(() => flatten(it as AsyncGenerator<ParsedRow<K>[]>)),
    batches: once(() => it as AsyncGenerator<ParsedRow<K>[]>),
    stats,
  };
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const b of batches) yield* b;
}
