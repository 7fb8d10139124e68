// Shell words as literal strings: quotes removed, escapes resolved, expansions (`$X`, `${X}`,
// `$(…)`, `` `…` ``) kept as written. Also which variables and substitutions a word contains.

import type { SyntaxNode } from './common/index.ts';

/** Nodes that make a word dynamic. */
const dynamicTypes = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);

function unescapeWord(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}

function unescapeDouble(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
}

/** The word as the shell would pass it, with expansions left as written. */
export function literalOf(node: SyntaxNode): string {
  switch (node.type) {
    case 'word':
      return unescapeWord(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'translated_string':
    case 'string': {
      const text = node.text.replace(/^\$?"|"$/g, '');
      return unescapeDouble(text);
    }
    case 'concatenation': {
      let out = '';
      for (const child of node.children) if (child) out += literalOf(child);
      return out;
    }
    default:
      return node.text;
  }
}

/** The word holds no expansion or substitution anywhere inside. */
export function isLiteral(node: SyntaxNode): boolean {
  if (dynamicTypes.has(node.type)) return false;
  if (node.type === 'word' || node.type === 'raw_string' || node.type === 'ansi_c_string' || node.type === 'number') return true;
  for (const child of node.namedChildren) if (child && !isLiteral(child)) return false;
  return true;
}

export interface Expansion {
  /** `var` for `$X`/`${X}`, `command` for `$(…)`/`` `…` ``/`<(…)`. */
  kind: 'var' | 'command';
  /** Variable name, for `var`. */
  name?: string;
  node: SyntaxNode;
}

/** Variable uses and substitutions inside a word (not inside nested substitutions' own words). */
export function expansionsOf(node: SyntaxNode, out: Expansion[] = []): Expansion[] {
  switch (node.type) {
    case 'simple_expansion':
    case 'expansion': {
      const name = node.namedChildren.find((c) => c?.type === 'variable_name' || c?.type === 'special_variable_name');
      if (name) out.push({ kind: 'var', name: name.text, node });
      for (const child of node.namedChildren) if (child && child !== name) expansionsOf(child, out);
      return out;
    }
    case 'command_substitution':
    case 'process_substitution':
      out.push({ kind: 'command', node });
      return out;
    default:
      for (const child of node.namedChildren) if (child) expansionsOf(child, out);
      return out;
  }
}

/** Names that are a shell's own state, not the environment a skill was given. */
export function isShellInternal(name: string): boolean {
  return /^(?:[0-9@*#?!$-]|_|RANDOM|LINENO|SECONDS|BASH_\w+|FUNCNAME|PIPESTATUS|REPLY|OPTARG|OPTIND|IFS|PPID|UID|EUID|BASHPID|SHLVL|OLDPWD)$/.test(name);
}
