// `warden doctor`: checks what the sandbox needs and prints what is missing with the fix. Exit 0
// when every required check passes, 1 otherwise.

import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { checkPrerequisites } from '../../sandbox/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

export function registerDoctor(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('doctor')
    .description('check the prerequisites of the sandbox (bubblewrap, socat, ripgrep, user namespaces, seccomp helper, cgroups, Node 24)')
    .action(() => {
      let home: string | undefined;
      try {
        home = loadConfig(io.env, io.cwd).home;
      } catch {
        home = undefined;
      }
      const checks = checkPrerequisites({ home });
      for (const c of checks) {
        const mark = c.ok ? 'ok  ' : c.required ? 'FAIL' : 'warn';
        io.stdout.write(`${mark} ${c.name}: ${c.detail}\n`);
        if (!c.ok && c.fix) io.stdout.write(`     fix: ${c.fix}\n`);
      }
      const failed = checks.filter((c) => c.required && !c.ok);
      io.stdout.write(failed.length === 0 ? 'The sandbox can run here.\n' : `${failed.length} required check(s) failed: commands will be refused until fixed.\n`);
      exit.code = failed.length === 0 ? 0 : 1;
    });
}
