// `warden skills add PATH|ZIP [--approve --reason TEXT] [--secret ENV=NAME]… [--allow-host HOST[:PORT]]… [--json]`,
// `warden skills list [--json]`, `warden skills show NAME [--json]`,
// `warden skills approve NAME [--version HASH] --reason TEXT [--secret ENV=NAME]… [--allow-host H]…`,
// `warden skills remove NAME [--reason TEXT]`.
// Exit 0 on success, 1 when a skill was refused or left pending, 2 on usage and input errors.

import type { Command } from 'commander';
import { createAuditLog } from '../../audit/index.ts';
import { loadConfig } from '../../config/index.ts';
import { createRegistry, parseSecretEntries, type AddResult, type Registry, type SkillDetail, type VersionView } from '../../registry/index.ts';
import { escapeTerminal, formatText } from '../../scan/index.ts';
import { openSecretStore } from '../../secrets/index.ts';
import { openStoreFromConfig } from '../../store/from-config.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The admin at the terminal, as the audit log names them. */
const actorOf = (io: CliIo) => `admin:${io.env.USER || io.env.LOGNAME || 'cli'}`;

/** Opens the store and the registry for one command and closes the store afterwards. */
async function withRegistry<T>(io: CliIo, needSecrets: boolean, body: (registry: Registry) => Promise<T>): Promise<T> {
  const loaded = loadConfig(io.env, io.cwd);
  const secrets = needSecrets ? openSecretStore({ home: loaded.home, env: io.env }) : undefined;
  const store = await openStoreFromConfig(loaded, io.env);
  try {
    const registry = createRegistry({ store, home: loaded.home, audit: createAuditLog({ store }), ...(secrets ? { secrets } : {}) });
    return await body(registry);
  } finally {
    await store.close();
  }
}

const short = (version: string | undefined) => (version ? version.slice(0, 12) : '-');

