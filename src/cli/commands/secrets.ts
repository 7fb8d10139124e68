// `warden secrets set NAME --host HOST[:PORT]… [--header NAME] [--method M]… [--path P]…` (value on
// stdin, never argv), `warden secrets list [--json]` (names, hosts, last use; never values),
// `warden secrets rm NAME`.

import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { WardenError } from '../../core/index.ts';
import { openSecretStore } from '../../secrets/index.ts';
import { allowEntry, parseAllowedHost } from '../../sandbox/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
  // One trailing newline is what `echo` or a here-string adds; it is not part of the secret.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function store(io: CliIo) {
  const { home } = loadConfig(io.env, io.cwd);
  return openSecretStore({ home, env: io.env });
}

export function registerSecrets(program: Command, io: CliIo, exit: ExitCode): void {
  const secrets = program.command('secrets').description('the encrypted secret store (values are read from stdin, never shown)');
  secrets
    .command('set')
    .description('store a secret read from stdin and bind it to the hosts it may be sent to')
    .argument('<name>')
    .requiredOption('--host <host[:port]>', 'host the real value may be sent to (repeatable; default port 443)', collect, [])
    .option('--header <name>', 'the only request header the value may travel in (e.g. authorization)')
    .option('--method <method>', 'HTTP method allowed with the secret (repeatable; default GET HEAD POST PUT PATCH DELETE)', collect, [])
    .option('--path <prefix>', 'path prefix allowed with the secret (repeatable; default any)', collect, [])
    .action(async (name: string, flags: { host: string[]; header?: string; method: string[]; path: string[] }) => {
      if (flags.host.length === 0) throw new WardenError('usage', `secrets set ${name}: give at least one --host HOST[:PORT]`);
      const hosts = flags.host.map((h) => allowEntry(parseAllowedHost(h, '--host')));
      if (io.stdin.isTTY) io.stderr.write(`Enter the value of ${name}, then Ctrl-D:\n`);
      const value = await readStdin(io);
      store(io).set(name, value, {
        hosts,
        ...(flags.header ? { header: flags.header } : {}),
        ...(flags.method.length ? { methods: flags.method } : {}),
        ...(flags.path.length ? { paths: flags.path } : {}),
      });
      io.stdout.write(`stored secret ${name} for ${hosts.join(', ')}\n`);
      exit.code = 0;
    });
  secrets
    .command('list')
    .description('names, hosts and last use of stored secrets (never values)')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) => {
      const list = store(io).list();
      if (flags.json) io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) io.stdout.write('no secrets stored\n');
      else for (const s of list) io.stdout.write(`${s.name}\t${s.hosts.join(',')}\tlast used ${s.lastUsedAt ?? 'never'}\n`);
      exit.code = 0;
    });
  secrets
    .command('rm')
    .description('remove a stored secret')
    .argument('<name>')
    .action((name: string) => {
      if (!store(io).remove(name)) throw new WardenError('secret-not-found', `no secret named "${name}"; see \`warden secrets list\``, { name });
      io.stdout.write(`removed secret ${name}\n`);
      exit.code = 0;
    });
}
