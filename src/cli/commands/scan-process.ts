// V8 settings for the commands that scan and exit (`scan`, `openclaw-policy`), applied before the
// first grammar loads. Every function of the tree-sitter grammars (WASM) gets its baseline code
// when the grammar loads, not on its first call: a lazily compiled function could still be
// compiling on a V8 thread when the scan was done, and Node waits for it at exit (0.45 s after some
// shell scripts; one-skill scans 0.37-0.85 s -> 0.31-0.38 s). Not process-wide from main.ts: the
// long-running commands (`chat`, `serve`) failed their end-to-end tests with it.

import v8 from 'node:v8';

let applied = false;

export function compileGrammarsEagerly(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString('--no-wasm-lazy-compilation');
}
