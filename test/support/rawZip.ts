import JSZip from "jszip";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/*
 * Zip archives as a hostile file would be built: entries whose compressed data is given as is,
 * with the sizes the central directory should claim (true or not). JSZip cannot write such
 * files, which is the point: the reader must cope with what other tools (or attackers) write.
 */

export interface RawEntry {
  name: string;
  /** Raw deflate data (method 8). */
  data: Uint8Array;
  /** What the data inflates to. */
  size: number;
  crc: number;
  /** What the headers claim instead of `size`, for a forged entry. */
  claimedSize?: number;
}

export function deflated(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** `megabytes` MB of zeros, deflated as a stream (never held uncompressed). */
export async function zeros(name: string, megabytes: number): Promise<RawEntry> {
  const chunk = Buffer.alloc(1 << 20);
  const out: Buffer[] = [];
  const d = createDeflateRaw({ level: 9 });
  d.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => d.on("end", resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!d.write(chunk)) await new Promise((resolve) => d.once("drain", resolve));
  }
  d.end();
  await done;
  return { name, data: Buffer.concat(out), size: megabytes << 20, crc };
}

/** The parts of an .xlsx as raw entries, to add hostile ones to. */
export async function entriesOf(xlsx: Uint8Array): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const entries: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (!f.dir) entries.push(deflated(f.name, await f.async("uint8array")));
  }
  return entries;
}

export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const size = e.claimedSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
