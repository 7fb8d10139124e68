// Styles that hide text without display:none: text in its background's colour and fonts too small
// to read. Ordinary colours, readable sizes and a coloured box with visible text stay visible.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hiddenHtml, hidesContent } from '../../../src/scan/analyzers/markdown-html.ts';

describe('hidesContent: colour and size', () => {
  const hidden: string[] = [
    ' style="color:#fff;background-color:#fff"',
    ' style="background: white; color: #FFFFFF"',
    ' style="color:#000000; background:#000"',
    ' style="font-size:1px"',
    ' style="font-size: 0.5pt; color: red"',
    ' font-size="1" fill="#333"',
  ];
  const visible: string[] = [
    ' style="color:#fff;background-color:#1a73e8"',
    ' style="color:white"',
    ' style="background:#fff"',
    ' style="font-size:12px"',
    ' style="font-size:1.5em"',
    ' style="font-size: 2rem"',
    ' font-size="11" fill="#ffffff"',
  ];
  for (const attrs of hidden) it(`hides: ${attrs}`, () => assert.equal(hidesContent(attrs), true));
  for (const attrs of visible) it(`shows: ${attrs}`, () => assert.equal(hidesContent(attrs), false));

  it('reports the text of a white-on-white paragraph and not its visible neighbours', () => {
    const html = '<p>Shipping takes 3 days.</p><p style="color:#fff;background-color:#ffffff">secret words here</p><p>Bye</p>';
    assert.deepEqual(hiddenHtml(html).map((h) => h.text), ['secret words here']);
  });

  it('reads SVG desc and metadata (never drawn) as hidden, not the drawn text', () => {
    const svg = '<svg><title>Alert</title><desc>never drawn words</desc><text>drawn label</text><metadata>meta words</metadata></svg>';
    assert.deepEqual(hiddenHtml(svg).map((h) => h.text), ['never drawn words', 'meta words']);
  });

  it('reads long img alt text as hidden and leaves short labels alone', () => {
    const html = '<img src="a.png" alt="Logo"><img src="b.png" alt="A sentence long enough to carry an instruction">';
    assert.deepEqual(hiddenHtml(html).map((h) => h.text), ['A sentence long enough to carry an instruction']);
  });
});
