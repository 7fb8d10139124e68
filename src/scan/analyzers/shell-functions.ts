// What a shell function prints, when that is a secret: `paste() { pbpaste || xclip -o; }` then
// `x=$(paste)` reads the clipboard. Read from the text of the function's body (its simple commands
// through the shared secret-printer table), once per script; a function that only wraps ordinary
// commands prints nothing secret.

import type { Source } from '../facts.ts';
import { secretPrinted } from './common/index.ts';

const definition = /^[ \t]*(?:function[ \t]+([A-Za-z_][\w-]*)[ \t]*(?:\(\s*\))?|([A-Za-z_][\w-]*)[ \t]*\(\s*\))[ \t]*\{?/gm;
const bodyEnd = /^[ \t]*\}|\}[ \t]*$/m;
const separators = /;|\n|&&|\|\||\||\$\(|`|\(|\)/;
const keywords = /^(?:if|then|else|elif|do|while|until|!|\{|command|exec|builtin)$/;

let lastText: string | undefined;
let lastFunctions = new Map<string, Source[]>();

function collect(text: string): Map<string, Source[]> {
  const out = new Map<string, Source[]>();
  for (const m of text.matchAll(definition)) {
    const name = m[1] ?? m[2]!;
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 4000);
    const end = bodyEnd.exec(rest);
    const body = end ? rest.slice(0, end.index + end[0].length - 1) : rest;
    const sources: Source[] = [];
    for (const segment of body.split(separators)) {
      const words = segment.trim().split(/\s+/);
      while (words.length && keywords.test(words[0]!)) words.shift();
      // `command -v x` only asks whether x exists.
      if (segment.includes('command -v') || segment.includes('type -')) continue;
      sources.push(...secretPrinted(words));
    }
    if (sources.length) out.set(name, sources);
  }
  return out;
}

/** The secrets function `name` of script `text` prints; empty when it is no such function. */
export function functionOutput(text: string, name: string): readonly Source[] {
  if (!text.includes(name)) return [];
  if (text !== lastText) {
    lastFunctions = collect(text);
    lastText = text;
  }
  return lastFunctions.get(name) ?? [];
}
