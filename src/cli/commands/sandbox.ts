// `warden sandbox exec --workspace DIR [--allow HOST[:PORT]]… [--secret ENV=NAME]… [--timeout S]
// [--memory MB] [--events FILE] -- CMD [ARGS…]`: runs CMD in the box, passes its output through,
// writes the events as JSON lines, and exits with CMD's code, 124 when a limit ended it, 125 when
// the sandbox refused to start or the arguments are wrong (the coreutils `timeout` convention).

import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { constants } from 'node:os';
import { loadConfig } from '../../config/index.ts';
import { isWardenError, WardenError } from '../../core/index.ts';
import { openSecretStore, STORE_FILE } from '../../secrets/index.ts';
import { createSandboxPool, parseAllowedHost, type ContainmentEvent, type SecretGrant } from '../../sandbox/index.ts';
import { grantFor, readCanaries } from '../../gateway/grants.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

export const EXIT_LIMIT = 124;
export const EXIT_REFUSED = 125;

const usage = `Usage: warden sandbox exec --workspace DIR [--allow HOST[:PORT]]... [--secret ENV=NAME]...
                           [--timeout S] [--memory MB] [--events FILE]
                           [--principal ID] [--skill NAME] -- CMD [ARGS...]

Runs CMD in a sandbox that sees only DIR (read-write), the system directories read-only and a
private /tmp. Network goes only to the --allow hosts (default port 443), through Warden's egress
proxy. --secret puts a placeholder for stored secret NAME in variable ENV; the proxy swaps it for
the real value only on requests to that secret's hosts.

Exit codes: CMD's own; 124 a limit ended it; 125 the sandbox refused to start or bad arguments.
`;

interface ExecFlags {
  workspace: string;
  allow: string[];
  secret: string[];
  timeout?: number;
  memory?: number;
  events?: string;
  principal?: string;
  skill?: string;
  argv: string[];
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new WardenError('usage', `${flag} "${value}": expected a positive number`);
  return n;
}

export function parseExecArgs(raw: string[]): ExecFlags {
  const split = raw.indexOf('--');
  const own = split < 0 ? raw : raw.slice(0, split);
  const argv = split < 0 ? [] : raw.slice(split + 1);
  let values;
  try {
    ({ values } = parseArgs({
      args: own,
      options: {
        workspace: { type: 'string' },
        allow: { type: 'string', multiple: true, default: [] },
        secret: { type: 'string', multiple: true, default: [] },
        timeout: { type: 'string' },
        memory: { type: 'string' },
        events: { type: 'string' },
        principal: { type: 'string' },
        skill: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new WardenError('usage', `${(error as Error).message} (put the command after "--")`);
  }
  if (!values.workspace) throw new WardenError('usage', '--workspace DIR is required');
  if (argv.length === 0 || argv[0] === '') throw new WardenError('usage', 'no command: give it after "--", e.g. -- bash -c "echo hi"');
  return {
    workspace: values.workspace,
    allow: values.allow,
    secret: values.secret,
    timeout: number(values.timeout, '--timeout'),
    memory: number(values.memory, '--memory'),
    events: values.events,
    principal: values.principal,
    skill: values.skill,
    argv,
  };
}

function signalNumber(signal: string | null): number {
  return signal ? (constants.signals[signal as keyof typeof constants.signals] ?? 0) : 0;
}

export async function runSandboxExec(raw: string[], io: CliIo): Promise<number> {
  const events: ContainmentEvent[] = [];
  let flags: ExecFlags | undefined;
  const writeEvents = () => {
    if (flags?.events) writeFileSync(resolve(io.cwd, flags.events), events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''));
  };
  let pool: ReturnType<typeof createSandboxPool> | undefined;
  try {
    flags = parseExecArgs(raw);
    const loaded = loadConfig(io.env, io.cwd);
    const { config, file, home } = loaded;
    const base = file ? dirname(file) : io.cwd;
    const allowHosts = flags.allow.map((a) => parseAllowedHost(a));
    const grants: SecretGrant[] = [];
    // The store is opened whenever one exists: DLP must recognise every stored secret, granted or not.
    const store = flags.secret.length > 0 || existsSync(join(home, STORE_FILE)) ? openSecretStore({ home, env: io.env }) : undefined;
    const knownSecrets = (store?.list() ?? []).map((s) => ({ name: s.name, value: store!.get(s.name).value }));
    for (const spec of flags.secret) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(spec);
      if (!m) throw new WardenError('usage', `--secret "${spec}": expected ENV=NAME, e.g. --secret GITHUB_TOKEN=github`);
      grants.push(grantFor(store!, m[1]!, m[2]!));
    }
    pool = createSandboxPool({
      canaries: readCanaries(loaded, io.cwd),
      knownSecrets,
      upstreamCaFile: config.sandbox.upstreamCaFile ? resolve(base, config.sandbox.upstreamCaFile) : undefined,
      defaultLimits: config.sandbox.limits,
    });
    const result = await pool.runSandboxed({
      workspace: resolve(io.cwd, flags.workspace),
      command: flags.argv[0]!,
      args: flags.argv.slice(1),
      allowHosts,
      secrets: grants,
      limits: { ...(flags.timeout ? { wallTimeSec: flags.timeout } : {}), ...(flags.memory ? { memoryMb: flags.memory } : {}) },
      principal: flags.principal,
      skill: flags.skill,
      onEvent: (e) => events.push(e),
    });
    io.stdout.write(result.stdout);
    io.stderr.write(result.stderr);
    if (result.truncated) io.stderr.write(`\nwarden: output cut at the output limit\n`);
    const used = new Set(events.flatMap((e) => (e.type === 'egress.decision' && e.outcome === 'allow' ? (e.secrets ?? []) : [])));
    if (store && used.size > 0) store.markUsed([...used]);
    const run = events.find((e) => e.type === 'sandbox.run');
    if (run?.type === 'sandbox.run' && run.outcome === 'refused') {
      io.stderr.write(`warden: sandbox refused: ${run.reason}\n`);
      return EXIT_REFUSED;
    }
    if (result.limitHit) {
      io.stderr.write(`warden: limit ${result.limitHit} reached; the command was killed\n`);
      return EXIT_LIMIT;
    }
    return result.exitCode ?? 128 + signalNumber(result.signal);
  } catch (error) {
    if (!isWardenError(error)) throw error;
    io.stderr.write(`warden: ${error.message}\n`);
    return EXIT_REFUSED;
  } finally {
    writeEvents();
    await pool?.close();
  }
}

export function registerSandbox(program: Command, io: CliIo, exit: ExitCode): void {
  const sandbox = program.command('sandbox').description('run commands in the sandbox');
  sandbox
    .command('exec')
    .description('run a command in a sandbox (see --help for flags and exit codes)')
    .argument('[args...]')
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', `\n${usage}`)
    .action(async (args: string[]) => {
      exit.code = await runSandboxExec(args, io);
    });
}
