// Python string and path helpers shared by the expression evaluator and the call handlers.

import { normalisePath } from './common/index.ts';

/** Joins path pieces with `/`, normalised (`~`, `*` for unknown pieces). */
export function joinPath(...parts: string[]): string {
  const joined = parts.reduce((acc, p) => (p.startsWith('/') || p.startsWith('~') ? p : acc ? `${acc.replace(/\/$/, '')}/${p}` : p), '');
  return normalisePath(joined);
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/** Python string escapes (`\n`, `\xNN`, `\uNNNN`, `\NNN`). */
export function unescapePython(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    if (/^[xuU]/.test(e) && e.length > 1) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 16), 0x10ffff));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return escapes[e] ?? m;
  });
}
