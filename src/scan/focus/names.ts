// Names a block defines for the rest of the file and names a block uses, so that a block kept for
// its capabilities brings along the blocks its data and helpers come from: `data=$(cat "$f")` in
// one place and `curl -d "$data" …` in another, or a harmless-looking helper function that the
// sending code calls. Over-approximations are fine (a block kept for nothing costs time); a missed
// definition would cut a data flow, so every form of binding the language has at file scope counts.

import type { FocusLang } from './blocks.ts';

/** Shell and Python names (a `$` is the shell's sigil, not part of a name). */
const identifier = /[A-Za-z_]\w*/g;

/** Every identifier-like word in `text` (strings and comments included: over-approximate). */
export function usedNames(text: string, into: Set<string>): void {
  for (const name of text.match(identifier) ?? []) into.add(name);
}

const maxReadBlock = 20_000;

/** Names `block` binds where other blocks can see them. */
export function definedNames(block: string, lang: FocusLang): string[] {
  // A huge block (one endless line, a generated table) is not read match by match: every name in
  // it counts as defined, which can only keep more.
  if (block.length > maxReadBlock) return wordsOf(block);
  return lang === 'shell' ? shellDefinitions(block) : pythonDefinitions(block);
}

function wordsOf(text: string): string[] {
  return text.match(identifier) ?? [];
}

/** Commands that fill the variables named on their line (`read x`, `for x in`, `printf -v x`…). */
const shellFillers = /(?:^|[;&|({]\s*|\b(?:then|do|else)\s+)(?:read|for|mapfile|readarray|getopts|select|printf\s+-v|declare|typeset|export|readonly|eval|let)\b/gm;
const shellFunctions = /(?:^|[^\w$])(?:function\s+)?([A-Za-z_][\w:.-]*)\s*\(\s*\)|\bfunction\s+([A-Za-z_][\w:.-]*)/gm;
const shellAssignments = /(?:^|[^\w$])([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=/gm;

/** The line of `text` around offset `at`. */
function lineAround(text: string, at: number): { line: string; column: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { line: text.slice(start, end === -1 ? text.length : end), column: at - start };
}

/** Whether `column` of a shell line is code: not in a comment nor inside single quotes. */
function isShellCode(line: string, column: number): boolean {
  const before = line.slice(0, column);
  if (/^\s*#/.test(before)) return false;
  let quotes = 0;
  for (let i = before.indexOf("'"); i !== -1; i = before.indexOf("'", i + 1)) quotes++;
  return quotes % 2 === 0;
}

/**
 * Shell variables are global unless declared `local`, wherever they are set: every assignment
 * outside a `local` line, every function, and every variable a command fills (`read`, `for`,
 * `mapfile`, `getopts`, `printf -v`, `select`). Single-quoted text is literal and binds nothing
 * (jq's `select(…)` is not bash's `select`). Searched over the whole block, checked per match.
 */
function shellDefinitions(block: string): string[] {
  const out: string[] = [];
  for (const m of block.matchAll(shellFillers)) {
    const { line, column } = lineAround(block, m.index);
    if (isShellCode(line, column)) out.push(...wordsOf(line));
  }
  for (const m of block.matchAll(shellFunctions)) {
    const { line, column } = lineAround(block, m.index);
    if (isShellCode(line, column)) out.push((m[1] ?? m[2])!);
  }
  for (const m of block.matchAll(shellAssignments)) {
    const { line, column } = lineAround(block, m.index);
    if (!/^\s*local\b/.test(line) && isShellCode(line, column)) out.push(m[1]!);
  }
  return out;
}

/**
 * Python: functions and classes at any depth (methods are called across blocks), and at module
 * level (column 0) every assignment target, loop and `with` variable and import.
 */
function pythonDefinitions(block: string): string[] {
  const out: string[] = [];
  for (const m of block.matchAll(/^\s*(?:async\s+)?(?:def|class)\s+(\w+)/gm)) out.push(m[1]!);
  for (const line of block.split('\n')) {
    if (!line || /^[\s#@)\]}]/.test(line) || /^(?:async\s+)?(?:def|class)\b/.test(line)) continue;
    if (/^(?:for|with|import|from|async)\b/.test(line)) {
      out.push(...wordsOf(line));
      continue;
    }
    // `a, b = …`, `x: int = …`, `CONFIG["k"] += …`, `x := …` at module level: the targets.
    const assign = /^(.*?)(?:(?<![=!<>:])=(?!=)|[-+*/%&|^@]=|:=)/.exec(line);
    if (assign) out.push(...wordsOf(assign[1]!));
  }
  return out;
}
