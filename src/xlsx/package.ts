/**
 * An .xlsx file as an Open Packaging Convention package: its parts (read lazily from the ZIP, each checked
 * against its CRC and size before use), part names compared case-insensitively, and relationship targets resolved
 * the way the convention says (relative to the source part's folder, or from the package root when they start with
 * "/", as openpyxl writes them).
 *
 * Every fault, from "this is a CSV file" to a damaged deflate stream, is a WorkbookError whose message is a plain
 * sentence (src/xlsx/limits.ts), never a library's text.
 */
import * as zlib from 'node:zlib';
import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_XML_PART_BYTES, NOT_A_WORKBOOK } from './limits';
import { scanXml, XmlError, prefixedAttribute, type XmlHandler } from './xml';
import { crc32 } from './zip';

/** A workbook this program cannot read; `message` is the sentence after `Workbook: `. */
export class WorkbookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookError';
    Object.setPrototypeOf(this, WorkbookError.prototype);
  }
}

/** One entry of the ZIP as stored: enough to copy it unchanged into another ZIP. */
export interface StoredPart {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** The stored (compressed) bytes. */
  data: Buffer;
}

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI ("worksheet", "table", "officeDocument"), transitional or strict. */
  type: string;
  /** The part it points to, as a package part name without the leading "/" (null when external). */
  target: string | null;
  /** The Target attribute as written. */
  rawTarget: string;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What kind of file a buffer that is not a ZIP package holds, as a WorkbookError. */
function notZip(buf: Buffer): WorkbookError {
  if (buf.length === 0) return new WorkbookError(NOT_A_WORKBOOK.empty);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_SIGNATURE)) {
    // An OLE compound file: an encrypted OOXML package (EncryptionInfo stream) or a legacy .xls.
    const encrypted = buf.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    return new WorkbookError(encrypted ? NOT_A_WORKBOOK.encrypted : NOT_A_WORKBOOK.xls);
  }
  const head = buf.subarray(0, 4096);
  if (!head.includes(0)) return new WorkbookError(NOT_A_WORKBOOK.text);
  return new WorkbookError(NOT_A_WORKBOOK.unknown);
}

function damaged(detail: string): WorkbookError {
  return new WorkbookError(NOT_A_WORKBOOK.damaged(detail));
}

