// Unrelated, harmless functions put around a test case's code so that the file is large enough for
// the scanner's focus (src/scan/focus) to split it: the code under test then sits in one block
// among many that hold no capability.

import { languageOfFile } from '../../src/scan/language.ts';
import { minFocusChars } from '../../src/scan/focus/index.ts';

const filler: Record<'shell' | 'python', (n: number) => string> = {
  shell: (n) => `pad_format_${n}() {\n  local value="$1"\n  printf '%s\\n' "\${value}" | sed 's/^ *//'\n}\n`,
  python: (n) => `def _pad_format_${n}(value, width=10):\n    text = str(value).strip()\n    return text.ljust(width)\n`,
};

function fill(lang: 'shell' | 'python', from: number): string {
  let out = '';
  for (let n = from; out.length < minFocusChars; n++) out += filler[lang](n) + '\n';
  return out;
}

/** `files` with every shell and Python file padded before and after; undefined when none is. */
export function padCode(files: Record<string, string>): Record<string, string> | undefined {
  let changed = false;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const lang = languageOfFile(path, text);
    if (lang !== 'shell' && lang !== 'python') {
      out[path] = text;
      continue;
    }
    changed = true;
    // A shebang stays on the first line, where the language is read from.
    const shebang = /^#![^\n]*\n/.exec(text)?.[0] ?? '';
    const body = text.slice(shebang.length);
    out[path] = `${shebang}${fill(lang, 0)}\n${body}${body.endsWith('\n') ? '' : '\n'}\n${fill(lang, 1000)}`;
  }
  return changed ? out : undefined;
}
