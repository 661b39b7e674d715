/** The data-row loop shared by the source parsers. */
import { blankRow, cellsOf, importError } from './source.js';
import type { CellCtx, Located, SourceRows } from './source.js';

/**
 * Call `fn` for every non-blank row after the header, with its cells by column key and a context
 * naming the spreadsheet row. Rows right after the header whose `anchor` cell is empty are the rest
 * of a header written over several rows (the CMS PTP layout) and are skipped.
 */
export function eachDataRow<K extends string>(
  src: SourceRows,
  loc: Located<K>,
  anchor: NoInfer<K>,
  fn: (cells: Record<K, string>, ctx: CellCtx) => void,
): void {
  let inHeader = true;
  for (let i = loc.headerIndex + 1; i < src.rows.length; i++) {
    const row = src.rows[i];
    if (blankRow(row)) continue;
    const cells = cellsOf(row as string[], loc);
    if (inHeader && cells[anchor] === '') continue;
    inHeader = false;
    fn(cells, { src, row: i + 1 });
  }
}

/** The "Effective ... through ..." banner line, if any. */
export function editionLine(banner: string[]): string | undefined {
  return banner.find((l) => /^effective\b/i.test(l));
}

/** A check that each code appears once in the file: the second row of a code is an error naming both rows. */
export function onceEach(src: SourceRows, what: string): (code: string, ctx: CellCtx, column: string) => void {
  const seen = new Map<string, number>();
  return (code, ctx, column) => {
    const prev = seen.get(code);
    if (prev !== undefined) throw importError(src, `${what} ${code} is listed twice (also row ${prev})`, ctx.row, column);
    seen.set(code, ctx.row);
  };
}
