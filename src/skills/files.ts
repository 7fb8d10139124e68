// One file's bytes to a SkillFile: hash, head, binary sniffing, UTF-8 decoding with a cap. The
// issues it raises are security signals for the scanner, not errors.

import { createHash } from 'node:crypto';
import type { LoadIssue, SkillFile } from './types.ts';

export interface FileLimits {
  maxAnalyzedBytes: number;
}

const executableMagic: { name: string; bytes: number[] }[] = [
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'Mach-O executable', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xcf] }, // big-endian byte order
  { name: 'Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { name: 'Mach-O universal binary', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'Mach-O universal binary', bytes: [0xca, 0xfe, 0xba, 0xbf] }, // 64-bit fat header
  { name: 'Windows PE executable', bytes: [0x4d, 0x5a] },
];

const archiveMagic: { name: string; bytes: number[]; offset?: number }[] = [
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'rar archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'tar archive', bytes: [0x75, 0x73, 0x74, 0x61, 0x72], offset: 257 },
];

const startsWith = (data: Uint8Array, magic: number[], offset = 0) =>
  data.length >= offset + magic.length && magic.every((b, i) => data[offset + i] === b);

/** Share of control bytes in the sample, leaving out NUL, whitespace and ESC. */
function controlShare(sample: Uint8Array): number {
  let control = 0;
  for (const byte of sample) if ((byte > 0 && byte < 0x09) || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  return sample.length > 0 ? control / sample.length : 0;
}

// Names that an interpreter, the agent or a person reads as text whatever bytes they hold.
const textName = /\.(md|markdown|mdx|txt|rst|sh|bash|zsh|ksh|fish|ps1|psm1|psd1|bat|cmd|py|pyw|js|mjs|cjs|ts|mts|cts|jsx|tsx|json|jsonc|json5|ya?ml|toml|ini|cfg|conf|env|rb|pl|php|lua|html?|xml|svg|csv)$/i;

/** Whether the sample is UTF-8; a multi-byte character cut at the end of the sample is fine. */
function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Binary for analysis, from the first 8 KiB: over 10 % control bytes, or a NUL in bytes that are not
 * UTF-8. Script and Markdown names and shebang files are always text: a NUL in them stops neither bash,
 * node nor the agent, so it must not stop the scanner (one NUL used to hide a whole SKILL.md).
 */
function isBinary(path: string, data: Uint8Array): boolean {
  if (textName.test(path) || startsWith(data, [0x23, 0x21])) return false;
  const sample = data.subarray(0, 8192);
  return controlShare(sample) > 0.1 || (sample.includes(0) && !isUtf8(sample));
}

/** UTF-16 text with a byte order mark (PowerShell and Windows editors write it); interpreters run it. */
const utf16Of = (data: Uint8Array): 'utf-16le' | 'utf-16be' | undefined =>
  startsWith(data, [0xff, 0xfe]) ? 'utf-16le' : startsWith(data, [0xfe, 0xff]) ? 'utf-16be' : undefined;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Builds the SkillFile for `data` (the whole file) and pushes any issue it raises. */
/** `whole` gives the size and hash of the whole file when `data` is only its beginning. */
export function makeFile(
  path: string, data: Uint8Array, limits: FileLimits, issues: LoadIssue[], executable?: boolean,
  whole?: { size: number; sha256: string },
): SkillFile {
  const head = data.subarray(0, 64);
  const size = whole?.size ?? data.length;
  const base = { path, size, sha256: whole?.sha256 ?? sha256Of(data), head: Uint8Array.from(head), executable };
  const exe = executableMagic.find((m) => startsWith(data, m.bytes));
  // "MZ" alone is common in text; require the PE header offset to point at "PE\0\0".
  const isPe = exe?.name.startsWith('Windows') ? isPortableExecutable(data) : true;
  if (exe && isPe) {
    issues.push({ code: 'executable-binary', file: path, message: `${exe.name} bundled in the skill` });
    return { ...base, kind: 'binary' };
  }
  const archive = archiveMagic.find((m) => startsWith(data, m.bytes, m.offset));
  if (archive) {
    issues.push({ code: 'nested-archive', file: path, message: `${archive.name} nested in the skill (not unpacked or analysed)` });
    return { ...base, kind: 'binary' };
  }
  const cut = size > limits.maxAnalyzedBytes;
  const utf16 = utf16Of(data);
  if (!utf16 && isBinary(path, data)) return { ...base, kind: 'binary' };
  const slice = cut ? data.subarray(0, utf16 ? limits.maxAnalyzedBytes & ~1 : limits.maxAnalyzedBytes) : data;
  if (utf16) {
    if (cut) issues.push(tooLarge(path, limits, size));
    return { ...base, kind: 'text', text: new TextDecoder(utf16).decode(slice), truncated: cut || undefined };
  }
  let invalidUtf8 = false;
  let text: string;
  try {
    text = strictUtf8.decode(slice);
  } catch {
    text = lenientUtf8.decode(slice);
    // A cut in the middle of a multi-byte character is not the file's fault.
    invalidUtf8 = !cut || text.slice(0, -1).includes('\uFFFD');
    if (invalidUtf8) issues.push({ code: 'invalid-utf8', file: path, message: 'text is not valid UTF-8; invalid bytes were replaced' });
  }
  if (cut) issues.push(tooLarge(path, limits, size));
  return { ...base, kind: 'text', text, truncated: cut || undefined, invalidUtf8: invalidUtf8 || undefined };
}

const tooLarge = (path: string, limits: FileLimits, size: number): LoadIssue => ({
  code: 'file-too-large', file: path, message: `only the first ${limits.maxAnalyzedBytes} of ${size} bytes were analysed`,
});

function isPortableExecutable(data: Uint8Array): boolean {
  if (data.length < 0x40) return false;
  const offset = data[0x3c]! | (data[0x3d]! << 8) | (data[0x3e]! << 16) | (data[0x3f]! << 24);
  return offset > 0 && offset + 4 <= data.length && startsWith(data, [0x50, 0x45, 0, 0], offset);
}

export function makeSymlink(path: string, target: string, outside: boolean, issues: LoadIssue[]): SkillFile {
  issues.push(
    outside
      ? { code: 'symlink-outside', file: path, message: `symlink points outside the skill: ${target}` }
      : { code: 'symlink', file: path, message: `symlink to ${target} (not followed)` },
  );
  return { path, kind: 'symlink', size: 0, sha256: sha256Of(target), head: new Uint8Array(), linkTarget: target };
}

/** Whether a link target, resolved from the link's folder, leaves the skill root. Paths are POSIX, skill-relative. */
export function linkLeavesRoot(linkPath: string, target: string): boolean {
  if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || target.startsWith('~')) return true;
  const parts = linkPath.split('/').slice(0, -1);
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return true;
      parts.pop();
    } else parts.push(segment);
  }
  return false;
}
