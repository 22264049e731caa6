/**
 * The entries of a .xlsx package for the benchmark report, read from the zip's central directory (sizes) and the
 * first bytes of each worksheet (its <dimension>, for the last row), without inflating whole sheets.
 */
import { constants, inflateRawSync } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** A worksheet's last row from its <dimension>, else 0. */
  lastRow: number;
}

export function unzipEntries(buf: Buffer): ZipEntryInfo[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    let lastRow = 0;
    if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) {
      const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const head = buf.subarray(dataAt, dataAt + Math.min(compressed, 4096));
      const text =
        method === 0
          ? head.toString('utf8')
          : inflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const m = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(text);
      lastRow = m ? Number(m[1] ?? 1) : 0;
    }
    out.push({ name, compressed, uncompressed, lastRow });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