/** A part name normalised for lookup: no leading "/", lower case. */
function key(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** The folder of a part name ("xl/worksheets/sheet1.xml" -> "xl/worksheets"). */
export function partFolder(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/** The relationships part of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" -> "_rels/.rels"). */
export function relsPartName(source: string): string {
  if (source === '') return '_rels/.rels';
  const folder = partFolder(source);
  const base = source.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === '' ? '' : `${folder}/`}_rels/${base}.rels`;
}

/** A relationship target resolved against its source part, as a part name; null when it leaves the package. */
export function resolveTarget(source: string, target: string): string | null {
  let t = target.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    /* left as written */
  }
  t = t.replace(/\\/g, '/').replace(/[?#].*$/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(t)) return null;
  const segments = t.startsWith('/') ? [] : partFolder(source).split('/').filter(Boolean);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(s);
  }
  return segments.length === 0 ? null : segments.join('/');
}

export class XlsxPackage {
  private readonly parts = new Map<string, StoredPart>();
  /** Parts already checked (check()), by lookup key. */
  private readonly checked = new Set<string>();

  private constructor() {}

  /** Opens a package held in memory; throws WorkbookError when it is not an .xlsx package this program reads. */
  static open(buf: Buffer): XlsxPackage {
    if (buf.length > MAX_FILE_BYTES) throw new WorkbookError(NOT_A_WORKBOOK.tooLarge(buf.length));
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
      if (buf.length >= 4 && buf.readUInt32LE(0) === 0x06054b50) throw new WorkbookError(NOT_A_WORKBOOK.otherPackage);
      throw notZip(buf);
    }
    const pkg = new XlsxPackage();
    pkg.readDirectory(buf);
    if (pkg.has('mimetype')) {
      const mime = pkg.bytes('mimetype').toString('latin1');
      if (mime.includes('opendocument')) throw new WorkbookError(NOT_A_WORKBOOK.ods);
    }
    if (!pkg.has('[Content_Types].xml')) throw new WorkbookError(NOT_A_WORKBOOK.otherPackage);
    return pkg;
  }

  private readDirectory(buf: Buffer): void {
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged('its ZIP directory is missing (the file may be cut short)');
    const count = buf.readUInt16LE(eocd + 10);
    const dirSize = buf.readUInt32LE(eocd + 12);
    const dirStart = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) {
      throw new WorkbookError(NOT_A_WORKBOOK.zip64);
    }
    if (dirStart + dirSize > eocd) throw damaged('its ZIP directory points outside the file');
    let p = dirStart;
    for (let k = 0; k < count; k++) {
      if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw damaged('its ZIP directory is corrupt');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      const compressedSize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      if (p + 46 + nameLen > eocd) throw damaged('its ZIP directory is corrupt');
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      p += 46 + nameLen + extraLen + commentLen;
      if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
        throw new WorkbookError(NOT_A_WORKBOOK.zip64);
      }
      if (flags & 1) throw new WorkbookError(NOT_A_WORKBOOK.encryptedParts);
      if (name.endsWith('/')) continue; // a folder entry
      if (method !== 0 && method !== 8)
        throw damaged(`its part ${name} is stored with a compression this program does not read`);
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) {
        throw damaged(`its part ${name} is missing from the ZIP`);
      }
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (dataStart + compressedSize > buf.length) throw damaged(`its part ${name} is cut short`);
      if (this.parts.has(key(name))) throw damaged(`its part ${name} appears twice`);
      this.parts.set(key(name), {
        name,
        method,
        crc,
        compressedSize,
        size,
        data: buf.subarray(dataStart, dataStart + compressedSize),
      });
    }
  }

  /** Every part name, as stored. */
  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  has(name: string): boolean {
    return this.parts.has(key(name));
  }

  /** The stored name of a part (case as in the ZIP), or undefined. */
  find(name: string): string | undefined {
    return this.parts.get(key(name))?.name;
  }

  stored(name: string): StoredPart {
    const p = this.parts.get(key(name));
    if (!p) throw damaged(`its part ${name} is missing`);
    return p;
  }

  /** A part's bytes, inflated and checked against its size and CRC. */
  bytes(name: string, limit = MAX_PART_BYTES): Buffer {
    const p = this.stored(name);
    if (p.size > limit) throw new WorkbookError(NOT_A_WORKBOOK.partTooLarge(p.name, p.size, limit));
    let data: Buffer;
    if (p.method === 0) data = p.data;
    else {
      try {
        data = zlib.inflateRawSync(p.data, { maxOutputLength: Math.max(1, p.size) });
      } catch (e) {
        throw new WorkbookError(NOT_A_WORKBOOK.partDamaged(p.name, 'cannot be decompressed'), { cause: e });
      }
    }
    if (data.length !== p.size) throw new WorkbookError(NOT_A_WORKBOOK.partDamaged(p.name, 'has the wrong length'));
    if (crc32(data) >>> 0 !== p.crc >>> 0) {
      throw new WorkbookError(NOT_A_WORKBOOK.partDamaged(p.name, 'fails its checksum'));
    }
    return data;
  }

  /** A part as text (UTF-8, or UTF-16 with a byte-order mark). */
  text(name: string): string {
    const b = this.bytes(name, MAX_XML_PART_BYTES);
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return b.toString('utf8');
  }

  /** Scans a part as XML; a part that is not well-formed is a WorkbookError naming it. */
  xml(name: string, handler: XmlHandler = {}): void {
    const text = this.text(name);
    try {
      scanXml(text, handler);
    } catch (e) {
      if (e instanceof XmlError) {
        throw new WorkbookError(NOT_A_WORKBOOK.partDamaged(this.stored(name).name, `is not valid XML (${e.message})`), {
          cause: e,
        });
      }
      throw e;
    }
  }

  /**
   * Checks a part as it will be copied: its bytes against the CRC and, for an XML part (up to the size this program
   * parses), that it is well-formed. Each part is checked once.
   */
  check(name: string): void {
    const k = key(name);
    if (this.checked.has(k)) return;
    const stored = this.stored(name);
    if (/\.(xml|rels|vml)$/i.test(name) && stored.size <= MAX_XML_PART_BYTES) this.xml(name);
    else this.bytes(name);
    this.checked.add(k);
  }

  /** The relationships of a part ("" for the package itself); none when it has no relationships part. */
  relationships(source: string): Relationship[] {
    const relsName = relsPartName(source);
    if (!this.has(relsName)) return [];
    const out: Relationship[] = [];
    this.xml(relsName, {
      open: (el, attrs) => {
        if (el !== 'Relationship') return;
        const rawTarget = attrs.Target ?? '';
        const type = (attrs.Type ?? '').split('/').pop() ?? '';
        const external = (attrs.TargetMode ?? '').toLowerCase() === 'external';
        out.push({
          id: attrs.Id ?? prefixedAttribute(attrs, 'Id') ?? '',
          type,
          target: external || rawTarget === '' ? null : resolveTarget(source, rawTarget),
          rawTarget,
        });
      },
    });
    return out;
  }

  /** The workbook part (from the package relationships; xl/workbook.xml when they name none). */
  workbookPart(): string {
    const rel = this.relationships('').find((r) => r.type === 'officeDocument' && r.target !== null);
    const name = rel?.target ?? 'xl/workbook.xml';
    const found = this.find(name);
    if (!found) throw new WorkbookError(NOT_A_WORKBOOK.otherPackage);
    return found;
  }
}
