// `warden audit verify` (exit 0 intact, 1 broken, naming the first bad record) and
// `warden audit export [--since ISO] [--format jsonl]` (JSON lines on stdout, oldest first).

import type { Command } from 'commander';
import { createAuditLog } from '../../audit/index.ts';
import { loadConfig } from '../../config/index.ts';
import { WardenError } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { openStoreFromConfig } from '../../store/from-config.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

/** Opens the store the way every command does: WARDEN_DATABASE_URL, then `database.url`, else SQLite in the data directory. */
export function openConfiguredStore(io: CliIo): Promise<Store> {
  return openStoreFromConfig(loadConfig(io.env, io.cwd), io.env);
}

function parseSince(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new WardenError('usage', `audit export --since: "${value}" is not an ISO-8601 date or time; e.g. --since 2026-03-01 or --since 2026-03-01T08:00:00Z`);
  }
  return date;
}

async function write(io: CliIo, text: string): Promise<void> {
  if (!io.stdout.write(text)) await new Promise((resolve) => io.stdout.once('drain', resolve));
}

export function registerAudit(program: Command, io: CliIo, exit: ExitCode): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the whole chain; exit 0 when intact, 1 naming the first bad record')
    .action(async () => {
      const store = await openConfiguredStore(io);
      try {
        const result = await createAuditLog({ store }).verify();
        if (result.ok) {
          io.stdout.write(`audit log intact: ${result.records} records; head #${result.head.seq} sha256:${result.head.hash}\n`);
          exit.code = 0;
        } else {
          io.stdout.write(`audit log BROKEN at record #${result.seq} (${result.problem}): ${result.message}\n${result.records} records before it verified\n`);
          exit.code = 1;
        }
      } finally {
        await store.close();
      }
    });
  audit
    .command('export')
    .description('print records as JSON lines, oldest first')
    .option('--since <iso>', 'only records at or after this time (ISO-8601)')
    .option('--format <format>', 'output format (jsonl)', 'jsonl')
    .action(async (flags: { since?: string; format: string }) => {
      if (flags.format !== 'jsonl') throw new WardenError('usage', `audit export --format: "${flags.format}" is not supported; use --format jsonl`);
      const since = flags.since === undefined ? undefined : parseSince(flags.since);
      const store = await openConfiguredStore(io);
      try {
        for await (const line of createAuditLog({ store }).export({ format: 'jsonl', ...(since ? { since } : {}) })) await write(io, line);
        exit.code = 0;
      } finally {
        await store.close();
      }
    });
}
