// Loads tree-sitter WASM grammars once per process. The grammar files ship inside their npm
// packages; they are resolved from this module, so scanning works from any working directory.

import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

export type { Tree as SyntaxTree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let runtime: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

/**
 * A parser for the grammar at `wasmSpecifier` (a package path such as
 * `tree-sitter-bash/tree-sitter-bash.wasm`). Safe to call from several analyzers at once.
 */
export async function loadParser(wasmSpecifier: string): Promise<Parser> {
  runtime ??= Parser.init();
  await runtime;
  let language = languages.get(wasmSpecifier);
  if (!language) {
    language = Language.load(require.resolve(wasmSpecifier));
    languages.set(wasmSpecifier, language);
  }
  const parser = new Parser();
  parser.setLanguage(await language);
  return parser;
}
