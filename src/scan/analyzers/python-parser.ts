// The Python grammar (tree-sitter-python, WASM) behind web-tree-sitter. Loaded once per process in
// `prepare()`; the grammar file is resolved from the installed package so any cwd works.

import type { Node, Parser, Tree } from 'web-tree-sitter';
import { loadParser } from './common/tree-sitter.ts';

export type { Node, Tree };

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the runtime and the grammar; safe to call many times and concurrently. */
export function loadPythonParser(): Promise<void> {
  // One runtime for every grammar: a second Parser.init() would invalidate the languages loaded
  // by the first, so the shared loader does it once.
  loading ??= loadParser('tree-sitter-python/tree-sitter-python.wasm').then((p) => {
    parser = p;
  });
  return loading;
}

/** The syntax tree of `text`; throws when `loadPythonParser` has not finished (a wiring bug). */
export function parsePython(text: string): Tree {
  if (!parser) throw new Error('parsePython() called before loadPythonParser() resolved');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
