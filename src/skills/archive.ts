// Archive entries, read in memory with caps. An entry with `..` or an absolute path is skipped and
// reported; symlinks are kept as links (never written or followed); sizes are counted as bytes
// arrive, so a lying header cannot inflate past the cap.

import type { LoadIssue } from './types.ts';

export type { RawFile as ArchiveEntry } from './build.ts';
import type { RawFile } from './build.ts';

export interface ArchiveLimits {
  maxArchiveEntries: number;
  maxArchiveBytes: number;
  maxCompressionRatio: number;
}

export interface ArchiveContents {
  entries: RawFile[];
  issues: LoadIssue[];
}

/** Cleans an entry name; undefined (with an issue) when it escapes the archive root. */
export function safeEntryPath(raw: string, issues: LoadIssue[]): string | undefined {
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:\//.test(name)) {
    issues.push({ code: 'archive-absolute-path', file: name, message: `archive entry has an absolute path: ${name} (skipped)` });
    return undefined;
  }
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    issues.push({ code: 'archive-path-traversal', file: name, message: `archive entry escapes the archive with "..": ${name} (skipped)` });
    return undefined;
  }
  return parts.length ? parts.join('/') : undefined;
}

/** Tracks the caps over a whole archive. */
export class ArchiveBudget {
  readonly limits: ArchiveLimits;
  readonly issues: LoadIssue[];
  entries = 0;
  bytes = 0;
  exhausted = false;

  constructor(limits: ArchiveLimits, issues: LoadIssue[]) {
    this.limits = limits;
    this.issues = issues;
  }

  /** Counts one more entry; false when the entry cap is reached (reported once). */
  takeEntry(): boolean {
    if (this.exhausted) return false;
    if (++this.entries > this.limits.maxArchiveEntries) {
      this.stop(`more than ${this.limits.maxArchiveEntries} entries; the rest were not read`);
      return false;
    }
    return true;
  }

  /** Counts bytes as they are inflated; false when the total cap is passed. */
  takeBytes(n: number): boolean {
    this.bytes += n;
    if (this.bytes > this.limits.maxArchiveBytes) {
      this.stop(`more than ${this.limits.maxArchiveBytes} bytes uncompressed; the rest were not read`);
      return false;
    }
    return true;
  }

  stop(why: string): void {
    if (!this.exhausted) this.issues.push({ code: 'archive-bomb', message: `archive looks like a decompression bomb: ${why}` });
    this.exhausted = true;
  }
}
