// A PowerShell hashtable built over many lines (`$inv = [ordered]@{ creds = (cmdkey /list) … }`):
// the tokenizer splits its entries into statements of their own, so what the entries hold is read
// here, once per file, and given to the variable the table is assigned to. It then travels with
// `$inv | ConvertTo-Json` into a request body like any other variable's sources.

import type { Source } from '../facts.ts';
import { normalisePath } from './common/index.ts';

const tableStart = /\$(\w+)\s*\+?=\s*(?:\[ordered\]\s*)?@\{/gi;
const secretCommand = /\bnetsh(?:\.exe)?\b[^\n]*\bwlan\b[^\n]*\bkey=clear\b|\bcmdkey(?:\.exe)?\s+\/list\b/i;
const clipboard = /\bget-clipboard\b/i;
const envDump = /\b(?:get-childitem|gci|dir|ls)\s+env:\\?(?=[\s|)]|$)|\[(?:system\.)?environment\]::getenvironmentvariables\(\s*\)/im;
const contentRead = /\b(?:get-content|gc|cat|type)\s+(?:-(?:literal)?path\s+)?["']?([^"'\s|)]+)/gi;

/** The body of the table whose `{` is at `open`, by brace depth (strings are not special-cased). */
function bodyAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1, open + 20_000);
}

/** Sources each multi-line hashtable holds, by the (lower-case) variable it is assigned to. */
export function hashtableSources(text: string): Map<string, Source[]> {
  const out = new Map<string, Source[]>();
  if (!text.includes('@{')) return out;
  for (const m of text.matchAll(tableStart)) {
    const body = bodyAt(text, m.index + m[0].length - 1);
    const sources: Source[] = [];
    if (secretCommand.test(body)) sources.push({ kind: 'keychain' });
    if (clipboard.test(body)) sources.push({ kind: 'clipboard' });
    if (envDump.test(body)) sources.push({ kind: 'env-all' });
    for (const r of body.matchAll(contentRead)) sources.push({ kind: 'file', path: normalisePath(r[1]!) });
    if (sources.length) out.set(m[1]!.toLowerCase(), [...(out.get(m[1]!.toLowerCase()) ?? []), ...sources]);
  }
  return out;
}
