// The command tree. Each command lives in commands/<name>.ts and is registered here explicitly.

import { Command, CommanderError } from 'commander';
import { WardenError } from '../core/index.ts';
import type { CliIo } from './io.ts';

type Register = (program: Command, io: CliIo, exit: ExitCode) => void;

// Each command's module is imported only when that command runs (or for help): `warden
// openclaw-policy` and `warden sandbox exec` sit on hot paths and should not load the scanner's
// parsers or the store to answer.
const commands: Readonly<Record<string, () => Promise<Register>>> = {
  scan: () => import('./commands/scan.ts').then((m) => m.registerScan),
  'openclaw-policy': () => import('./commands/openclaw-policy.ts').then((m) => m.registerOpenclawPolicy),
  sandbox: () => import('./commands/sandbox.ts').then((m) => m.registerSandbox),
  secrets: () => import('./commands/secrets.ts').then((m) => m.registerSecrets),
  doctor: () => import('./commands/doctor.ts').then((m) => m.registerDoctor),
  audit: () => import('./commands/audit.ts').then((m) => m.registerAudit),
  emulator: () => import('./commands/emulator.ts').then((m) => m.registerEmulator),
  skills: () => import('./commands/skills.ts').then((m) => m.registerSkills),
  init: () => import('./commands/init.ts').then((m) => m.registerInit),
  chat: () => import('./commands/chat.ts').then((m) => m.registerChat),
  approvals: () => import('./commands/approvals.ts').then((m) => m.registerApprovals),
  serve: () => import('./commands/serve.ts').then((m) => m.registerServe),
};

/** The commands to register for `argv`: the one named, or all of them (help, unknown names). */
function commandsFor(argv: readonly string[]): string[] {
  const name = argv.find((a) => !a.startsWith('-'));
  return name !== undefined && name in commands ? [name] : Object.keys(commands);
}

export interface Program {
  run(argv: string[]): Promise<number>;
}

/** Commands set the exit code through this holder; commander's action return values are ignored. */
export interface ExitCode {
  code: number;
}

export function createProgram(io: CliIo): Program {
  return {
    async run(argv) {
      const exit: ExitCode = { code: 0 };
      const program = new Command('warden')
        .description('Enterprise agent gateway for OpenClaw-format skills in DingTalk: vetted, sandboxed, audited.')
        .version('0.1.0')
        .exitOverride()
        .configureOutput({
          writeOut: (s) => io.stdout.write(s),
          writeErr: (s) => io.stderr.write(s),
        })
        .showHelpAfterError('(run with --help for usage)');
      for (const name of commandsFor(argv)) (await commands[name]!())(program, io, exit);
      try {
        await program.parseAsync(argv, { from: 'user' });
      } catch (error) {
        if (error instanceof CommanderError) {
          // Help and version exit 0; every other commander error is a usage error.
          return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof WardenError) {
          io.stderr.write(`warden: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
      return exit.code;
    },
  };
}
