// Download-and-run seen from plain `command` facts, for shapes an analyzer did not turn into a
// `download-exec` fact: a downloader piped into an interpreter (`wget -qO- u | sh`), or a file
// downloaded to a path that a later command of the same file runs (`curl -o x u; bash x`, with or
// without `chmod +x`). A `sha256sum -c` / `shasum -c` between the two marks it verified. An
// interpreter given its code another way (`| python3 -c '…'`) only reads the download as data.

import type { FactIndex } from '../../types.ts';
import { programOf, type CommandFact } from './commands.ts';

export interface DownloadRun {
  fact: CommandFact;
  url?: string;
  via: string;
  verified: boolean;
}

const downloaders = new Set(['curl', 'wget', 'fetch', 'aria2c']);
const interpreters = /^(?:ba|z|k|da)?sh$|^(?:python[\d.]*|node|perl|ruby|php|bun|deno)$/;

/**
 * The interpreter stage reads its program from stdin: no code flag (`python3 -c CODE`, `node -e`,
 * `python3 -m json.tool`) and no script operand, or an explicit `-` / `-s`. Otherwise what the
 * download pipes in is data.
 */
function runsStdin(stage: CommandFact | undefined): boolean {
  if (!stage) return true;
  const args = stage.args;
  if (args.includes('-') || args.includes('-s')) return true;
  if (args.some((a) => /^-(?:c|e|p|m|E|-eval|-print|-command)$/i.test(a))) return false;
  return !args.some((a) => !a.startsWith('-'));
}

function urlOf(cmd: CommandFact): string | undefined {
  return cmd.args.find((a) => /^(?:https?|ftp):\/\//i.test(a));
}

/** Where a downloader saves its output: `-o P`, `-O P` (wget), `--output P`, bundled `-fsSLo P`. */
function outputOf(cmd: CommandFact): string | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--output(?:-document)?=(.+)$/.exec(a);
    if (m) return m[1];
    if (/^--output(?:-document)?$/.test(a) || /^-[A-Za-z]*[oO]$/.test(a)) return args[i + 1];
  }
  return undefined;
}

export function downloadRuns(facts: FactIndex): DownloadRun[] {
  const out: DownloadRun[] = [];
  const commands = facts.of('command');
  for (const cmd of commands) {
    const program = programOf(cmd);
    if (!downloaders.has(program)) continue;
    const url = urlOf(cmd);
    const piped = cmd.pipedTo?.find((p) => interpreters.test(p.replace(/^.*\//, '')));
    const stage = piped ? commands.find((c) => c.file === cmd.file && c.line >= cmd.line && c.pipedFrom !== undefined && c.name === piped) : undefined;
    if (piped && runsStdin(stage)) {
      out.push({ fact: cmd, url, via: `${program} | ${piped}`, verified: false });
      continue;
    }
    const saved = outputOf(cmd);
    if (!saved || saved === '-' || saved === '/dev/null') continue;
    const later = commands.filter((c) => c.file === cmd.file && c.line > cmd.line);
    const runner = later.find((c) => {
      const p = programOf(c);
      return c.name === saved || c.name === `./${saved}` || (interpreters.test(p) && c.args[0] === saved);
    });
    if (!runner) continue;
    const verified = later.some((c) => c.line <= runner.line && /^(?:sha256sum|shasum|sha512sum)$/.test(programOf(c)) && c.args.includes('-c'));
    out.push({ fact: runner, url, via: `download to ${saved} then run`, verified });
  }
  return out;
}
