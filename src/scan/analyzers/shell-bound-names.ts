// Names a script binds itself, anywhere in it: loop variables (`for pat in …`, `select`), `read`,
// `printf -v`, `mapfile`/`readarray`, and assignments (also after the use, as in a function defined
// above the line that sets its variable). Expanding such a name reads the script's own variable, not
// the environment. An assignment from itself (`TOKEN="${TOKEN:-}"`) binds nothing: that is how a
// script takes a value from the environment with a default.

const loopVar = /\b(?:for|select)\s+([A-Za-z_]\w*)\s+(?:in\b|;|\n|do\b)/g;
const printfVar = /\bprintf\s+-v\s+([A-Za-z_]\w*)/g;
const arrayReader = /\b(?:mapfile|readarray)\b[^;&|\n<]*?\b([A-Za-z_]\w*)\s*(?=<|;|&|\||\n|$)/g;
const readCommand = /(?:^|[\s;&|({])read\b([^;&|\n<>)]*)/g;
const readValueFlags = new Set(['-p', '-t', '-d', '-n', '-N', '-u', '-i']);
const assignment = /(?:^|[\s;&|({])(?:(?:local|declare|typeset|export|readonly)\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)(?:\[[^\]\n]*\])?\+?=([^\n;&|]*)/g;

function readNames(args: string, out: Set<string>): void {
  const words = args.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-a') out.add(words[++i] ?? '');
    else if (readValueFlags.has(w)) i++;
    else if (/^[A-Za-z_]\w*$/.test(w)) out.add(w);
  }
}

function collect(text: string): Set<string> {
  const out = new Set<string>();
  for (const pattern of [loopVar, printfVar, arrayReader]) for (const m of text.matchAll(pattern)) out.add(m[1]!);
  for (const m of text.matchAll(readCommand)) readNames(m[1]!, out);
  for (const m of text.matchAll(assignment)) {
    const name = m[1]!;
    const value = m[2]!;
    if (!value.includes('$' + name) && !value.includes('${' + name)) out.add(name);
  }
  return out;
}

// The analyzer asks once per expansion; a script's names are collected once (the last script kept).
let lastText: string | undefined;
let lastNames: ReadonlySet<string> = new Set();

/** The variable names `text` binds itself. */
export function boundNames(text: string): ReadonlySet<string> {
  if (text !== lastText) {
    lastNames = collect(text);
    lastText = text;
  }
  return lastNames;
}
