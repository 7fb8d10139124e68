// Turns a flat list of files (from a folder or an archive) into skills: finds each SKILL.md, gives
// every skill its files, parses the manifest and computes the fingerprint.

import { makeFile, makeSymlink, linkLeavesRoot, type FileLimits } from './files.ts';
import { fingerprint } from './fingerprint.ts';
import { parseManifest } from './manifest.ts';
import type { LoadIssue, LoadOptions, LoadResult, LoadedSkill, SkillFile } from './types.ts';

/** A file as read from a folder, an archive or memory, before it becomes a SkillFile. */
export interface RawFile {
  path: string;
  /** The bytes; only the first part of the file when `whole` is set. */
  data?: Uint8Array;
  /** Size and hash of the whole file when `data` is only its beginning (large files read by streaming). */
  whole?: { size: number; sha256: string };
  linkTarget?: string;
  /** A tar hard link: its target is relative to the archive root, not to the link's folder. */
  hardlink?: boolean;
  executable?: boolean;
}

export interface Limits extends FileLimits {
  maxFiles: number;
  maxArchiveEntries: number;
  maxArchiveBytes: number;
  maxCompressionRatio: number;
  maxDepth: number;
  concurrency: number;
}

export function limitsOf(options: LoadOptions = {}): Limits {
  return {
    maxAnalyzedBytes: options.maxAnalyzedBytes ?? 1024 * 1024,
    maxFiles: options.maxFiles ?? 2000,
    maxArchiveEntries: options.maxArchiveEntries ?? 10_000,
    maxArchiveBytes: options.maxArchiveBytes ?? 256 * 1024 * 1024,
    maxCompressionRatio: options.maxCompressionRatio ?? 200,
    maxDepth: options.maxDepth ?? 8,
    concurrency: options.concurrency ?? 16,
  };
}

const manifestNames = ['SKILL.md', 'skill.md', 'skills.md'];

/** The manifest file name in a folder's file names, in ClawHub's order of preference. */
export function manifestIn(names: Iterable<string>): string | undefined {
  const set = new Set(names);
  return manifestNames.find((n) => set.has(n)) ?? [...set].find((n) => n.toLowerCase() === 'skill.md');
}

export function buildSkill(path: string, folderName: string, raw: readonly RawFile[], limits: Limits, inherited: LoadIssue[] = []): LoadResult {
  const issues: LoadIssue[] = [...inherited];
  const manifestFile = manifestIn(raw.filter((f) => !f.path.includes('/')).map((f) => f.path));
  if (!manifestFile) return { ok: false, error: { path, message: `no SKILL.md at the top of ${path}` } };
  let list = [...raw].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (list.length > limits.maxFiles) {
    issues.push({ code: 'too-many-files', message: `${list.length} files; only the first ${limits.maxFiles} were analysed` });
    const keep = list.filter((f) => f.path === manifestFile);
    list = keep.concat(list.filter((f) => f.path !== manifestFile).slice(0, limits.maxFiles - 1));
  }
  const files: SkillFile[] = list.map((f) =>
    f.linkTarget !== undefined
      ? makeSymlink(f.path, f.linkTarget, linkLeavesRoot(f.hardlink ? '' : f.path, f.linkTarget), issues)
      : makeFile(f.path, f.data ?? new Uint8Array(), limits, issues, f.executable, f.whole),
  );
  const manifestEntry = files.find((f) => f.path === manifestFile)!;
  if (manifestEntry.kind === 'symlink') {
    return { ok: false, error: { path, message: `${manifestFile} in ${path} is a symlink; a skill's manifest must be a regular file` } };
  }
  const { manifest, issues: manifestIssues } = parseManifest(manifestEntry.text ?? '', manifestFile);
  issues.push(...manifestIssues);
  const skill: LoadedSkill = {
    path,
    name: manifest.name?.trim() || folderName,
    hash: fingerprint(files),
    manifest,
    files,
    issues,
  };
  return { ok: true, skill };
}

/** Splits an archive's files into skills: the root (or its single top folder), else every folder with a SKILL.md. */
export function skillsInArchive(bundle: string, entries: readonly RawFile[], limits: Limits, issues: LoadIssue[]): LoadResult[] {
  const bundleName = bundle.split('/').pop()!.replace(/\.(zip|tgz|tar\.gz|tar)$/i, '');
  const top = new Set(entries.map((e) => e.path.split('/')[0]!));
  if (manifestIn(entries.filter((e) => !e.path.includes('/')).map((e) => e.path))) {
    return [buildSkill(bundle, bundleName, entries, limits, issues)];
  }
  if (top.size === 1) {
    const [root] = top;
    const inner = entries.filter((e) => e.path.includes('/')).map((e) => ({ ...e, path: e.path.slice(root!.length + 1) }));
    if (manifestIn(inner.filter((e) => !e.path.includes('/')).map((e) => e.path))) return [buildSkill(bundle, root!, inner, limits, issues)];
  }
  const roots = entries
    .filter((e) => manifestNames.includes(e.path.split('/').pop()!))
    .map((e) => e.path.split('/').slice(0, -1).join('/'))
    .filter((dir) => dir !== '')
    .sort();
  // A skill folder nested inside another skill folder belongs to the outer skill.
  const outer = roots.filter((dir, i) => !roots.slice(0, i).some((o) => dir.startsWith(o + '/')));
  if (outer.length === 0) return [{ ok: false, error: { path: bundle, message: `no SKILL.md found in bundle ${bundle}` } }];
  return outer.map((dir) => {
    const inner = entries.filter((e) => e.path.startsWith(dir + '/')).map((e) => ({ ...e, path: e.path.slice(dir.length + 1) }));
    return buildSkill(`${bundle}!${dir}`, dir.split('/').pop()!, inner, limits, issues);
  });
}
