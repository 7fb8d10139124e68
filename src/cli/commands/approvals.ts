// `warden approvals list [--all] [--json]`, `warden approvals approve ID [--note TEXT]`,
// `warden approvals deny ID [--note TEXT]`: decide waiting requests from the terminal. The waiting
// turn (in `warden serve` or `warden chat`, any process on the same store) resumes on its own.

import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createApprovals } from '../../agent/approvals.ts';
import type { ApprovalView } from '../../agent/types.ts';
import { createAuditLog } from '../../audit/index.ts';
import { loadConfig } from '../../config/index.ts';
import { loadPolicyFile } from '../../gateway/assemble.ts';
import { openStoreFromConfig } from '../../store/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

async function withApprovals<T>(io: CliIo, fn: (approvals: ReturnType<typeof createApprovals>) => Promise<T>): Promise<T> {
  const loaded = loadConfig(io.env, io.cwd);
  const policy = loadPolicyFile(loaded, io.cwd);
  const store = await openStoreFromConfig(loaded, io.env);
  try {
    return await fn(createApprovals({ store, audit: createAuditLog({ store }), policy: () => policy }));
  } finally {
    await store.close();
  }
}

function describe(a: ApprovalView): string {
  const who = a.principalName ? `${a.principalName} (${a.principalId})` : a.principalId;
  const decided = a.status === 'pending' ? `expires ${a.expiresAt}` : `${a.decidedBy ? `by ${a.decidedBy} ` : ''}${a.decidedAt ?? ''}`;
  return `${a.id}  ${a.status.padEnd(8)} ${who}: ${a.action}\n    why: ${a.reason} [${a.rule}]; ${decided}`;
}

export function registerApprovals(program: Command, io: CliIo, exit: ExitCode): void {
  const approvals = program.command('approvals').description('approval requests: list them and decide from the terminal');
  approvals
    .command('list')
    .description('pending requests (all with --all)')
    .option('--all', 'include decided and expired requests')
    .option('--json', 'JSON array on stdout')
    .action(async (flags: { all?: boolean; json?: boolean }) => {
      const list = await withApprovals(io, async (a) => {
        const pending = await a.list({ status: 'pending' });
        for (const p of pending) await a.expireIfDue(p.id);
        return a.list(flags.all ? {} : { status: 'pending' });
      });
      if (flags.json) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) io.stdout.write(flags.all ? 'no approval requests\n' : 'no pending approval requests\n');
      else io.stdout.write(`${list.map(describe).join('\n')}\n`);
      exit.code = 0;
    });
  for (const verb of ['approve', 'deny'] as const) {
    approvals
      .command(verb)
      .description(`${verb} a pending request`)
      .argument('<id>')
      .option('--note <text>', 'why (kept in the audit log and shown to the requester)')
      .action(async (id: string, flags: { note?: string }) => {
        const decided = await withApprovals(io, (a) => a.decide(id, { approve: verb === 'approve', by: { kind: 'cli', name: userInfo().username }, ...(flags.note ? { note: flags.note } : {}) }));
        io.stdout.write(`${decided.id} ${decided.status}\n`);
        exit.code = 0;
      });
  }
}
