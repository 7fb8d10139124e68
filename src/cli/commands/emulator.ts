// `warden emulator dingtalk [--port N] [--org FILE]`: runs the DingTalk emulator on 127.0.0.1, prints
// its base URL as the first line of stdout and runs until SIGINT/SIGTERM.
// `warden emulator org --url URL`: the organisation as JSON (credentials, users, chats, tables).
// `warden emulator say --url URL --as USERID [--chat ID] [--no-wait] TEXT`: writes to the bot as a
// user and prints the bot's replies until the turn ends (see follow-turn.ts for "ends").

import type { Command } from 'commander';
import { WardenError } from '../../core/index.ts';
import { followTurn } from '../../emulator/dingtalk/follow-turn.ts';
import { loadOrgFile, startDingtalkEmulator, type PostMessageResult } from '../../emulator/dingtalk/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new WardenError('usage', `emulator dingtalk --port: "${value}" is not a port number (0–65535); e.g. --port 8790`);
  return port;
}

function baseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new WardenError('usage', `--url: "${value}" is not a URL; pass the first line \`warden emulator dingtalk\` printed, e.g. --url http://127.0.0.1:8790`);
  }
  if (url.protocol !== 'http:') throw new WardenError('usage', `--url: the emulator speaks http:// (got ${url.protocol})`);
  return url.origin;
}

async function control(url: string, path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  } catch (error) {
    throw new WardenError('input-not-found', `no DingTalk emulator answers at ${url} (${(error as Error).message}); start one with \`warden emulator dingtalk\``);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
  if (response.status === 400 && typeof body?.error === 'string') throw new WardenError('usage', `emulator refused: ${body.error}`);
  if (!response.ok) throw new WardenError('input-not-found', `${url}${path} answered HTTP ${response.status}; is ${url} a Warden DingTalk emulator?`);
  return body;
}

export function registerEmulator(program: Command, io: CliIo, exit: ExitCode): void {
  const emulator = program.command('emulator').description('a local DingTalk for trying Warden without an account');

  emulator
    .command('dingtalk')
    .description('run the DingTalk emulator on 127.0.0.1; prints its base URL first')
    .option('--port <n>', 'port (0 picks a free one)', parsePort, 0)
    .option('--org <file>', 'organisation YAML (default: the built-in demo org)')
    .action(async (flags: { port: number; org?: string }) => {
      const org = flags.org === undefined ? undefined : await loadOrgFile(flags.org);
      const running = await startDingtalkEmulator({ port: flags.port, ...(org ? { org } : {}) });
      io.stdout.write(`${running.url}\n`);
      const { app } = running.control.org();
      io.stderr.write(`DingTalk emulator for ${app.name}: clientId ${app.clientId}, robotCode ${app.robotCode}; apiBaseUrl = oapiBaseUrl = ${running.url}\n`);
      io.stderr.write(`try: warden emulator org --url ${running.url}   (Ctrl-C stops it)\n`);
      // A long-running command: it ends on a signal, so it listens for them itself.
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
      exit.code = 0;
    });

  emulator
    .command('org')
    .description('print the emulated organisation as JSON')
    .requiredOption('--url <url>', 'the emulator base URL')
    .action(async (flags: { url: string }) => {
      const org = await control(baseUrl(flags.url), '/_emulator/org');
      io.stdout.write(`${JSON.stringify(org, null, 2)}\n`);
    });

  emulator
    .command('say')
    .description("write to the bot as a user and print its replies until the turn ends")
    .requiredOption('--url <url>', 'the emulator base URL')
    .requiredOption('--as <userId>', 'the sender (a userId of the org)')
    .option('--chat <conversationId>', 'a group or chat (default: the 1:1 chat with the bot)')
    .option('--no-wait', 'return once DingTalk accepted the message')
    .option('--timeout <seconds>', 'give up waiting for the end of the turn after this long', '120')
    .argument('<text...>', 'the message')
    .action(async (words: string[], flags: { url: string; as: string; chat?: string; wait: boolean; timeout: string }) => {
      const url = baseUrl(flags.url);
      const timeoutS = Number(flags.timeout);
      if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new WardenError('usage', `say --timeout: "${flags.timeout}" is not a number of seconds; e.g. --timeout 60`);
      const { lastSeq } = (await control(url, '/_emulator/events?after=999999999')) as { lastSeq: number };
      const result = (await control(url, '/_emulator/messages', {
        method: 'POST',
        body: JSON.stringify({ as: flags.as, ...(flags.chat ? { chat: flags.chat } : {}), content: words.join(' ') }),
      })) as PostMessageResult;
      if (!result.accepted) {
        io.stderr.write(`not delivered to the bot: ${result.reason === 'bot-not-mentioned' ? 'a group message must @-mention the bot' : 'DingTalk does not forward this message type from groups'}\n`);
        exit.code = 1;
        return;
      }
      if (!flags.wait) {
        io.stdout.write(`accepted ${result.msgId} in ${result.conversationId}\n`);
        return;
      }
      const end = await followTurn({ url, conversationId: result.conversationId, afterSeq: lastSeq, timeoutMs: timeoutS * 1000, write: (text) => io.stdout.write(text) });
      if (end.kind === 'timeout') {
        io.stderr.write(`no end of the bot's turn within ${timeoutS} s (is Warden connected to ${url}? \`warden emulator org\` shows the app credentials)\n`);
        exit.code = 1;
      } else if (end.kind === 'card' && end.state === 'failed') {
        exit.code = 1;
      }
    });
}
