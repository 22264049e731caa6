/**
 * The minimal ZIP reading and streaming writing an .xlsx needs (no ZIP64: every part and the whole file stay under
 * 4 GiB, which a sheet of Excel's 1,048,576 rows does). Writing streams each part through deflate straight to the
 * file, so a sheet of a million rows never sits in memory as one string.
 */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import * as zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

type Crc32 = (data: Buffer, value?: number) => number;
const nativeCrc32: Crc32 | undefined = (zlib as unknown as { crc32?: Crc32 }).crc32;

export function crc32(data: Buffer, crc = 0): number {
  if (nativeCrc32) return nativeCrc32(data, crc);
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Every file of a ZIP archive, by name, inflated. */
export function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt ZIP central directory');
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compSize);
    out.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

interface Entry {
  name: Buffer;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const LIMIT = 0xffffffff;

/** Writes a ZIP archive part by part to a file. */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;
  private failed: Error | null = null;

  /**
   * @param level deflate level: 6 (zlib's default) for ordinary workbooks; 1 is about twice as fast for a few percent
   *   more bytes, worth it for workbooks of millions of rows.
   */
  constructor(
    path: string,
    private readonly level = 6,
    when: Date = new Date(Date.UTC(2020, 0, 1)),
  ) {
    // Opened here, synchronously: the file exists from this moment (a signal handler that removes it cannot run
    // before an asynchronous open creates it behind its back).
    this.out = createWriteStream(path, { fd: openSync(path, 'w'), highWaterMark: 1 << 22 });
    this.out.on('error', (e) => (this.failed = e));
    this.dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
    this.dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  }

  private async write(b: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    this.offset += b.length;
    if (!this.out.write(b)) await this.settled('drain');
  }

  /** Waits for `event`, or rejects with the stream's error (a full disk must never look like success). */
  private settled(event: 'drain' | 'close'): Promise<void> {
    return new Promise<void>((res, rej) => {
      if (this.failed) return rej(this.failed);
      const onError = (e: Error) => {
        this.out.off(event, onEvent);
        rej(e);
      };
      const onEvent = () => {
        this.out.off('error', onError);
        if (this.failed) rej(this.failed);
        else res();
      };
      this.out.once('error', onError);
      this.out.once(event, onEvent);
    });
  }

  /** Adds a part whose content comes from `chunks` (strings are UTF-8), deflated as it streams. */
  async add(name: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
    const nameBuf = Buffer.from(name, 'utf8');
    const entry: Entry = {
      name: nameBuf,
      method: 8,
      flags: 0x0808,
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt16LE(nameBuf.length, 26);
    await this.write(header);
    await this.write(nameBuf);

    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 1 << 18 });
    const pending: Buffer[] = [];
    let done = false;
    let error: Error | null = null;
    let wake: (() => void) | null = null;
    deflate.on('data', (d: Buffer) => {
      pending.push(d);
      wake?.();
    });
    deflate.on('end', () => {
      done = true;
      wake?.();
    });
    deflate.on('error', (e) => {
      error = e;
      wake?.();
    });
    const flushPending = async () => {
      while (pending.length > 0) {
        const d = pending.shift()!;
        entry.compressed += d.length;
        await this.write(d);
      }
    };
    const feed = async (b: Buffer) => {
      entry.crc = crc32(b, entry.crc);
      entry.size += b.length;
      if (!deflate.write(b)) await new Promise<void>((res) => deflate.once('drain', () => res()));
      await flushPending();
    };
    // Small chunks are gathered into about 256 KB before deflating.
    let gathered: (string | Buffer)[] = [];
    let gatheredSize = 0;
    const flushGathered = async () => {
      if (gatheredSize === 0) return;
      const b = Buffer.concat(gathered.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
      gathered = [];
      gatheredSize = 0;
      await feed(b);
    };
    for await (const chunk of chunks as AsyncIterable<string | Buffer>) {
      if (chunk.length === 0) continue;
      if (gatheredSize === 0 && Buffer.isBuffer(chunk) && chunk.length >= 1 << 18) {
        await feed(chunk);
        continue;
      }
      gathered.push(chunk);
      gatheredSize += chunk.length;
      if (gatheredSize >= 1 << 18) await flushGathered();
    }
    await flushGathered();
    deflate.end();
    while (!done && !error) {
      await new Promise<void>((res) => (wake = res));
      wake = null;
      await flushPending();
    }
    if (error) throw error;
    await flushPending();
    if (entry.size > LIMIT || entry.compressed > LIMIT || this.offset > LIMIT) {
      throw new Error(`${name} is larger than 4 GiB: too large for an .xlsx part`);
    }
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(entry.crc >>> 0, 4);
    desc.writeUInt32LE(entry.compressed, 8);
    desc.writeUInt32LE(entry.size, 12);
    await this.write(desc);
    this.entries.push(entry);
  }

  /** Copies a part exactly as another ZIP stored it (already compressed, CRC and sizes known). */
  async addStored(part: {
    name: string;
    method: number;
    crc: number;
    compressedSize: number;
    size: number;
    data: Buffer;
  }): Promise<void> {
    const nameBuf = Buffer.from(part.name, 'utf8');
    const entry: Entry = {
      name: nameBuf,
      method: part.method,
      flags: 0x0800, // UTF-8 name; sizes in the header, no data descriptor
      crc: part.crc >>> 0,
      compressed: part.compressedSize,
      size: part.size,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    await this.write(header);
    await this.write(nameBuf);
    await this.write(part.data);
    if (this.offset > LIMIT) throw new Error(`${part.name} takes the workbook past 4 GiB: too large for an .xlsx`);
    this.entries.push(entry);
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(this.dosTime, 12);
      h.writeUInt16LE(this.dosDate, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(h);
      await this.write(e.name);
    }
    const size = this.offset - start;
    if (this.offset > LIMIT || this.entries.length > 0xffff)
      throw new Error('workbook too large for a ZIP without ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    // Every byte handed to the system and the file closed without an error, or the error.
    const closed = this.settled('close');
    this.out.end();
    await closed;
  }

  /** Closes the file after a failure (the caller removes it). */
  abort(): void {
    this.out.destroy();
  }
}
