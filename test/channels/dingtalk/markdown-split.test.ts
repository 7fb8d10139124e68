import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitMarkdown } from '../../../src/channels/dingtalk/index.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('splitMarkdown', () => {
  it('keeps a short answer whole', () => {
    assert.deepEqual(splitMarkdown('# Hi\n\nshort', 100), ['# Hi\n\nshort']);
  });

  it('splits between paragraphs and headings, each piece within the limit', () => {
    const text = ['# 标题一', 'a'.repeat(60), '## 标题二', 'b'.repeat(60), 'c'.repeat(60)].join('\n\n');
    const pieces = splitMarkdown(text, 100);
    assert.ok(pieces.length >= 3);
    for (const piece of pieces) assert.ok(bytes(piece) <= 100, piece);
    assert.equal(pieces.join('\n\n'), text);
    assert.ok(pieces.some((p) => p.startsWith('## 标题二')));
  });

  it('never splits inside a code fence that fits, even with blank lines in it', () => {
    const fence = '```js\nconst a = 1;\n\nconst b = 2;\n```';
    const pieces = splitMarkdown(`${'x'.repeat(70)}\n\n${fence}\n\n${'y'.repeat(70)}`, 80);
    assert.ok(pieces.includes(fence), JSON.stringify(pieces));
  });

  it('re-fences the pieces of a code block larger than the limit', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'z'.repeat(10)}`);
    const pieces = splitMarkdown(`\`\`\`\n${lines.join('\n')}\n\`\`\``, 120);
    assert.ok(pieces.length > 2);
    for (const piece of pieces) {
      assert.ok(piece.startsWith('```\n') && piece.endsWith('\n```'), piece);
      assert.ok(bytes(piece) <= 120);
    }
    assert.equal(pieces.map((p) => p.slice(4, -4)).join('\n'), lines.join('\n'));
  });

  it('cuts an over-long line between characters, counting UTF-8 bytes', () => {
    const pieces = splitMarkdown('中'.repeat(100), 64);
    for (const piece of pieces) assert.ok(bytes(piece) <= 64);
    assert.equal(pieces.join(''), '中'.repeat(100));
  });
});
