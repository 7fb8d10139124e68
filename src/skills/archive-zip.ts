// Zip bundles through yauzl (maintained, reads the central directory, validates entry sizes),
// from a buffer: nothing touches the disk.

import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ArchiveBudget, safeEntryPath, type ArchiveContents, type ArchiveLimits } from './archive.ts';
import type { LoadIssue } from './types.ts';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function readEntry(zip: ZipFile, entry: Entry, budget: ArchiveBudget): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!budget.takeBytes(chunk.length)) {
          stream.destroy();
          resolve(undefined);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function readZip(buffer: Buffer, limits: ArchiveLimits): Promise<ArchiveContents> {
  const issues: LoadIssue[] = [];
  const budget = new ArchiveBudget(limits, issues);
  const zip = await openZip(buffer);
  const entries: ArchiveContents['entries'] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          const name = (entry.fileName as unknown as Buffer).toString('utf8');
          if (name.endsWith('/') || !budget.takeEntry()) return;
          const path = safeEntryPath(name, issues);
          if (!path) return;
          if (entry.generalPurposeBitFlag & 1) {
            issues.push({ code: 'encrypted-archive', file: path, message: `zip entry ${path} is encrypted (password-protected); it cannot be analysed` });
            return;
          }
          const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
          if (entry.uncompressedSize > 1_000_000 && ratio > limits.maxCompressionRatio) {
            budget.stop(`${path} expands ${Math.round(ratio)}× (limit ${limits.maxCompressionRatio}×)`);
            return;
          }
          const mode = entry.externalFileAttributes >>> 16;
          const data = await readEntry(zip, entry, budget);
          if (data === undefined) return;
          if ((mode & S_IFMT) === S_IFLNK) entries.push({ path, linkTarget: Buffer.from(data).toString('utf8') });
          else entries.push({ path, data, executable: (mode & 0o111) !== 0 || undefined });
        })().then(() => (budget.exhausted ? resolve() : zip.readEntry()), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return { entries, issues };
}
