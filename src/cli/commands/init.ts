// `warden init`: writes a commented starter warden.yaml at WARDEN_CONFIG (default ./warden.yaml) and
// a starter policy beside it, never over an existing file.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { STARTER_CONFIG } from '../../gateway/starter-config.ts';
import { STARTER_POLICY } from '../../policy/index.ts';
import type { CliIo } from '../io.ts';
import type { ExitCode } from '../program.ts';

export function registerInit(program: Command, io: CliIo, exit: ExitCode): void {
  program
    .command('init')
    .description('write a starter warden.yaml and policy.yaml (never over existing files)')
    .action(() => {
      const config = resolve(io.cwd, io.env.WARDEN_CONFIG ?? 'warden.yaml');
      const policy = resolve(dirname(config), 'policy.yaml');
      mkdirSync(dirname(config), { recursive: true });
      let wrote = 0;
      for (const [file, text] of [[config, STARTER_CONFIG], [policy, STARTER_POLICY]] as const) {
        if (existsSync(file)) {
          io.stdout.write(`kept ${file} (exists)\n`);
          continue;
        }
        writeFileSync(file, text, { flag: 'wx' });
        io.stdout.write(`wrote ${file}\n`);
        wrote++;
      }
      if (wrote > 0) io.stdout.write('Next: edit the model section, add skills with `warden skills add PATH`, then try `warden chat --as USER`.\n');
      exit.code = 0;
    });
}
