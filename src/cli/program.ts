// The command tree. Each command lives in commands/<name>.ts and is registered here explicitly.

import { Command, CommanderError } from 'commander';
import { WardenError } from '../core/index.ts';
import type { CliIo } from './io.ts';
import { registerScan } from './commands/scan.ts';
import { registerOpenclawPolicy } from './commands/openclaw-policy.ts';
import { registerSandbox } from './commands/sandbox.ts';
import { registerSecrets } from './commands/secrets.ts';
import { registerDoctor } from './commands/doctor.ts';
import { registerAudit } from './commands/audit.ts';

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
      registerScan(program, io, exit);
      registerOpenclawPolicy(program, io, exit);
      registerSandbox(program, io, exit);
      registerSecrets(program, io, exit);
      registerDoctor(program, io, exit);
      registerAudit(program, io, exit);
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
