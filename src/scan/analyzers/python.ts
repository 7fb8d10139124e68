// The Python analyzer: parses a script with tree-sitter-python, walks it once (python-walk.ts) and
// emits language-neutral facts; literal commands, exec'd literals and decoded payloads are handed
// back to the engine for the analyzer of their language.

import type { Analyzer, AnalyzeInput, AnalyzerSink } from '../types.ts';
import { loadPythonParser, parsePython } from './python-parser.ts';
import { FactRecorder } from './python-js-recorder.ts';
import { PyWalker } from './python-walk.ts';

/** Larger inputs are not parsed: tree-sitter is linear, but a 5 MB script is not a skill script. */
const maxInput = 2_000_000;

export const pythonAnalyzer: Analyzer = {
  lang: 'python',
  prepare: loadPythonParser,
  analyze(input: AnalyzeInput, sink: AnalyzerSink): void {
    if (input.text.length > maxInput) return;
    const tree = parsePython(input.text);
    try {
      if (input.mustParse && tree.rootNode.hasError) return sink.refuse?.();
      const rec = new FactRecorder('python', input.text, sink);
      const walker = new PyWalker(rec);
      walker.walk(tree.rootNode);
      rec.flush();
    } finally {
      tree.delete();
    }
  },
};
