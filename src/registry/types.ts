// The registry's interface: what an admin does (add, approve, remove, look) and what the runtime
// asks for (the skills that may run now, each with its verified directory and its grants).

import type { AuditLog } from '../audit/index.ts';
import type { AllowedHost } from '../sandbox/index.ts';
import type { SkillManifest } from '../skills/index.ts';
import type { SkillReport, Verdict } from '../scan/index.ts';
import type { SecretStore } from '../secrets/index.ts';
import type { Store } from '../store/index.ts';
import type { SkillVersionStatus } from '../store/tables/registry.ts';

export type { SkillVersionStatus };

/** A host:port a skill's commands may reach. */
export type HostGrant = AllowedHost;

export interface RegistryOptions {
  store: Store;
  /** Data directory; versions are copied to `<home>/skills/<name>/<version>/`. */
  home: string;
  audit: AuditLog;
  /** Used to check `--secret` mappings when they are given; gating takes secret names from its caller. */
  secrets?: SecretStore;
  /** Injected for tests. */
  now?: () => Date;
}

export interface AddOptions {
  /** Who adds it: `admin:<name>`, `cli`. */
  actor: string;
  /** Install a suspicious version at once; needs a non-empty `reason`. Never installs a malicious one. */
  approve?: boolean;
  reason?: string;
  /** Env var → Warden secret name; a variable left out maps to the secret of the same name. */
  secretMap?: Readonly<Record<string, string>>;
  /** Hosts beyond the secrets' own that the skill's commands may reach (`host` or `host:port`, port 443 by default). */
  allowHosts?: readonly string[];
}

export type AddOutcome = 'installed' | 'pending' | 'refused' | 'unchanged';

export interface AddResult {
  outcome: AddOutcome;
  name: string;
  version: string;
  status: SkillVersionStatus;
  verdict: Verdict;
  /** The version this one superseded, when it became active. */
  superseded?: string;
  /** One sentence for people: what happened and, when something is left to do, how. */
  message: string;
  report: SkillReport;
}

export interface ApproveOptions {
  /** The version to approve (a hash or a unique prefix); default: the newest pending one. */
  version?: string;
  actor: string;
  reason: string;
  /** Replaces the version's mapping / host grants when given. */
  secretMap?: Readonly<Record<string, string>>;
  allowHosts?: readonly string[];
}

export interface RemoveOptions {
  actor: string;
  reason?: string;
}

export interface FindingCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

export interface VersionView {
  name: string;
  version: string;
  status: SkillVersionStatus;
  verdict: Verdict;
  score: number;
  findings: FindingCounts;
  installedAt: string;
  installedBy: string;
  sourcePath: string;
  approvedBy?: string;
  approvalReason?: string;
  approvedAt?: string;
  secretMap: Record<string, string>;
  allowHosts: HostGrant[];
  description: string;
}

export interface SkillSummary {
  name: string;
  description: string;
  activeVersion?: string;
  /** The newest version's status (what an admin most likely needs to act on). */
  latestStatus: SkillVersionStatus;
  latestVerdict: Verdict;
  versionCount: number;
  removed: boolean;
  updatedAt: string;
}

export interface SkillDetail extends SkillSummary {
  /** Newest first. */
  versions: VersionView[];
  /** Kept scan report of each version, by version. */
  reports: Record<string, SkillReport>;
}

export interface GatingEnvironment {
  /** Whether a program exists in the sandbox image (/usr/bin, /bin, /usr/local/bin). */
  binExists(name: string): boolean;
  /** Names of the secrets in Warden's secret store. */
  secretNames: ReadonlySet<string> | readonly string[];
  /** The sandbox's platform in Node's terms (`linux`). */
  platform: string;
}

/** An active, verified skill as the runtime uses it. */
export interface ActiveSkill {
  name: string;
  description: string;
  version: string;
  /** Absolute directory of the registry's copy, verified against `version` at this call. */
  dir: string;
  manifest: SkillManifest;
  /** Env var → secret name for every variable granted (required ones and explicit mappings). */
  secretMap: Record<string, string>;
  allowHosts: HostGrant[];
}

export interface UnavailableSkill {
  name: string;
  version: string;
  reason: string;
}

export interface ActiveSkills {
  skills: ActiveSkill[];
  unavailable: UnavailableSkill[];
}

export interface Registry {
  add(input: string, options: AddOptions): Promise<AddResult>;
  list(): Promise<SkillSummary[]>;
  /** Throws skill-not-found for an unknown name. */
  show(name: string): Promise<SkillDetail>;
  approve(name: string, options: ApproveOptions): Promise<VersionView>;
  remove(name: string, options: RemoveOptions): Promise<void>;
  activeSkills(environment: GatingEnvironment): Promise<ActiveSkills>;
}
