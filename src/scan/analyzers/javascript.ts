// The JavaScript/TypeScript analyzer: parses with oxc-parser (JS, JSX, TS, TSX by file extension;
// code without one, such as a Markdown block, is tried as TypeScript, then as JSX), walks the ESTree
// once (javascript-walk.ts) and emits language-neutral facts.

import { parseSync, rawTransferSupported } from 'oxc-parser';
import type { Analyzer, AnalyzeInput, AnalyzerSink } from '../types.ts';
import { FactRecorder } from './python-js-recorder.ts';
import { JsWalker, type JsNode } from './javascript-walk.ts';

const maxInput = 2_000_000;

type ParseLang = 'js' | 'jsx' | 'ts' | 'tsx';

/** Parser dialects to try for a file, best first. */
function dialects(file: string): ParseLang[] {
  const ext = /\.([cm]?[jt]sx?)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'tsx') return ['tsx'];
  if (ext.endsWith('ts')) return ['ts', 'tsx'];
  if (ext === 'jsx') return ['jsx'];
  if (ext.endsWith('js')) return ['jsx', 'ts'];
  return ['ts', 'jsx'];
}

/**
 * Raw transfer hands the AST over in one shared buffer instead of JSON (the same ESTree; after its
 * first use about 3× faster to parse and build at every size, a 200-character block included). It
 * reserves a large, mostly untouched buffer; where that cannot be had, the first failure switches
 * back to JSON for the rest of the process. Its first use costs about 25 ms (the buffer and its
 * deserializer), so a process starts on JSON and moves to raw transfer for good at its first large
 * file or once it has parsed enough code to pay that back: a one-skill `warden scan` stays on JSON,
 * a batch scan soon runs on raw transfer.
 */
let rawTransfer = rawTransferSupported();
let rawInUse = false;
const rawFromChars = 32 * 1024;
/** JSON-parsed characters after which raw transfer's setup is paid back (JSON costs about 0.1 ms per KB more). */
const rawAfterChars = 256 * 1024;
let jsonChars = 0;

function rawFor(chars: number): boolean {
  return rawTransfer && (rawInUse || chars >= rawFromChars || jsonChars >= rawAfterChars);
}

/** Parses `text` as `lang`; exported for the test that compares raw transfer with JSON. */
export function parseOnce(lang: ParseLang, text: string, raw = rawFor(text.length)): ReturnType<typeof parseSync> {
  const options = { lang, sourceType: 'unambiguous' } as const;
  if (raw) {
    try {
      // Not in oxc-parser's typings yet (experimental); test/scan/analyzers/javascript-raw.test.ts checks the two ASTs agree.
      const result = parseSync(`input.${lang}`, text, { ...options, experimentalRawTransfer: true } as typeof options);
      rawInUse = true;
      return result;
    } catch {
      rawTransfer = false;
    }
  }
  jsonChars += text.length;
  return parseSync(`input.${lang}`, text, options);
}

/** The program with the fewest parse errors among the dialects (oxc recovers, so any may do). */
function parse(file: string, text: string): JsNode | undefined {
  let best: { program: JsNode; errors: number } | undefined;
  for (const lang of dialects(file)) {
    const result = parseOnce(lang, text);
    const errors = result.errors.length;
    if (!best || errors < best.errors) best = { program: result.program as unknown as JsNode, errors };
    if (errors === 0) break;
  }
  return best?.program;
}

export const javascriptAnalyzer: Analyzer = {
  lang: 'javascript',
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    if (input.text.length > maxInput) return;
    const program = parse(input.file, input.text);
    if (!program) return;
    const rec = new FactRecorder('javascript', input.text, sink);
    new JsWalker(rec, input.text).eval(program);
    rec.flush();
  },
};