function findingsLine(v: VersionView): string {
  const f = v.findings;
  const parts = (['critical', 'high', 'medium', 'low'] as const).filter((k) => f[k] > 0).map((k) => `${f[k]} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

function grantsLine(v: VersionView): string {
  const secrets = Object.entries(v.secretMap).map(([env, name]) => `${env}=${name}`);
  const hosts = v.allowHosts.map((h) => `${h.host}:${h.port}`);
  return `secrets: ${secrets.join(', ') || '(same-name defaults)'}; extra hosts: ${hosts.join(', ') || 'none'}`;
}

function addText(result: AddResult, color: boolean): string {
  const lines = [escapeTerminal(result.message)];
  if (result.report.findings.length > 0) lines.push('', formatText({ version: 1, skills: [result.report], errors: [] }, { color }).trimEnd());
  return `${lines.join('\n')}\n`;
}

function showText(detail: SkillDetail, color: boolean): string {
  const out = [
    `${detail.name}${detail.removed ? ' (removed)' : ''}: ${escapeTerminal(detail.description)}`,
    `active version: ${detail.activeVersion ?? 'none'}`,
    '',
  ];
  for (const v of detail.versions) {
    out.push(`${v.version}  ${v.status}  ${v.verdict} (score ${v.score}; ${findingsLine(v)})`);
    out.push(`  added ${v.installedAt} by ${v.installedBy} from ${escapeTerminal(v.sourcePath)}`);
    if (v.approvedBy) out.push(`  approved ${v.approvedAt} by ${v.approvedBy}: ${escapeTerminal(v.approvalReason ?? '')}`);
    out.push(`  ${grantsLine(v)}`);
  }
  for (const v of detail.versions) {
    out.push('', `scan report of ${short(v.version)}:`, formatText({ version: 1, skills: [detail.reports[v.version]!], errors: [] }, { color }).trimEnd());
  }
  return `${out.join('\n')}\n`;
}

interface GrantFlags {
  secret: string[];
  allowHost: string[];
}

export function registerSkills(program: Command, io: CliIo, exit: ExitCode): void {
  const color = io.stdout.isTTY === true && !io.env.NO_COLOR;
  const skills = program.command('skills').description('the skill registry: scanned, approved, pinned by content hash');
  skills
    .command('add')
    .description('scan a skill folder or .zip/.tgz and install it: clean installs, suspicious waits for approval, malicious is refused')
    .argument('<path>', 'skill folder, or a .zip / .tgz / .tar.gz bundle holding one skill')
    .option('--approve', 'install a suspicious skill at once (needs --reason; never a malicious one)')
    .option('--reason <text>', 'why a suspicious skill may run (kept in the audit log)')
    .option('--secret <env=name>', 'give the skill the Warden secret NAME as variable ENV (repeatable)', collect, [])
    .option('--allow-host <host[:port]>', 'an extra host the skill\'s commands may reach (repeatable; default port 443)', collect, [])
    .option('--json', 'print the result as JSON')
    .action(async (path: string, flags: GrantFlags & { approve?: boolean; reason?: string; json?: boolean }) => {
      const secretMap = parseSecretEntries(flags.secret);
      const result = await withRegistry(io, flags.secret.length > 0, (registry) =>
        registry.add(path, {
          actor: actorOf(io),
          ...(flags.approve ? { approve: true } : {}),
          ...(flags.reason !== undefined ? { reason: flags.reason } : {}),
          secretMap,
          allowHosts: flags.allowHost,
        }),
      );
      io.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : addText(result, color));
      exit.code = result.status === 'active' ? 0 : 1;
    });
  skills
    .command('list')
    .description('every skill with its active version, newest status and verdict')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const list = await withRegistry(io, false, (registry) => registry.list());
      if (flags.json) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) io.stdout.write('no skills in the registry; add one with `warden skills add PATH`\n');
      else {
        for (const s of list) {
          io.stdout.write(`${s.name}\t${s.removed ? 'removed' : s.latestStatus}\t${s.latestVerdict}\tactive ${short(s.activeVersion)}\t${escapeTerminal(s.description)}\n`);
        }
      }
      exit.code = 0;
    });
  skills
    .command('show')
    .description('a skill\'s versions with verdicts, approvals, grants and the kept scan reports')
    .argument('<name>')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const detail = await withRegistry(io, false, (registry) => registry.show(name));
      io.stdout.write(flags.json ? `${JSON.stringify(detail, null, 2)}\n` : showText(detail, color));
      exit.code = 0;
    });
  skills
    .command('approve')
    .description('approve a suspicious version (the newest pending one unless --version), with a reason')
    .argument('<name>')
    .option('--version <hash>', 'the version to approve (at least 6 characters of its hash)')
    .option('--reason <text>', 'why it may run (required; kept in the audit log)')
    .option('--secret <env=name>', 'give the skill the Warden secret NAME as variable ENV (repeatable; replaces the mapping)', collect, [])
    .option('--allow-host <host[:port]>', 'an extra host the skill\'s commands may reach (repeatable; replaces the list)', collect, [])
    .action(async (name: string, flags: GrantFlags & { version?: string; reason?: string }) => {
      const secretMap = flags.secret.length > 0 ? parseSecretEntries(flags.secret) : undefined;
      const view = await withRegistry(io, secretMap !== undefined, (registry) =>
        registry.approve(name, {
          actor: actorOf(io),
          reason: flags.reason ?? '',
          ...(flags.version ? { version: flags.version } : {}),
          ...(secretMap ? { secretMap } : {}),
          ...(flags.allowHost.length > 0 ? { allowHosts: flags.allowHost } : {}),
        }),
      );
      io.stdout.write(`${view.name} ${short(view.version)}: active, approved by ${view.approvedBy}\n  ${grantsLine(view)}\n`);
      exit.code = 0;
    });
  skills
    .command('remove')
    .description('take a skill out of use and delete its copies (its versions and reports stay on record)')
    .argument('<name>')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action(async (name: string, flags: { reason?: string }) => {
      await withRegistry(io, false, (registry) => registry.remove(name, { actor: actorOf(io), ...(flags.reason ? { reason: flags.reason } : {}) }));
      io.stdout.write(`removed ${name}\n`);
      exit.code = 0;
    });
}
