/**
 * The zip container of an .xlsx (APPNOTE.TXT, PKWARE's .ZIP File Format Specification), just what
 * a refresh needs to stay within bounded memory:
 *
 * - reading: the central directory of the input's bytes, each entry's compressed bytes inflated
 *   as a stream by Node's zlib (a 300 MB worksheet never becomes one string), or at once for the
 *   small parts;
 * - writing: entries appended to a stream — copied parts as their original compressed bytes (no
 *   inflate and deflate, so they come out byte for byte), new parts deflated as they are produced
 *   (zlib works on its own thread while the XML is generated), sizes in a data descriptor.
 *
 * Zip64 archives are read; written archives stay below 4 GB (the limit is checked).
 */
import { once } from "node:events";
import { Readable, Writable } from "node:stream";
import zlib from "node:zlib";
import { WorkbookError } from "./errors";

/** An entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DATA_DESCRIPTOR = 0x08074b50;
const UTF8_NAMES = 0x0800;
const SIZES_FOLLOW = 0x0008;
const MAX_32 = 0xffffffff;

/** The entries of a zip archive held in `bytes`, by name, in archive order. */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const damaged = (why: string) => new WorkbookError(`the zip package is damaged (${why}).`);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("no end of central directory");
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (
    (count === 0xffff || offset === MAX_32) &&
    end >= 20 &&
    bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR
  ) {
    const zip64End = Number(bytes.readBigUInt64LE(end - 20 + 8));
    if (bytes.readUInt32LE(zip64End) !== ZIP64_END) throw damaged("bad zip64 end record");
    count = Number(bytes.readBigUInt64LE(zip64End + 32));
    offset = Number(bytes.readBigUInt64LE(zip64End + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw damaged("bad central directory");
    const flags = bytes.readUInt16LE(offset + 8);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const entry: ZipEntry = {
      name: nameBytes.toString(flags & UTF8_NAMES ? "utf8" : "latin1"),
      method: bytes.readUInt16LE(offset + 10),
      flags,
      time: bytes.readUInt16LE(offset + 12),
      date: bytes.readUInt16LE(offset + 14),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    };
    // Zip64 extended information: only the fields whose 32-bit value is saturated, in this order.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = bytes.readUInt16LE(extra);
      const length = bytes.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        const next = () => {
          const v = Number(bytes.readBigUInt64LE(p));
          p += 8;
          return v;
        };
        if (entry.size === MAX_32) entry.size = next();
        if (entry.compressedSize === MAX_32) entry.compressedSize = next();
        if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = next();
      }
      extra += 4 + length;
    }
    entries.set(entry.name, entry);
    offset = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, as stored. */
export function rawData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (bytes.readUInt32LE(at) !== LOCAL_HEADER)
    throw new WorkbookError(`the zip package is damaged (bad local header of ${entry.name}).`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

function checkMethod(entry: ZipEntry): void {
  if (entry.flags & 0x0001) throw new WorkbookError(`the part ${entry.name} is encrypted.`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new WorkbookError(
      `the part ${entry.name} uses zip compression method ${entry.method}, not deflate.`,
    );
}

/** An entry's content at once (for small parts). */
export function entryBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  checkMethod(entry);
  const raw = rawData(bytes, entry);
  return entry.method === 0 ? raw : zlib.inflateRawSync(raw);
}

/** An entry's content as a stream of chunks. */
export function entryStream(bytes: Buffer, entry: ZipEntry): Readable {
  checkMethod(entry);
  const raw = rawData(bytes, entry);
  if (entry.method === 0) return Readable.from([raw]);
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(raw);
  return inflate;
}

/** CRC-32 (ISO-HDLC) of `data`, continuing from `crc`: zlib's when Node has it (20.15+). */
const crc32: (data: Uint8Array, crc: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data, crc) => (zlib as unknown as { crc32(d: Uint8Array, c: number): number }).crc32(data, crc)
    : crc32Table();

function crc32Table(): (data: Uint8Array, crc: number) => number {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (data, crc) => {
    let c = (crc ^ MAX_32) >>> 0;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return (c ^ MAX_32) >>> 0;
  };
}

/** Text written in pieces to a part being deflated; `write` resolves when there is room for more. */
export interface TextSink {
  write(text: string): Promise<void> | void;
}

/** Pieces of text are joined up to this many characters before they go to zlib. */
const TEXT_BATCH = 1 << 20;

/** DOS date and time of now, as zip entries carry them. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Writes a zip archive to a stream, entry by entry (see the module comment). */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly names = new Set<string>();
  private readonly stamp = dosDateTime(new Date());

  constructor(
    private readonly out: Writable,
    private readonly level = 6,
  ) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  private checkSize(): void {
    if (this.offset > MAX_32)
      throw new WorkbookError(
        "The output would be larger than 4 GB, more than an .xlsx written here can hold.",
      );
  }

  private localHeader(name: Buffer, e: Omit<ZipEntry, "name" | "localHeaderOffset">): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(e.flags, 6);
    header.writeUInt16LE(e.method, 8);
    header.writeUInt16LE(e.time, 10);
    header.writeUInt16LE(e.date, 12);
    header.writeUInt32LE(e.flags & SIZES_FOLLOW ? 0 : e.crc32, 14);
    header.writeUInt32LE(e.flags & SIZES_FOLLOW ? 0 : e.compressedSize, 18);
    header.writeUInt32LE(e.flags & SIZES_FOLLOW ? 0 : e.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, name]);
  }

  private record(name: Buffer, e: Omit<ZipEntry, "name">): void {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(e.flags, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt16LE(e.time, 12);
    header.writeUInt16LE(e.date, 14);
    header.writeUInt32LE(e.crc32, 16);
    header.writeUInt32LE(e.compressedSize, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(e.localHeaderOffset, 42);
    this.central.push(header, name);
  }

  private nameBytes(name: string): Buffer {
    if (this.names.has(name)) throw new Error(`Zip entry ${name} written twice.`);
    this.names.add(name);
    return Buffer.from(name, "utf8");
  }

  /** Copies an entry of another archive as its stored bytes (same compression, same CRC). */
  async copy(entry: ZipEntry, raw: Buffer): Promise<void> {
    const name = this.nameBytes(entry.name);
    const e = { ...entry, flags: (entry.flags & ~SIZES_FOLLOW) | UTF8_NAMES, localHeaderOffset: this.offset };
    this.record(name, e);
    await this.emit(this.localHeader(name, e));
    await this.emit(raw);
    this.checkSize();
  }

  /** Adds a part whose content is known (deflated at once). */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const compressed = zlib.deflateRawSync(data, { level: this.level });
    const nameBuffer = this.nameBytes(name);
    const e = {
      method: 8,
      flags: UTF8_NAMES,
      crc32: crc32(data, 0),
      compressedSize: compressed.length,
      size: data.length,
      ...this.stamp,
      localHeaderOffset: this.offset,
    };
    this.record(nameBuffer, e);
    await this.emit(this.localHeader(nameBuffer, e));
    await this.emit(compressed);
    this.checkSize();
  }

  /** Adds a part whose text `produce` writes piece by piece; it is deflated as it comes. */
  async addStreamed(name: string, produce: (sink: TextSink) => Promise<void>): Promise<void> {
    const nameBuffer = this.nameBytes(name);
    const localHeaderOffset = this.offset;
    const head = {
      method: 8,
      flags: UTF8_NAMES | SIZES_FOLLOW,
      crc32: 0,
      compressedSize: 0,
      size: 0,
      ...this.stamp,
    };
    await this.emit(this.localHeader(nameBuffer, head));
    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 256 * 1024 });
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    let failure: Error | undefined;
    deflate.on("error", (error) => (failure = error));
    deflate.on("data", (chunk: Buffer) => {
      compressedSize += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once("drain", () => deflate.resume());
      }
    });
    const ended = once(deflate, "end");
    let pending = "";
    const flush = async () => {
      if (failure) throw failure;
      const data = Buffer.from(pending, "utf8");
      pending = "";
      crc = crc32(data, crc);
      size += data.length;
      if (!deflate.write(data)) await once(deflate, "drain");
    };
    await produce({
      write: (text: string) => {
        pending += text;
        return pending.length >= TEXT_BATCH ? flush() : undefined;
      },
    });
    await flush();
    deflate.end();
    await ended;
    if (failure) throw failure;
    if (size > MAX_32) throw new WorkbookError(`The part ${name} would be larger than 4 GB.`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.emit(descriptor);
    this.record(nameBuffer, { ...head, crc32: crc >>> 0, compressedSize, size, localHeaderOffset });
    this.checkSize();
  }

  /** Writes the central directory and ends the output stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const chunk of this.central) await this.emit(chunk);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    const count = this.central.length / 2;
    if (count > 0xffff) throw new WorkbookError("The output would have more than 65,535 parts.");
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.checkSize();
    await this.emit(end);
    this.out.end();
    await once(this.out, "finish");
  }
}
