// Small questions rules ask of `command` facts.

import type { FactOf } from '../../facts.ts';
import type { FactIndex } from '../../types.ts';

export type CommandFact = FactOf<'command'>;

const programs = new WeakMap<CommandFact, string>();

/** The program's base name in lower case, without `.exe` (computed once per fact: most rules ask). */
export function programOf(cmd: CommandFact): string {
  let program = programs.get(cmd);
  if (program === undefined) {
    program = cmd.name.toLowerCase().replace(/^.*[\\/]/, '').replace(/\.exe$/, '');
    programs.set(cmd, program);
  }
  return program;
}

const byProgram = new WeakMap<FactIndex, Map<string, number[]>>();

/** Commands whose program is one of `names`, in fact order (an index by program is built once per skill). */
export function commandsNamed(facts: FactIndex, ...names: string[]): CommandFact[] {
  const all = facts.of('command');
  let index = byProgram.get(facts);
  if (!index) {
    index = new Map();
    for (let i = 0; i < all.length; i++) {
      const program = programOf(all[i]!);
      const list = index.get(program);
      if (list) list.push(i);
      else index.set(program, [i]);
    }
    byProgram.set(facts, index);
  }
  const at: number[] = [];
  for (const name of new Set(names)) at.push(...(index.get(name) ?? []));
  if (names.length > 1) at.sort((a, b) => a - b);
  return at.map((i) => all[i]!);
}

/** The command's words joined with spaces, for pattern checks over the whole line. */
export function commandLine(cmd: CommandFact): string {
  return [cmd.name, ...cmd.args].join(' ');
}

/**
 * The command has a short flag (`-r` also inside `-rf`) or a long one. `short` is one letter;
 * a bundle like `-rfv` counts when it contains it.
 */
export function hasFlag(cmd: CommandFact, short: string | undefined, long?: string): boolean {
  return cmd.args.some((a) => {
    if (long && (a === long || a.startsWith(long + '='))) return true;
    return short !== undefined && /^-[A-Za-z]+$/.test(a) && a.slice(1).includes(short);
  });
}

/** Arguments that are not flags. */
export function operands(cmd: CommandFact): string[] {
  return cmd.args.filter((a) => !a.startsWith('-'));
}

/** Programs that read a file given as an operand (copy, archive, dump, upload). */
export const readerPrograms: ReadonlySet<string> = new Set([
  'cat', 'cp', 'tar', 'zip', '7z', '7za', 'rar', 'base64', 'xxd', 'od', 'hexdump', 'strings', 'sqlite3',
  'head', 'tail', 'less', 'more', 'rsync', 'scp', 'gzip', 'bzip2', 'xz', 'openssl', 'gpg', 'ditto',
  'get-content', 'gc', 'type', 'copy-item', 'cpi', 'compress-archive', 'certutil',
]);
