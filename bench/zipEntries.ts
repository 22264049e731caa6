/**
 * The entries of a .xlsx package for the benchmark report, read from the zip's central directory (sizes) and the
 * first bytes of each worksheet (its <dimension>, for the last row), without inflating whole sheets.
 */
import { constants, inflateRawSync } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  /** Offset of the entry's data and its compression method (0 stored, 8 deflated). */
  dataAt: number;
  method: number;
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
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) {
      const head = buf.subarray(dataAt, dataAt + Math.min(compressed, 4096));
      const text =
        method === 0
          ? head.toString('utf8')
          : inflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const m = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(text);
      lastRow = m ? Number(m[1] ?? 1) : 0;
    }
    out.push({ name, dataAt, method, compressed, uncompressed, lastRow });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The text of a small entry (workbook.xml and its relationships). */
export function entryText(buf: Buffer, e: ZipEntryInfo): string {
  const data = buf.subarray(e.dataAt, e.dataAt + e.compressed);
  return (e.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

/** Worksheet part name -> sheet name, from xl/workbook.xml and its relationships. */
export function sheetNames(buf: Buffer, entries: readonly ZipEntryInfo[]): Map<string, string> {
  const find = (n: string) => entries.find((e) => e.name === n);
  const wb = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  const out = new Map<string, string>();
  if (!wb || !rels) return out;
  const target = new Map<string, string>();
  for (const m of entryText(buf, rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  for (const m of entryText(buf, wb).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const t = id ? target.get(id) : undefined;
    if (name && t) out.set(t, name.replace(/&amp;/g, '&'));
  }
  return out;
}
