export { loadSkills, loadSkillFromFiles } from './load.ts';
export { parseManifest } from './manifest.ts';
export { fingerprint } from './fingerprint.ts';
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
