// `warden chat --as USER [--message TEXT]`: talk to the agent in the terminal as a given principal,
// with the same policy, skills, sandbox and audit as DingTalk users get. Events (tool calls, policy
// decisions, approvals) show as they happen. With --message it answers once and exits (0 answered,
// 1 failed); interactively, approvals can be answered inline by the admin at the terminal.

import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { AgentEvent, ApprovalView } from '../../agent/types.ts';
import { loadConfig } from '../../config/index.ts';
import { assemble, type Assembly } from '../../gateway/assemble.ts';
import { cliPrincipal } from '../../gateway/cli-principal.ts';
import { createRenderer } from '../chat-render.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

interface ChatFlags {
  as: string;
  message?: string;
  conversation?: string;
  department: string[];
  manager?: string;
  external?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerChat(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('chat')
    .description('talk to the agent in the terminal as a given person (policy, sandbox and audit as in DingTalk)')
    .requiredOption('--as <user>', 'the person: a principal named in policy.yaml, or a DingTalk userId')
    .option('--message <text>', 'answer this one message, print the events, and exit (0 answered, 1 failed)')
    .option('--conversation <id>', 'conversation id (default: one per user); turns of a conversation share history')
    .option('--department <id>', "a department the person is in, for policy groups (repeatable)", collect, [])
    .option('--manager <userId>', "the person's manager, for approvals by { manager: true }")
    .option('--external', 'treat the person as outside the organisation')
    .action(async (flags: ChatFlags) => {
      exit.code = await chat(flags, io);
    });
}

async function chat(flags: ChatFlags, io: CliIo): Promise<number> {
  const loaded = loadConfig(io.env, io.cwd);
  const app = await assemble({ loaded, env: io.env, cwd: io.cwd, onError: (error) => io.stderr.write(`warden: internal error: ${(error as Error)?.stack ?? String(error)}\n`) });
  const renderer = createRenderer(io);
  const principal = cliPrincipal(app.policy(), flags.as, { departments: flags.department, ...(flags.manager ? { manager: flags.manager } : {}), ...(flags.external ? { external: true } : {}) });
  const conversationId = flags.conversation ?? `cli-${principal.id}`;
  const interactive = flags.message === undefined;
  const rl = interactive ? createInterface({ input: io.stdin, output: io.stderr, terminal: Boolean(io.stdin.isTTY) }) : undefined;
  const onApproval = async (approval: ApprovalView) => {
    if (!rl) return;
    const answer = (await rl.question(`Approve ${approval.action}? [y/N] `)).trim().toLowerCase();
    try {
      await app.runtime.approvals.decide(approval.id, { approve: answer === 'y' || answer === 'yes', by: { kind: 'cli', name: userInfo().username }, note: 'answered in warden chat' });
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
    }
  };
  const unsubscribe = app.runtime.subscribe((event: AgentEvent) => {
    renderer.render(event);
    if (event.type === 'approval-needed') void onApproval(event.approval);
  });
  try {
    // Turns of this conversation left unfinished by a process that died are finished first.
    const resumed = await app.runtime.recover(`cli:${conversationId}`);
    let failed = false;
    for (const id of resumed) failed = (await app.runtime.outcome(id)).status === 'failed' || failed;
    const ask = async (text: string) => {
      const { turnId } = await app.runtime.submit({ channel: 'cli', conversationId, messageKey: `cli:${randomUUID()}`, principal, text });
      const outcome = await app.runtime.outcome(turnId);
      renderer.flush();
      return outcome.status === 'done';
    };
    if (!interactive) return (await ask(flags.message!)) && !failed ? 0 : 1;
    io.stderr.write(`Chatting as ${principal.name} (${principal.id}). Empty line or Ctrl-D to quit.\n`);
    // A pending question() does not settle when the input ends, so the end is raced explicitly.
    const inputClosed = new Promise<undefined>((resolve) => rl!.once('close', () => resolve(undefined)));
    for (;;) {
      const text = await Promise.race([rl!.question('> ').catch(() => undefined), inputClosed]);
      if (text === undefined || !text.trim()) break;
      await ask(text);
    }
    return 0;
  } finally {
    unsubscribe();
    rl?.close();
    await closeQuietly(app);
  }
}

async function closeQuietly(app: Assembly): Promise<void> {
  await app.close().catch(() => {});
}
