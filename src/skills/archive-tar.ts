// Tar and gzipped tar bundles through tar-stream (maintained, streaming), gunzipped by node:zlib
// with the inflated size counted against the budget.

import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveBudget, safeEntryPath, type ArchiveContents, type ArchiveLimits } from './archive.ts';
import type { LoadIssue } from './types.ts';

export async function readTar(buffer: Buffer, gzipped: boolean, limits: ArchiveLimits): Promise<ArchiveContents> {
  const issues: LoadIssue[] = [];
  const budget = new ArchiveBudget(limits, issues);
  const entries: ArchiveContents['entries'] = [];
  const extract = tar.extract();
  const source = Readable.from([buffer]);
  let inflated = 0;
  const input = gzipped ? source.pipe(createGunzip()) : source;
  if (gzipped) {
    input.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (buffer.length > 0 && inflated > 1_000_000 && inflated / buffer.length > limits.maxCompressionRatio) {
        budget.stop(`gzip stream expands more than ${limits.maxCompressionRatio}×`);
        input.destroy();
        extract.destroy();
      }
    });
  }
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('close', resolve);
    extract.on('error', (e) => (budget.exhausted ? resolve() : reject(e)));
    input.on('error', (e) => (budget.exhausted ? resolve() : reject(e)));
  });
  extract.on('entry', (header, stream, next) => {
    const skip = () => {
      stream.on('end', next);
      stream.resume();
    };
    if (header.type === 'directory' || !budget.takeEntry()) return skip();
    const path = safeEntryPath(header.name, issues);
    if (!path) return skip();
    if (header.type === 'symlink' || header.type === 'link') {
      entries.push({ path, linkTarget: header.linkname ?? '', hardlink: header.type === 'link' || undefined });
      return skip();
    }
    if (header.type !== 'file' && header.type !== 'contiguous-file') return skip();
    const chunks: Buffer[] = [];
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      if (!budget.takeBytes(chunk.length)) {
        extract.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      entries.push({ path, data: Buffer.concat(chunks), executable: ((header.mode ?? 0) & 0o111) !== 0 || undefined });
      next();
    });
  });
  input.pipe(extract);
  await done;
  return { entries, issues };
}
