// The skill registry over the store: versions by content hash, their scan reports and approvals,
// the registry's own read-only copy of each version's files, and the skills that may load now.
//
// Every state change is one transaction (a version becomes active and the one before it superseded
// together) followed by its audit record. Files are copied before the row that points at them is
// written, so a crash leaves at worst an unreferenced copy, which the next add of that hash reuses.

import { WardenError } from '../core/index.ts';
import { scanSkill } from '../scan/index.ts';
import type { Transaction } from 'kysely';
import type { LoadedSkill } from '../skills/index.ts';
import type { Database } from '../store/index.ts';
import { admission, loadOne } from './admit.ts';
import { gate } from './gating.ts';
import { checkSecretMap, checkSkillName, parseHostGrants } from './grants.ts';
import { countFindings, filesOf, manifestOf, reportOf, secretMapOf, allowHostsOf, versionView, type VersionRow } from './rows.ts';
import { sourceBytes } from './source-bytes.ts';
import type { ActiveSkill, ActiveSkills, AddOptions, AddResult, ApproveOptions, Registry, RegistryOptions, RemoveOptions, SkillDetail, SkillSummary, UnavailableSkill, VersionView } from './types.ts';
import { fileRecords, installFiles, removeTree, verifyFiles, versionDir, SKILLS_DIR } from './version-files.ts';
import { join } from 'node:path';

const TAMPERED = 'files changed on disk after approval';
const RACED = Symbol('raced');

function notFound(name: string): WardenError {
  return new WardenError('skill-not-found', `no skill named "${name}" in the registry; see \`warden skills list\``, { name });
}

function needReason(reason: string | undefined, where: string): string {
  const text = reason?.trim();
  if (!text) throw new WardenError('usage', `${where} needs --reason TEXT: say why this suspicious skill may run (it is kept in the audit log)`);
  return text;
}

/** Newest first: installed_at, then version for a stable order. */
const newestFirst = (a: VersionRow, b: VersionRow) => (a.installed_at < b.installed_at ? 1 : a.installed_at > b.installed_at ? -1 : a.version < b.version ? 1 : -1);

