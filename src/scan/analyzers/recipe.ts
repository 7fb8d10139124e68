// Task-runner recipes (Makefile, justfile, Taskfile.yml): every recipe line is a shell command, so
// the lines go to the shell analyzer as one script, other lines blanked so line numbers still match.
// Runner syntax is folded to shell first: make's `$(HOME)`/`${HOME}` and `$$`, just's `{{var}}`, the
// `@`/`-`/`+` line prefixes, Taskfile's YAML quoting. Variables the runner defines are not resolved:
// a recipe that only works through them yields fewer facts, never false ones.

import type { AnalyzeInput, Analyzer, AnalyzerSink } from '../types.ts';

type Flavour = 'make' | 'just' | 'task';

function flavourOf(file: string, text: string): Flavour {
  const base = file.split('/').pop()!.toLowerCase();
  if (/^taskfile(?:\.dist)?\.ya?ml$/.test(base) || /^\s*version:\s*['"]?3/m.test(text) && /^\s*tasks:/m.test(text)) return 'task';
  if (base.endsWith('justfile')) return 'just';
  return /^\t/m.test(text) ? 'make' : 'just';
}

/** make's own syntax to the shell's: `$(X)`/`${X}` → `${X}` (braced: `$(R)TEXT` is not `$RTEXT`), `$$` → `$`, the line prefixes dropped. */
function fromMake(line: string): string {
  return line
    .replace(/^\s*[@+-]*/, '')
    .replace(/\$\$|\$[({]([A-Za-z_]\w*)[)}]/g, (m, name?: string) => (name ? `\${${name}}` : '$'));
}

function fromJust(line: string): string {
  return line.replace(/^\s*[@-]*/, '').replace(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g, '$${$1}');
}

function makeLines(lines: readonly string[]): string[] {
  let inRecipe = false;
  return lines.map((l) => {
    if (l.startsWith('\t') && inRecipe) return fromMake(l.slice(1));
    // A rule line (`target: deps`, not `X := v`) opens a recipe; anything else closes it.
    if (/^[^\s#=][^=]*?:(?![=])/.test(l) && !/^[^:]*[?+:!]?=/.test(l)) inRecipe = true;
    else if (l.trim() && !l.startsWith('\t')) inRecipe = false;
    return '';
  });
}

function justLines(lines: readonly string[]): string[] {
  let inRecipe = false;
  return lines.map((l) => {
    if (/^\s+\S/.test(l) && inRecipe) return fromJust(l);
    if (/^@?[A-Za-z_][\w-]*(?:\s+[^:=]*)?:(?!=)/.test(l)) inRecipe = true;
    else if (l.trim() && !/^\s/.test(l)) inRecipe = false;
    return '';
  });
}

function unquoteYaml(value: string): string {
  const v = value.trim();
  const q = /^(["'])(.*)\1$/.exec(v);
  return q ? q[2]!.replace(/\\"/g, '"') : v;
}

/** Taskfile commands: `- cmd` items and `cmd:` values under `cmds:`, block scalars (`|`, `>`) included. */
function taskLines(lines: readonly string[]): string[] {
  const out = lines.map(() => '');
  let blockIndent = -1;
  let inCmds = -1;
  lines.forEach((l, i) => {
    const indent = l.length - l.trimStart().length;
    if (blockIndent >= 0) {
      if (!l.trim() || indent >= blockIndent) {
        out[i] = l.slice(Math.min(indent, blockIndent));
        return;
      }
      blockIndent = -1;
    }
    if (inCmds >= 0 && l.trim() && indent <= inCmds && !l.trimStart().startsWith('-')) inCmds = -1;
    if (/^\s*cmds:\s*$/.test(l)) {
      inCmds = indent;
      return;
    }
    const item = /^\s*-\s+(?:cmd:\s*)?(.*)$/.exec(l) ?? /^\s*cmd:\s*(.*)$/.exec(l);
    if (!item || (inCmds < 0 && !/^\s*(?:-\s+)?cmd:/.test(l))) return;
    const value = item[1]!;
    if (/^[|>][-+]?\s*$/.test(value)) blockIndent = indent + 2;
    else if (!/^(?:task|defer|cmd):|^\{/.test(value)) out[i] = unquoteYaml(value);
  });
  return out;
}

export const recipeAnalyzer: Analyzer = {
  lang: 'recipe',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    const lines = input.text.split('\n');
    const flavour = flavourOf(input.file, input.text);
    const commands = flavour === 'make' ? makeLines(lines) : flavour === 'just' ? justLines(lines) : taskLines(lines);
    if (commands.some((c) => c.trim())) sink.analyze({ text: commands.join('\n'), lang: 'shell', line: 1 });
  },
};
