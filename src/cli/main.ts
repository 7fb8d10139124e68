// The `warden` entry point: the only place that exits the process. Commands return exit codes;
// a WardenError (something the user can fix) prints its message and exits 2; anything else is a
// bug and prints an internal-error banner with the stack, exit 70.

import module from 'node:module';
import v8 from 'node:v8';
import { isWardenError } from '../core/index.ts';
import { createProgram } from './program.ts';

module.enableCompileCache?.();
// WASM functions (the tree-sitter grammars) are optimised once they have run this many bytes: 14
// times V8's default, so a one-skill scan (OpenClaw's install hook) is not kept waiting at exit for
// the optimisation of a parse already done (0.5 s after any shell script), while a batch scan's hot
// parsers are still optimised early in the run.
v8.setFlagsFromString('--wasm-tiering-budget=180000000');

async function main(argv: string[]): Promise<number> {
  const program = createProgram({ env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  return program.run(argv);
}

let finished = false;
main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    if (isWardenError(error)) {
      process.stderr.write(`warden: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`warden: internal error (this is a bug; please report it with the lines below)\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);

// A command whose work is left waiting on something that can never happen would otherwise end the
// process with exit code 0 and no output, which a CI gate reads as "passed": fail closed instead.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write('warden: internal error (this is a bug; please report it): the command stopped before it finished\n');
  process.exitCode = 70;
});
