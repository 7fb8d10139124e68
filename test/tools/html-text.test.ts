// HTML to readable text: a table of documents and the text the model should read.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, htmlToText } from '../../src/tools/html-text.ts';

const cases: Array<[string, string, string]> = [
  ['paragraphs and headings', '<h2>Title</h2><p>One  line\n wrapped</p><p>Two</p>', '## Title\n\nOne line wrapped\n\nTwo'],
  ['lists', '<ul><li>a</li><li>b <b>bold</b></li></ul>', '- a\n- b bold'],
  ['line breaks', 'a<br>b<br/>c', 'a\nb\nc'],
  ['links keep their address', '<p>See <a href="https://docs.example.com/x">the docs</a>.</p>', 'See the docs (https://docs.example.com/x).'],
  ['relative links keep only the text', '<a href="/x">home</a>', 'home'],
  ['images give their alt text', '<p><img src="a.png" alt="chart of sales"></p>', '[image: chart of sales]'],
  ['script, style and templates are dropped', '<script>var a = "<p>x</p>";</script><style>p{}</style><template><p>t</p></template><p>kept</p>', 'kept'],
  ['hidden content is dropped, nested too', '<div style="display: none"><div>in</div>still hidden</div><p hidden>h</p><span aria-hidden="true">a</span><p>seen</p>', 'seen'],
  ['comments and doctype are dropped', '<!DOCTYPE html><!-- secret note --><p>body</p>', 'body'],
  ['entities are decoded', '<p>&lt;tag&gt; &amp; &quot;q&quot; &#169; &#x4e2d;&nbsp;&mdash; &bogus;</p>', '<tag> & "q" © 中 — &bogus;'],
  ['pre keeps its layout', '<pre>  a\n    b</pre>', 'a\n    b'],
  ['table cells are separated', '<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>', '| k | v\n\n| 1 | 2'],
  ['a stray < is text', '<p>1 < 2</p>', '1 < 2'],
  ['an unclosed comment ends the text', '<p>a</p><!-- never closed <p>b</p>', 'a'],
];
for (const [name, html, text] of cases) {
  test(name, () => {
    assert.equal(htmlToText(html).text, text);
  });
}

test('the title is returned apart from the text', () => {
  const page = htmlToText('<html><head><title> Orders &amp; more </title><meta charset="utf-8"></head><body>x</body></html>');
  assert.deepEqual(page, { title: 'Orders & more', text: 'x' });
});

test('invalid numeric entities become the replacement character', () => {
  assert.equal(decodeEntities('&#0;&#xD800;&#x110000;'), '\uFFFD\uFFFD\uFFFD');
});

test('a large document with many tags is handled in one pass', () => {
  const html = '<div><p>x</p></div>'.repeat(50_000);
  const { text } = htmlToText(html);
  assert.equal(text.split('\n\n').length, 50_000);
});
