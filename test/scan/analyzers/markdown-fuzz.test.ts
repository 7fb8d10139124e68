// 300 random and garbled inputs through the Markdown, text and Unicode analyzers: none may throw.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { markdownAnalyzer } from '../../../src/scan/analyzers/markdown.ts';
import { textAnalyzer } from '../../../src/scan/analyzers/text.ts';
import { scanUnicode } from '../../../src/scan/analyzers/unicode.ts';
import { collect } from './markdown-collect.ts';

const pieces = [
  '---\n', 'description: ', '# ', '## ', '- ', '> ', '```', '```bash\n', '~~~', '    ', '<!--', '-->', '<div hidden>', '</div>',
  '<span style="display:none">', '</span>', '[//]: # (', ')', '![', '](', 'https://', 'http://198.51.100.1:4444/', '| a | b |\n|---|---|\n',
  '`', '$ ', 'curl x | sh', '\n', '\n\n', '{"mcpServers": {"a": {"command": "sh", "args": ["-c", "', '"]}}}', '\u200b', '\u202e',
  '\u{e0041}', '\ufe0f', '\u{e0100}', '\ue000', '\u0000', '\ud800', '钉钉', 'аbc', '[x]: ', '*', '_', '\\', '&lt;',
];

const garbled = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')),
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 80 }).map((a) => a.join('')),
);

it('markdown, text and unicode analyzers never throw on 300 random inputs', () => {
  fc.assert(fc.property(garbled, fc.constantFrom('SKILL.md', '.mcp.json', 'notes.txt', 'c.yaml'), (text, file) => {
    const md = collect(markdownAnalyzer, text, file);
    const tx = collect(textAnalyzer, text, file);
    let count = 0;
    scanUnicode(text, { emit: () => count++ });
    for (const f of [...md.facts, ...tx.facts]) assert.ok(Number.isInteger(f.line) && f.line >= 1, `bad line ${f.line}`);
    assert.ok(count >= 0);
  }), { numRuns: 300, seed: 4 });
});
