// Splits code into top-level blocks: runs of lines that start at a column-0 statement where a
// lexer that knows the language's strings, comments, heredocs and brackets says nothing is open.
// The lexer is deliberately conservative: where it is unsure (an unterminated string, a construct
// it does not model) it stops placing boundaries, so the rest of the file is one block. A wrong
// boundary would only matter if it fell inside a string or a bracket; the caller also parses the
// focused text and falls back to the whole file when that parse has errors.

export type FocusLang = 'shell' | 'python';

export interface Block {
  /** Offset of the block's first character (a line start). */
  start: number;
  /** Offset just past the block (the next block's start, or the text's length). */
  end: number;
}

/** Lines that continue the statement before them rather than start a new one. */
const continuation: Record<FocusLang, RegExp> = {
  shell: /^(?:[})\];|&#]|(?:fi|done|esac|then|else|elif|do|in)\b)/,
  python: /^(?:[)\]}#]|(?:else|elif|except|finally)\b)/,
};
/** A previous line ending in one of these expects the statement to go on. */
const openEnding = /[=+\-*/%&|^!?:,.<>~\\(\[{]\s*$/;

interface LexState {
  /** Closing delimiters still open, innermost last (`)`, `]`, `}`, a quote, `'''`, `"""`). */
  open: string[];
  /** Heredoc delimiters whose bodies start after the current line. */
  heredocs: { word: string; tabs: boolean }[];
  /** The lexer met something it does not model: no boundaries from here on. */
  lost: boolean;
}

/** The top-level blocks of `text` in order; one block when no safe boundary exists. */
export function topLevelBlocks(text: string, lang: FocusLang): Block[] {
  const state: LexState = { open: [], heredocs: [], lost: false };
  const starts: number[] = [0];
  let previous = '';
  let afterDecorator = false;
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end);
    const neutral = !state.lost && state.open.length === 0 && state.heredocs.length === 0;
    if (neutral && at > 0 && line.length > 0 && !/^\s/.test(line) && !continuation[lang].test(line) && !openEnding.test(previous) && !afterDecorator) {
      starts.push(at);
    }
    if (state.heredocs.length > 0 && !state.lost) {
      // A heredoc body line: the first pending heredoc ends at its delimiter line.
      const doc = state.heredocs[0]!;
      if ((doc.tabs ? line.replace(/^\t+/, '') : line) === doc.word) state.heredocs.shift();
    } else if (!state.lost) {
      (lang === 'shell' ? lexShellLine : lexPythonLine)(line, state);
    }
    if (line.trim() && !line.trimStart().startsWith('#')) {
      previous = line;
      afterDecorator = lang === 'python' && line.startsWith('@');
    }
    at = end + 1;
  }
  const blocks: Block[] = [];
  for (let i = 0; i < starts.length; i++) blocks.push({ start: starts[i]!, end: starts[i + 1] ?? text.length });
  return blocks;
}

const closer: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * The characters that can change the lexer's state, by what is open: the lexers jump from one to
 * the next (a regex search) instead of stepping through every character.
 */
const shellSpecial: Record<string, RegExp> = { code: /[\\'"`#<()[\]{}]/g, "'": /'/g, '"': /[\\"$`]/g, '`': /[\\`$]/g };
const pythonSpecial: Record<string, RegExp> = { code: /[#'"()[\]{}]/g, "'": /[\\']/g, '"': /[\\"]/g };

/** A heredoc operator and its delimiter word, matched where the lexer stands (no copy of the line). */
const heredocStart = /<<(-?)\s*(['"]?)\\?([A-Za-z_][\w.-]*)\2/y;

/** Index of the next character at or after `from` that `re` matches, or -1. */
function nextSpecial(re: RegExp, line: string, from: number): number {
  re.lastIndex = from;
  return re.exec(line)?.index ?? -1;
}

/** One physical line of shell; quotes and `$(…)` may stay open across lines. */
function lexShellLine(line: string, state: LexState): void {
  const { open } = state;
  for (let i = 0; i < line.length; i++) {
    i = nextSpecial(shellSpecial[open.at(-1) === "'" || open.at(-1) === '"' || open.at(-1) === '`' ? open.at(-1)! : 'code']!, line, i);
    if (i === -1) break;
    const c = line[i]!;
    const top = open[open.length - 1];
    if (top === "'") {
      if (c === "'") open.pop();
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (top === '"' || top === '`') {
      if (c === top) open.pop();
      else if (c === '$' && line[i + 1] === '(') {
        open.push(')');
        i++;
      } else if (c === '$' && line[i + 1] === '{') {
        open.push('}');
        i++;
      } else if (c === '`' && top === '"') open.push('`');
      continue;
    }
    // Code (top level or inside `$(…)`, `${…}`, brackets).
    if (c === "'" || c === '"' || c === '`') {
      // `$'…'` (ANSI-C quoting) escapes with backslashes: not modelled.
      if (c === "'" && line[i - 1] === '$') {
        state.lost = true;
        return;
      }
      open.push(c);
    } else if (c === '#' && (i === 0 || /[\s;&|(]/.test(line[i - 1]!))) {
      return;
    } else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      heredocStart.lastIndex = i;
      const doc = heredocStart.exec(line);
      if (!doc) {
        // `$((1 << 2))` or something unmodelled.
        if (open.length === 0) state.lost = true;
        i++;
        continue;
      }
      state.heredocs.push({ word: doc[3]!, tabs: doc[1] === '-' });
      i += doc[0].length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push(closer[c]!);
    } else if (c === ')' || c === ']' || c === '}') {
      // `case` patterns (`a)`) close nothing: only a matching opener is popped.
      if (top === c) open.pop();
    }
  }
  // A backslash at the very end continues the line: the next line is not a statement start, which
  // `openEnding` on the previous line already says.
}

/** One physical line of Python; triple-quoted strings and brackets may stay open across lines. */
function lexPythonLine(line: string, state: LexState): void {
  const { open } = state;
  for (let i = 0; i < line.length; i++) {
    const quote = open.at(-1)?.[0];
    i = nextSpecial(pythonSpecial[quote === "'" || quote === '"' ? quote : 'code']!, line, i);
    if (i === -1) break;
    const c = line[i]!;
    const top = open[open.length - 1];
    if (top === "'''" || top === '"""' || top === "'" || top === '"') {
      if (c === '\\') {
        i++;
      } else if (line.startsWith(top, i)) {
        open.pop();
        i += top.length - 1;
      }
      continue;
    }
    if (c === '#') return;
    if (c === "'" || c === '"') {
      const triple = line.startsWith(c.repeat(3), i);
      open.push(triple ? c.repeat(3) : c);
      if (triple) i += 2;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push(closer[c]!);
    } else if (c === ')' || c === ']' || c === '}') {
      if (top === c) open.pop();
      else {
        state.lost = true;
        return;
      }
    }
  }
  // A single-quoted string cannot span lines: one still open means the lexer lost track.
  const top = open[open.length - 1];
  if (top === "'" || top === '"') state.lost = true;
}
