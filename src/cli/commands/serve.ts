// `warden serve`: the gateway. Connects to DingTalk in Stream mode (no public URL), runs the agent
// runtime on the configured store, answers until SIGINT/SIGTERM. Unfinished turns of an earlier
// process are resumed first; unanswered DingTalk messages are dispatched again by the channel.

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createDingtalkChannel, type DingtalkChannel } from '../../channels/dingtalk/index.ts';
import { loadConfig } from '../../config/index.ts';
import { WardenError } from '../../core/index.ts';
import { assemble, type Assembly } from '../../gateway/assemble.ts';
import { createDingtalkBridge } from '../../gateway/dingtalk-bridge.ts';
import { openSecretStore } from '../../secrets/index.ts';
import { createDingtalkTools } from '../../tools/dingtalk/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

export function registerServe(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('serve')
    .description('run the gateway: DingTalk (Stream mode), the agent runtime and the store, until stopped')
    .action(async () => {
      exit.code = await serve(io);
    });
}

async function serve(io: CliIo): Promise<number> {
  const log = (line: string) => io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const loaded = loadConfig(io.env, io.cwd);
  const dt = loaded.config.dingtalk;
  if (!dt) throw new WardenError('config-invalid', `${loaded.file ?? 'warden.yaml'}: key "dingtalk": missing; \`warden serve\` needs the DingTalk app (see README "Connect to DingTalk")`);
  let clientSecret: string;
  try {
    clientSecret = openSecretStore({ home: loaded.home, env: io.env }).get(dt.clientSecretSecret).value;
  } catch (error) {
    throw new WardenError('secret-not-found', `dingtalk.clientSecretSecret: cannot read secret "${dt.clientSecretSecret}" (${(error as Error).message}); store it with \`warden secrets set ${dt.clientSecretSecret} --host api.dingtalk.com\``);
  }
  const workspaceRoot = resolve(loaded.home, loaded.config.runtime.workspaces);
  let app: Assembly | undefined;
  let channel: DingtalkChannel | undefined;
  const bridge = createDingtalkBridge({
    runtime: () => app!.runtime,
    channel: () => channel!,
    policy: () => app!.policy(),
    workspaceRoot,
    log,
  });
  // The channel is made with the store, before the runtime (its API client backs the work tools);
  // it starts after the runtime has resumed what an earlier process left unfinished.
  const channelFor = (a: { store: Assembly['store']; audit: Assembly['audit'] }) =>
    createDingtalkChannel({
      config: { clientId: dt.clientId, clientSecret, robotCode: dt.robotCode, ...(dt.cardTemplateId ? { cardTemplateId: dt.cardTemplateId } : {}), ...(dt.approvalCardTemplateId ? { approvalCardTemplateId: dt.approvalCardTemplateId } : {}), ...(dt.corpId ? { corpId: dt.corpId } : {}), apiBaseUrl: dt.apiBaseUrl, oapiBaseUrl: dt.oapiBaseUrl, maxFileBytes: dt.maxFileBytes },
      store: a.store,
      audit: a.audit,
      // Downloads land here first; the bridge moves them into the sender's session workspace.
      workspaceFor: (conversationId) => resolve(loaded.home, 'downloads', createHash('sha256').update(conversationId).digest('hex').slice(0, 32)),
      onMessage: (message) => bridge.onMessage(message),
      onApprovalClick: (click) => bridge.onApprovalClick(click),
      log,
    });
  app = await assemble({
    loaded,
    env: io.env,
    cwd: io.cwd,
    sweepMs: 30_000,
    onError: (error) => log(`internal error: ${(error as Error)?.stack ?? String(error)}`),
    extraTools: (a) => {
      channel = channelFor(a);
      return createDingtalkTools(channel.api, { robotCode: dt.robotCode });
    },
  });
  const stopped = new Promise<void>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: stopping`);
      done();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  try {
    const resumed = await app.runtime.recover();
    if (resumed.length) log(`resuming ${resumed.length} unfinished turn(s)`);
    await channel!.start();
    log(`serving DingTalk app ${dt.clientId} via ${dt.apiBaseUrl}`);
    await stopped;
    return 0;
  } finally {
    bridge.stop();
    await channel?.stop().catch(() => {});
    await app.close();
  }
}
