export { findSkills, loadSkillFolderSync, loadSkills, loadSkillFromFiles } from './load.ts';
export type { SkillFolder } from './load.ts';
export { parseManifest } from './manifest.ts';
export { fingerprint } from './fingerprint.ts';
// Bundle readers, for callers that need a bundle's bytes again after loading (the registry's copy).
export { readTar } from './archive-tar.ts';
export { readZip } from './archive-zip.ts';
export { limitsOf } from './build.ts';
export type {
  EnvVarSpec,
  InstallSpec,
  LoadError,
  LoadIssue,
  LoadIssueCode,
  LoadOptions,
  LoadResult,
  LoadedSkill,
  OpenClawMetadata,
  SkillFile,
  SkillFileKind,
  SkillManifest,
} from './types.ts';
