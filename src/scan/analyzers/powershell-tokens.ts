// A small PowerShell (and .bat/.cmd) tokenizer: strings (including here-strings), variables,
// operators and words, grouped into commands split at `|`, `;`, newlines and parentheses. No
// maintained PowerShell grammar ships as WASM on npm; this is enough for the shapes attacks use.

export interface Token {
  type: 'word' | 'string' | 'var' | 'op';
  /** Text with quotes removed for strings; as written otherwise. */
  value: string;
  /** Offset in the source. */
  offset: number;
  /** A double-quoted string or a word that expands variables. */
  expands?: boolean;
}

export interface PsCommand {
  tokens: Token[];
  /** Offset of the first token. */
  offset: number;
  /** Index of the pipeline (statement) the command belongs to. */
  statement: number;
  /** Position inside its pipeline. */
  stage: number;
}

const tokenPattern = /(@"[\s\S]*?\n"@|@'[\s\S]*?\n'@)|("(?:[^"`]|`[\s\S]|"")*"?)|('(?:[^']|'')*'?)|(\$\{[^}]*\}?|\$(?:env:|script:|global:|local:)?\w+(?:[\\/.:-][\w.-]*)*|\$[?$^_])|(\r?\n|[|;(){}]|&&|\|\||[<>]{1,2})|(#[^\n]*|<#[\s\S]*?(?:#>|$))|([^\s|;(){}"'<>#]+(?:#[^\s|;(){}"'<>]*)*)|(\s+)/g;

/** Tokens of `text`; comments are dropped, line continuations (`` ` ``, `^`) joined. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const offset = m.index;
    if (m[1]) tokens.push({ type: 'string', value: m[1].slice(2, -2).replace(/^\r?\n|\r?\n$/g, ''), offset, expands: m[1][1] === '"' });
    else if (m[2]) tokens.push({ type: 'string', value: m[2].slice(1, m[2].length > 1 && m[2].endsWith('"') ? -1 : undefined).replace(/`(.)/g, '$1').replace(/""/g, '"'), offset, expands: true });
    else if (m[3]) tokens.push({ type: 'string', value: m[3].slice(1, m[3].length > 1 && m[3].endsWith("'") ? -1 : undefined).replace(/''/g, "'"), offset });
    else if (m[4]) tokens.push({ type: 'var', value: m[4], offset });
    else if (m[5]) tokens.push({ type: 'op', value: m[5].replace('\r', ''), offset });
    else if (m[7]) {
      if ((m[7] === '`' || m[7] === '^') && tokens.length) continue;
      tokens.push({ type: 'word', value: m[7], offset, expands: m[7].includes('$') || m[7].includes('%') });
    }
  }
  // A trailing backtick or caret joins the next line: drop the newline after it.
  return tokens.filter((t, i) => !(t.type === 'op' && t.value === '\n' && /[`^]$/.test(tokens[i - 1]?.value ?? '')));
}

/** Commands in token order; a new command starts after `|`, `;`, newline, `(`, `{`, `&&`, `||`. */
export function commandsOf(tokens: readonly Token[]): PsCommand[] {
  const out: PsCommand[] = [];
  let current: Token[] = [];
  let statement = 0;
  let stage = 0;
  const flush = () => {
    if (current.length) out.push({ tokens: current, offset: current[0]!.offset, statement, stage });
    current = [];
  };
  for (const t of tokens) {
    if (t.type === 'op' && t.value !== '<' && t.value !== '>' && t.value !== '>>' && t.value !== '<<') {
      flush();
      if (t.value === '|') stage++;
      else if (t.value !== ')' || current.length === 0) {
        statement += t.value === '(' || t.value === ')' ? 0 : 1;
        if (t.value !== '(' && t.value !== ')') stage = 0;
      }
      continue;
    }
    current.push(t);
  }
  flush();
  return out;
}

/** A parameter's value: `-Uri x`, `-Uri:x`; names match case-insensitively by any unique prefix given. */
export function paramValue(tokens: readonly Token[], ...names: string[]): Token | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word' || !t.value.startsWith('-') && !t.value.startsWith('/')) continue;
    const [flag, inline] = t.value.slice(1).toLowerCase().split(/:(.*)/s);
    if (!wanted.includes(flag!)) continue;
    if (inline) return { ...t, value: t.value.slice(t.value.indexOf(':') + 1) };
    return tokens[i + 1];
  }
  return undefined;
}