export function createRegistry(options: RegistryOptions): Registry {
  const { store, home, audit } = options;
  if (!store || !home || !audit) throw new Error('createRegistry: store, home and audit are required');
  const clock = options.now ?? (() => new Date());
  let last = 0;
  /** ISO time, strictly increasing within this process so versions added in one millisecond keep their order. */
  const now = () => new Date((last = Math.max(clock().getTime(), last + 1))).toISOString();
  const reportedTampering = new Set<string>();

  const knownSecrets = () => (options.secrets ? new Set(options.secrets.list().map((s) => s.name)) : undefined);

  async function versionsOf(name: string): Promise<VersionRow[]> {
    const rows = await store.db.selectFrom('skill_versions').selectAll().where('name', '=', name).execute();
    return rows.sort(newestFirst);
  }

  /** Makes `version` the active one: the previous active and older pending versions are superseded. */
  async function activate(trx: Transaction<Database>, name: string, version: string, at: string): Promise<string | undefined> {
    const skill = await trx.selectFrom('skills').select(['active_version']).where('name', '=', name).executeTakeFirst();
    const previous = skill?.active_version ?? undefined;
    const self = await trx.selectFrom('skill_versions').select(['installed_at']).where('name', '=', name).where('version', '=', version).executeTakeFirstOrThrow();
    if (previous && previous !== version) {
      await trx.updateTable('skill_versions').set({ status: 'superseded' }).where('name', '=', name).where('version', '=', previous).execute();
    }
    await trx.updateTable('skill_versions').set({ status: 'superseded' })
      .where('name', '=', name).where('status', '=', 'pending-approval').where('version', '!=', version).where('installed_at', '<', self.installed_at).execute();
    await trx.updateTable('skills').set({ active_version: version, updated_at: at, removed: 0 }).where('name', '=', name).execute();
    return previous && previous !== version ? previous : undefined;
  }

  /**
   * The answer to adding content that is already registered. A copy that no longer verifies (an
   * active or pending version) is restored from the input, whose bytes are checked against the
   * recorded hashes, so "add it again" is the repair for tampering.
   */
  async function unchanged(existing: VersionRow, skill: LoadedSkill): Promise<AddResult> {
    const records = filesOf(existing);
    let restored = '';
    if (existing.status === 'active' || existing.status === 'pending-approval') {
      const dir = versionDir(home, skill.name, skill.hash);
      const broken = await verifyFiles(dir, skill.hash, records);
      if (broken) {
        await installFiles(home, skill.name, skill.hash, records, await sourceBytes(skill), skill);
        await audit.append({ type: 'admin-action', actor: 'system', outcome: 'restored', reason: `${skill.name} copy restored from ${skill.path} (${broken})`, data: { action: 'skill-restore', name: skill.name, version: skill.hash } });
        restored = '; its registry copy had changed on disk and was restored';
      }
    }
    const hint = existing.status === 'pending-approval' ? `; approve it with \`warden skills approve ${skill.name} --reason TEXT\`` : '';
    return {
      outcome: 'unchanged', name: skill.name, version: skill.hash, status: existing.status, verdict: existing.verdict, report: reportOf(existing),
      message: `${skill.name} ${skill.hash.slice(0, 12)} is already in the registry (${existing.status}); nothing changed${restored}${hint}`,
    };
  }

  async function add(input: string, opts: AddOptions): Promise<AddResult> {
    if (opts.approve) needReason(opts.reason, 'skills add --approve');
    const secretMap = checkSecretMap(opts.secretMap ?? {}, knownSecrets());
    const allowHosts = parseHostGrants(opts.allowHosts ?? []);
    const skill = await loadOne(input);
    checkSkillName(skill.name, input);
    const existing = await store.db.selectFrom('skill_versions').selectAll().where('name', '=', skill.name).where('version', '=', skill.hash).executeTakeFirst();
    if (existing && existing.status !== 'removed') return unchanged(existing, skill);
    const report = await scanSkill(skill);
    const decision = admission(report, opts.approve === true, opts.reason);
    const records = fileRecords(skill);
    if (decision.status !== 'refused') await installFiles(home, skill.name, skill.hash, records, await sourceBytes(skill), skill);
    const at = now();
    const row: VersionRow = {
      name: skill.name,
      version: skill.hash,
      manifest: JSON.stringify(skill.manifest),
      report: JSON.stringify(report),
      verdict: report.verdict,
      status: decision.status,
      approved_by: report.verdict === 'suspicious' && decision.status === 'active' ? opts.actor : null,
      approval_reason: report.verdict === 'suspicious' && decision.status === 'active' ? opts.reason!.trim() : null,
      approved_at: report.verdict === 'suspicious' && decision.status === 'active' ? at : null,
      installed_at: at,
      installed_by: opts.actor,
      source_path: skill.path,
      secret_map: JSON.stringify(secretMap),
      allow_hosts: JSON.stringify(allowHosts),
      files: JSON.stringify(decision.status === 'refused' ? [] : records),
    };
    const superseded = await store.transaction(async (trx) => {
      // The upsert locks the skill's row, so adds of one name run one at a time (PostgreSQL; SQLite
      // serialises every write). Another add of the same content may have committed meanwhile,
      // which this read then sees: this one is a no-op (the transaction only bumped updated_at).
      await trx.insertInto('skills').values({ name: skill.name, active_version: null, created_at: at, updated_at: at, removed: 0 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ updated_at: at })).execute();
      const raced = await trx.selectFrom('skill_versions').select(['status']).where('name', '=', skill.name).where('version', '=', skill.hash).executeTakeFirst();
      if (raced && raced.status !== 'removed') return RACED;
      if (existing) await trx.deleteFrom('skill_versions').where('name', '=', skill.name).where('version', '=', skill.hash).execute();
      await trx.insertInto('skill_versions').values(row).execute();
      return decision.status === 'active' ? activate(trx, skill.name, skill.hash, at) : undefined;
    });
    if (superseded === RACED) return unchanged(await store.db.selectFrom('skill_versions').selectAll().where('name', '=', skill.name).where('version', '=', skill.hash).executeTakeFirstOrThrow(), skill);
    await audit.append({
      type: 'skill-install', actor: opts.actor, outcome: decision.outcome, reason: decision.reason,
      data: { name: skill.name, version: skill.hash, verdict: report.verdict, score: report.score, findings: countFindings(report), source: skill.path, superseded, approvedBy: row.approved_by ?? undefined },
    });
    const next = decision.outcome === 'pending' ? `; approve it with \`warden skills approve ${skill.name} --reason TEXT\` after reading \`warden skills show ${skill.name}\`` : '';
    return {
      outcome: decision.outcome, name: skill.name, version: skill.hash, status: decision.status, verdict: report.verdict, report,
      ...(superseded ? { superseded } : {}),
      message: `${skill.name} ${skill.hash.slice(0, 12)}: ${decision.outcome}: ${decision.reason}${next}`,
    };
  }

  function pickVersion(name: string, rows: VersionRow[], wanted: string | undefined): VersionRow {
    if (wanted === undefined) {
      const pending = rows.find((r) => r.status === 'pending-approval');
      if (!pending) {
        throw new WardenError('skill-state', `no version of ${name} is waiting for approval (${rows.map((r) => `${r.version.slice(0, 12)} ${r.status}`).join(', ')}); name one with --version HASH`, { name });
      }
      return pending;
    }
    const matches = rows.filter((r) => r.version.startsWith(wanted.toLowerCase()));
    if (wanted.length < 6 || matches.length !== 1) {
      throw new WardenError('usage', `--version ${wanted}: ${matches.length > 1 || wanted.length < 6 ? 'give at least 6 characters that match one version' : `no version of ${name} starts with it`}; see \`warden skills show ${name}\``, { name, version: wanted });
    }
    return matches[0]!;
  }

  async function approve(name: string, opts: ApproveOptions): Promise<VersionView> {
    const reason = needReason(opts.reason, 'skills approve');
    const secretMap = opts.secretMap ? checkSecretMap(opts.secretMap, knownSecrets()) : undefined;
    const allowHosts = opts.allowHosts ? parseHostGrants(opts.allowHosts) : undefined;
    const rows = await versionsOf(name);
    if (rows.length === 0) throw notFound(name);
    const row = pickVersion(name, rows, opts.version);
    const regrant = row.status === 'active' && (secretMap || allowHosts);
    if (row.status !== 'pending-approval' && !regrant) {
      const why = row.status === 'refused' ? 'was refused as malicious and can never be installed'
        : row.status === 'active' ? 'is already active (give --secret or --allow-host to change its grants)'
        : `is ${row.status}; add it again with \`warden skills add PATH\``;
      throw new WardenError('skill-state', `${name} ${row.version.slice(0, 12)} ${why}`, { name, version: row.version });
    }
    const broken = await verifyFiles(versionDir(home, name, row.version), row.version, filesOf(row));
    if (broken) {
      throw new WardenError('skill-state', `${name} ${row.version.slice(0, 12)}: ${TAMPERED} (${broken}); nothing was approved; \`warden skills add\` the same skill again to restore the copy`, { name, version: row.version });
    }
    const at = now();
    const superseded = await store.transaction(async (trx) => {
      await trx.updateTable('skill_versions').set({
        status: 'active', approved_by: opts.actor, approval_reason: reason, approved_at: at,
        ...(secretMap ? { secret_map: JSON.stringify(secretMap) } : {}),
        ...(allowHosts ? { allow_hosts: JSON.stringify(allowHosts) } : {}),
      }).where('name', '=', name).where('version', '=', row.version).execute();
      return activate(trx, name, row.version, at);
    });
    await audit.append({
      type: 'admin-action', actor: opts.actor, outcome: 'approved', reason,
      data: { action: regrant ? 'skill-regrant' : 'skill-approve', name, version: row.version, verdict: row.verdict, superseded, secretMap, allowHosts },
    });
    const updated = await store.db.selectFrom('skill_versions').selectAll().where('name', '=', name).where('version', '=', row.version).executeTakeFirstOrThrow();
    return versionView(updated);
  }

  async function remove(name: string, opts: RemoveOptions): Promise<void> {
    const skill = await store.db.selectFrom('skills').selectAll().where('name', '=', name).executeTakeFirst();
    if (!skill) throw notFound(name);
    if (skill.removed) throw new WardenError('skill-state', `${name} is already removed`, { name });
    const at = now();
    await store.transaction(async (trx) => {
      await trx.updateTable('skill_versions').set({ status: 'removed' }).where('name', '=', name).where('status', '!=', 'refused').execute();
      await trx.updateTable('skills').set({ active_version: null, removed: 1, updated_at: at }).where('name', '=', name).execute();
    });
    await removeTree(join(home, SKILLS_DIR, name));
    await audit.append({ type: 'admin-action', actor: opts.actor, outcome: 'removed', reason: opts.reason?.trim() || `skill ${name} removed`, data: { action: 'skill-remove', name, version: skill.active_version } });
  }

  function summary(name: string, skillRow: { updated_at: string; removed: number; active_version: string | null }, rows: VersionRow[]): SkillSummary {
    const latest = rows[0]!;
    const active = rows.find((r) => r.version === skillRow.active_version);
    return {
      name,
      description: manifestOf(active ?? latest).description ?? '',
      ...(skillRow.active_version ? { activeVersion: skillRow.active_version } : {}),
      latestStatus: latest.status,
      latestVerdict: latest.verdict,
      versionCount: rows.length,
      removed: skillRow.removed === 1,
      updatedAt: skillRow.updated_at,
    };
  }

  async function list(): Promise<SkillSummary[]> {
    const skills = await store.db.selectFrom('skills').selectAll().orderBy('name').execute();
    const all = await store.db.selectFrom('skill_versions').selectAll().execute();
    return skills.map((s) => summary(s.name, s, all.filter((r) => r.name === s.name).sort(newestFirst))).filter((s) => s.versionCount > 0);
  }

  async function show(name: string): Promise<SkillDetail> {
    const skill = await store.db.selectFrom('skills').selectAll().where('name', '=', name).executeTakeFirst();
    const rows = skill ? await versionsOf(name) : [];
    if (!skill || rows.length === 0) throw notFound(name);
    return { ...summary(name, skill, rows), versions: rows.map(versionView), reports: Object.fromEntries(rows.map((r) => [r.version, reportOf(r)])) };
  }

  async function activeSkills(environment: Parameters<Registry['activeSkills']>[0]): Promise<ActiveSkills> {
    const rows = await store.db.selectFrom('skills')
      .innerJoin('skill_versions', (j) => j.onRef('skill_versions.name', '=', 'skills.name').onRef('skill_versions.version', '=', 'skills.active_version'))
      .select(['skill_versions.name', 'skill_versions.version', 'skill_versions.manifest', 'skill_versions.secret_map', 'skill_versions.allow_hosts', 'skill_versions.files'])
      .where('skills.removed', '=', 0).where('skill_versions.status', '=', 'active').orderBy('skills.name').execute();
    const skills: ActiveSkill[] = [];
    const unavailable: UnavailableSkill[] = [];
    for (const row of rows) {
      const dir = versionDir(home, row.name, row.version);
      const key = `${row.name}@${row.version}`;
      const broken = await verifyFiles(dir, row.version, filesOf(row));
      if (broken) {
        unavailable.push({ name: row.name, version: row.version, reason: `${TAMPERED}: ${broken}` });
        if (!reportedTampering.has(key)) {
          reportedTampering.add(key);
          await audit.append({ type: 'skill-install', actor: 'system', outcome: 'refused', reason: `${row.name} not loaded: ${TAMPERED}`, data: { name: row.name, version: row.version, dir, problem: broken } });
        }
        continue;
      }
      reportedTampering.delete(key);
      const manifest = manifestOf(row);
      const gated = gate(manifest, secretMapOf(row), environment);
      if (!gated.ok) {
        unavailable.push({ name: row.name, version: row.version, reason: gated.reason });
        continue;
      }
      skills.push({ name: row.name, description: manifest.description ?? '', version: row.version, dir, manifest, secretMap: gated.secretMap, allowHosts: allowHostsOf(row) });
    }
    return { skills, unavailable };
  }

  return { add, list, show, approve, remove, activeSkills };
}
