// The Python grammar (tree-sitter-python, WASM) behind web-tree-sitter. Loaded once per process in
// `prepare()`; the grammar file is resolved from the installed package so any cwd works.

import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export type { Node, Tree };

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the runtime and the grammar; safe to call many times and concurrently. */
export function loadPythonParser(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

/** The syntax tree of `text`; throws when `loadPythonParser` has not finished (a wiring bug). */
export function parsePython(text: string): Tree {
  if (!parser) throw new Error('parsePython() called before loadPythonParser() resolved');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
