/**
 * The entry names of a zip file, from its central directory (end of file), in directory order.
 * Used to check that exceljs's streaming reader saw every part of a workbook (see xlsx.ts).
 */
import { open } from 'node:fs/promises';

const EOCD = 0x06054b50;
const CDH = 0x02014b50;

/** Names in the zip's central directory; undefined when it cannot be read (not a plain zip). */
export async function zipEntryNames(path: string): Promise<string[] | undefined> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Math.min(size, 65_557); // EOCD (22 bytes) + the longest zip comment
    const buf = Buffer.alloc(tail);
    await fh.read(buf, 0, tail, size - tail);
    let at = -1;
    for (let i = tail - 22; i >= 0; i--) {
      if (buf.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    const count = buf.readUInt16LE(at + 10);
    const dirSize = buf.readUInt32LE(at + 12);
    const dirOffset = buf.readUInt32LE(at + 16);
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size) return undefined; // zip64: not for xlsx
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let p = 0;
    for (let k = 0; k < count && p + 46 <= dir.length; k++) {
      if (dir.readUInt32LE(p) !== CDH) return undefined;
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      names.push(dir.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}
