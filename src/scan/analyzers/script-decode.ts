// Encoded literals the scripting languages decode themselves: Perl `pack("H*", "…")` and
// `decode_base64("…")`, Ruby `["…"].pack("H*")` and `Base64.decode64("…")`, PHP `hex2bin("…")` and
// `base64_decode("…")`. Each is a decode fact; the decoded text goes to the shell analyzer as
// `decoded` (`perl -e 'print pack("H*", …)' | sh` runs it), executed when the same statement hands
// it to eval/system/exec.

import type { FactDraft } from '../facts.ts';
import type { AnalyzerSink } from '../types.ts';
import { decodeBase64, decodeHex, type LineMap } from './common/index.ts';

const hexCalls = /\bpack\s*\(?\s*["']H\*["']\s*,\s*["']([0-9a-fA-F]{16,})["']|\[\s*["']([0-9a-fA-F]{16,})["']\s*\]\s*\.pack\s*\(?\s*["']H\*["']|\bhex2bin\s*\(\s*["']([0-9a-fA-F]{16,})["']/g;
const base64Calls = /\b(?:decode_base64|base64_decode|Base64\.(?:decode64|strict_decode64|urlsafe_decode64))\s*\(?\s*["']([A-Za-z0-9+/_-]{16,}={0,2})["']/g;
const runsIt = /\b(?:eval|system|exec|shell_exec|passthru|popen|instance_eval|IO\.popen|os\.execute|load(?:string)?)\b/;

export function scriptDecodes(text: string, lines: LineMap, sink: AnalyzerSink, out: FactDraft[]): void {
  const found = (index: number, literal: string, encoding: 'hex' | 'base64') => {
    const decoded = encoding === 'hex' ? decodeHex(literal) : decodeBase64(literal);
    if (!decoded?.text) return;
    const line = lines.lineOf(index);
    const evidence = lines.excerpt(line);
    out.push({ kind: 'decode', line, evidence, encoding, length: literal.length, executed: runsIt.test(evidence), decoded: decoded.text.slice(0, 400) });
    sink.analyze({ text: decoded.text, lang: 'shell', line, context: { origin: 'decoded' } });
  };
  for (const m of text.matchAll(hexCalls)) found(m.index, (m[1] ?? m[2] ?? m[3])!, 'hex');
  for (const m of text.matchAll(base64Calls)) found(m.index, m[1]!, 'base64');
}
