// The skill as the rest of Warden sees it: files already read (the scanner takes contents, not
// paths), the parsed manifest, the ClawHub fingerprint, and what the loader itself noticed.

export type SkillFileKind = 'text' | 'binary' | 'symlink';

export interface SkillFile {
  /** POSIX path relative to the skill root, e.g. `scripts/run.sh`. */
  path: string;
  kind: SkillFileKind;
  /** Size in bytes of the whole file as stored (0 for a symlink). */
  size: number;
  /** SHA-256 (hex) of the whole file's bytes; for a symlink, of its target string. */
  sha256: string;
  /** UTF-8 text for `text` files (invalid sequences replaced by U+FFFD), cut at the analysis cap. */
  text?: string;
  /** The text was cut at the analysis cap (`LoadOptions.maxAnalyzedBytes`). */
  truncated?: boolean;
  /** The text had invalid UTF-8 sequences. */
  invalidUtf8?: boolean;
  /** The file has an executable mode bit (folders and tar bundles; zip when recorded). */
  executable?: boolean;
  /** Target of a symlink, as stored. Symlinks are never followed. */
  linkTarget?: string;
  /** First bytes of the file (up to 64), for format sniffing by the scanner. */
  head: Uint8Array;
}

/** Something the loader noticed that is itself a security signal; the scanner turns each into a finding. */
export type LoadIssueCode =
  | 'symlink-outside'
  | 'symlink'
  | 'archive-path-traversal'
  | 'archive-absolute-path'
  | 'archive-bomb'
  | 'file-too-large'
  | 'too-many-files'
  | 'skill-too-large'
  | 'executable-binary'
  | 'nested-archive'
  | 'invalid-utf8'
  | 'frontmatter-invalid'
  | 'encrypted-archive';

export interface LoadIssue {
  code: LoadIssueCode;
  /** Skill-relative path of the file concerned, when there is one. */
  file?: string;
  message: string;
}

export interface EnvVarSpec {
  name: string;
  required: boolean;
  description?: string;
}

/** One entry of `metadata.openclaw.install[]`; unknown keys are kept in `raw`. */
export interface InstallSpec {
  id?: string;
  kind: string;
  label?: string;
  formula?: string;
  package?: string;
  module?: string;
  url?: string;
  sha256?: string;
  archive?: string;
  bins: string[];
  os: string[];
  raw: Record<string, unknown>;
}

/** `metadata.openclaw` (or its legacy aliases `clawdbot` / `clawdis`), normalised: lists are never undefined. */
export interface OpenClawMetadata {
  requires: { bins: string[]; anyBins: string[]; env: string[]; config: string[] };
  primaryEnv?: string;
  envVars: EnvVarSpec[];
  os: string[];
  install: InstallSpec[];
  always: boolean;
  homepage?: string;
  skillKey?: string;
  emoji?: string;
}

export interface SkillManifest {
  /** Skill-relative path of the manifest file (`SKILL.md`, or ClawHub's `skill.md` / `skills.md`). */
  file: string;
  name?: string;
  description?: string;
  homepage?: string;
  version?: string;
  userInvocable: boolean;
  disableModelInvocation: boolean;
  allowedTools: string[];
  /** Which metadata key the OpenClaw block came from, if any. */
  metadataKey?: 'openclaw' | 'clawdbot' | 'clawdis';
  openclaw: OpenClawMetadata;
  /** The frontmatter as parsed (after JSON5 re-parse of `metadata`), for anything not normalised above. */
  frontmatter: Record<string, unknown>;
  /** The Markdown body after the frontmatter. */
  body: string;
  /** 1-based line number in the manifest file where `body` starts. */
  bodyLine: number;
}

export interface LoadedSkill {
  /** The skill's folder or bundle as given or found (for a bundle: the bundle file; a skill nested in a bundle: `bundle.zip!inner/dir`). */
  path: string;
  /** `manifest.name`, else the folder name. */
  name: string;
  /** ClawHub fingerprint: SHA-256 over the sorted `path:sha256` lines of the skill's files. */
  hash: string;
  manifest: SkillManifest;
  files: SkillFile[];
  issues: LoadIssue[];
}

/** An input that could not be loaded as a skill at all; the batch goes on. */
export interface LoadError {
  path: string;
  message: string;
}

export interface LoadOptions {
  /** Text beyond this many bytes of one file is not analysed (the cut is reported). Default 1 MiB. */
  maxAnalyzedBytes?: number;
  /** A skill with more files is cut (reported). Default 2,000. */
  maxFiles?: number;
  /** Caps for archives. Defaults: 10,000 entries, 256 MiB total uncompressed, ratio 200. */
  maxArchiveEntries?: number;
  maxArchiveBytes?: number;
  maxCompressionRatio?: number;
  /** How many folder levels below an input may be a skill folder (a mirror `owner/slug/` needs 2). Default 8. */
  maxDepth?: number;
  /** How many skills are read at once (results still come in discovery order). Default 16. */
  concurrency?: number;
}

export type LoadResult = { ok: true; skill: LoadedSkill } | { ok: false; error: LoadError };
