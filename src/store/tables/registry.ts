// Tables of the skill registry: one row per skill name and one per version (content hash). A
// version is immutable once written except for its status and approval columns; a column added
// later is a new migration, never an edit of 0002-registry.

export type SkillVersionStatus = 'active' | 'pending-approval' | 'refused' | 'superseded' | 'removed';

/** One skill name in the registry. */
export interface SkillsTable {
  name: string;
  /** The version (content hash) that runs, or null when none is active (pending, refused, removed). */
  active_version: string | null;
  created_at: string;
  updated_at: string;
  /** 1 after `warden skills remove` until a version is installed again; 0 otherwise. */
  removed: number;
}

/** One version of a skill, keyed by (name, version); version is the ClawHub fingerprint. */
export interface SkillVersionsTable {
  name: string;
  version: string;
  /** The parsed manifest as JSON (SkillManifest). */
  manifest: string;
  /** The scan report of this version as JSON (SkillReport), kept for `warden skills show`. */
  report: string;
  verdict: 'clean' | 'suspicious' | 'malicious';
  status: SkillVersionStatus;
  /** Who approved a suspicious version (`admin:<name>`), null otherwise. */
  approved_by: string | null;
  approval_reason: string | null;
  approved_at: string | null;
  installed_at: string;
  /** Who added it. */
  installed_by: string;
  /** Where it was added from (folder or bundle); never run from there. */
  source_path: string;
  /** JSON object env var → Warden secret name, as given by the admin (defaults are resolved at load time). */
  secret_map: string;
  /** JSON array of `{ host, port }` the admin allowed beyond the secrets' own hosts. */
  allow_hosts: string;
  /** JSON array of `{ path, sha256, size, executable? }`: every file copied, dotfiles included, for integrity checks. */
  files: string;
}

export interface RegistryTables {
  skills: SkillsTable;
  skill_versions: SkillVersionsTable;
}
