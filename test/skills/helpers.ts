// Test helpers: small zip and tar writers (yauzl and tar-stream are only read here, so the tests build
// their bundles byte by byte), temporary folders, and a batch runner.

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { loadSkills } from '../../src/skills/index.ts';
import type { LoadOptions, LoadResult, LoadedSkill } from '../../src/skills/index.ts';

export interface ZipItem {
  name: string;
  data?: string | Uint8Array;
  /** Unix mode stored in the external attributes (e.g. 0o120777 for a symlink). */
  mode?: number;
  deflate?: boolean;
  encrypted?: boolean;
}

/** The fields a zip local header (at 4) and central header (at 6) share, from "version needed" on. */
function entryFields(buf: Buffer, at: number, f: { flags: number; method: number; crc: number; stored: number; raw: number; name: number }): void {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(f.flags, at + 2);
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt32LE(f.crc, at + 10);
  buf.writeUInt32LE(f.stored, at + 14);
  buf.writeUInt32LE(f.raw, at + 18);
  buf.writeUInt16LE(f.name, at + 22);
}

const bytes = (d: string | Uint8Array | undefined) => (typeof d === 'string' ? Buffer.from(d) : Buffer.from(d ?? new Uint8Array()));

/** A zip with one local header per item and a central directory, "made by" Unix so modes count. */
export function makeZip(items: readonly ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const raw = bytes(item.data);
    const packed = item.deflate ? deflateRawSync(raw) : raw;
    // ZipCrypto puts a 12-byte header before the data, counted in the compressed size.
    const stored = item.encrypted ? Buffer.concat([Buffer.alloc(12, 0xa5), packed]) : packed;
    const name = Buffer.from(item.name);
    const fields = { flags: item.encrypted ? 1 : 0, method: item.deflate ? 8 : 0, crc: crc32(raw), stored: stored.length, raw: raw.length, name: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    entryFields(central, 6, fields);
    central.writeUInt32LE(((item.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface TarItem {
  name: string;
  data?: string | Uint8Array;
  mode?: number;
  /** '0' file, '1' hard link, '2' symlink, '5' directory. */
  type?: '0' | '1' | '2' | '5';
  linkname?: string;
}

function octal(buf: Buffer, value: number, at: number, width: number): void {
  buf.write(value.toString(8).padStart(width - 1, '0') + '\0', at, width, 'ascii');
}

/** A ustar archive: 512-byte headers, data padded to 512, two zero blocks at the end. */
export function makeTar(items: readonly TarItem[]): Buffer {
  const parts: Buffer[] = [];
  for (const item of items) {
    const data = bytes(item.data);
    const header = Buffer.alloc(512);
    header.write(item.name, 0, 100, 'utf8');
    octal(header, item.mode ?? 0o644, 100, 8);
    octal(header, 0, 108, 8);
    octal(header, 0, 116, 8);
    octal(header, data.length, 124, 12);
    octal(header, 0, 136, 12);
    header.write(item.type ?? '0', 156, 1, 'ascii');
    header.write(item.linkname ?? '', 157, 100, 'utf8');
    header.write('ustar\u000000', 257, 8, 'ascii');
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
    parts.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const makeTgz = (items: readonly TarItem[]): Buffer => gzipSync(makeTar(items));

export const skillMd = (name: string, extra = '') => `---\nname: ${name}\ndescription: Test skill ${name}\n${extra}---\n# ${name}\n\nDoes ${name} things.\n`;

/** A fresh temporary folder; the callback's files are written into it, and it is removed afterwards. */
export async function withTree<T>(files: Record<string, string | Uint8Array>, run: (root: string) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), 'warden-skills-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return await run(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function collect(paths: string[], options?: LoadOptions): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for await (const result of loadSkills(paths, options)) out.push(result);
  return out;
}

export const skillsOf = (results: LoadResult[]): LoadedSkill[] => results.flatMap((r) => (r.ok ? [r.skill] : []));
export const errorsOf = (results: LoadResult[]) => results.flatMap((r) => (r.ok ? [] : [r.error]));
export const codes = (skill: LoadedSkill | undefined) => (skill?.issues ?? []).map((i) => i.code);
