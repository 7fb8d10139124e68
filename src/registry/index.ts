// The skill registry: the company's approved skills, by content hash, with their scan reports and
// approvals; the read-only copies that run; and the load-time gating of what may run now.

export { createRegistry } from './registry.ts';
export { gate } from './gating.ts';
export type { GateResult } from './gating.ts';
export { imageBinExists, IMAGE_BIN_DIRS } from './image-bins.ts';
export { parseSecretEntries } from './grants.ts';
export { versionDir } from './version-files.ts';
export type {
  ActiveSkill,
  ActiveSkills,
  AddOptions,
  AddOutcome,
  AddResult,
  ApproveOptions,
  FindingCounts,
  GatingEnvironment,
  HostGrant,
  Registry,
  RegistryOptions,
  RemoveOptions,
  SkillDetail,
  SkillSummary,
  SkillVersionStatus,
  UnavailableSkill,
  VersionView,
} from './types.ts';
