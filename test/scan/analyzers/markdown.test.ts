import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownAnalyzer, splitFrontmatter } from '../../../src/scan/analyzers/markdown.ts';
import { codeLanguage, inlineCommandLanguage, stripPrompts } from '../../../src/scan/analyzers/markdown-code.ts';
import { collect, prose, urls } from './markdown-collect.ts';

describe('markdown analyzer: prose blocks', () => {
  const cases: { name: string; md: string; text: string; block: string; line: number; headings: string[]; hidden?: boolean }[] = [
    { name: 'paragraph under headings', md: '# A\n\n## B\n\nHello world.\n', text: 'Hello world.', block: 'paragraph', line: 5, headings: ['A', 'B'] },
    { name: 'list item', md: '# Setup\n\n- install the thing\n', text: 'install the thing', block: 'list-item', line: 3, headings: ['Setup'] },
    { name: 'blockquote', md: '> quoted words\n', text: 'quoted words', block: 'blockquote', line: 1, headings: [] },
    { name: 'table cell', md: '| h1 | h2 |\n|---|---|\n| cell text | x |\n', text: 'cell text', block: 'table', line: 3, headings: [] },
    { name: 'inline code kept', md: 'Run `make all` now.\n', text: 'Run `make all` now.', block: 'paragraph', line: 1, headings: [] },
    { name: 'html comment', md: '# T\n\n<!-- secret note -->\n', text: 'secret note', block: 'html-comment', line: 3, headings: ['T'], hidden: true },
    { name: 'multi-line comment line', md: 'x\n\n<!--\n\nlater line\n-->\n', text: 'later line', block: 'html-comment', line: 3, headings: [], hidden: true },
    { name: 'display:none div', md: '<div style="display:none">hide me</div>\n', text: 'hide me', block: 'other', line: 1, headings: [], hidden: true },
    { name: 'span hidden inline', md: 'see <span hidden>inner words</span> here\n', text: 'inner words', block: 'other', line: 1, headings: [], hidden: true },
    { name: 'hidden div across blank lines', md: '<div hidden>\n\nblock words\n\n</div>\n', text: 'block words', block: 'paragraph', line: 3, headings: [], hidden: true },
    { name: 'reference-definition comment', md: 'text\n\n[//]: # (comment words)\n', text: 'comment words', block: 'other', line: 3, headings: [], hidden: true },
    { name: 'image alt', md: '![alt words](https://img.example/a.png)\n', text: 'alt words', block: 'other', line: 1, headings: [], hidden: true },
    { name: 'frontmatter description', md: '---\nname: x\ndescription: Says hello.\n---\n\nBody.\n', text: 'Says hello.', block: 'frontmatter', line: 3, headings: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = prose(collect(markdownAnalyzer, c.md)).find((p) => p.text === c.text);
      assert.ok(found, `no prose "${c.text}" in ${JSON.stringify(prose(collect(markdownAnalyzer, c.md)).map((p) => p.text))}`);
      assert.equal(found.block, c.block);
      assert.equal(found.line, c.line);
      assert.deepEqual(found.context?.headings ?? [], c.headings);
      assert.equal(found.context?.hidden === true, c.hidden === true);
    });
  }

  it('reads the frontmatter description as YAML does, in every form a SKILL.md writes it', () => {
    const forms: [string, string][] = [
      ['description: Says hello to the team.', 'Says hello to the team.'],
      ['description: "Quoted: with a colon"', 'Quoted: with a colon'],
      ["description: 'Single ''escaped'' quotes'", "Single 'escaped' quotes"],
      ['description: "Escaped \\"quote\\" inside"', 'Escaped "quote" inside'],
      ['description: Plain with a comment # not part of it', 'Plain with a comment'],
      ['description: >\n  Folded\n  text', 'Folded text\n'],
      ['description: Continued\n  on the next line', 'Continued on the next line'],
      ['description: |\n  Literal\n  block', 'Literal\nblock'],
    ];
    for (const [yaml, expected] of forms) {
      const c = collect(markdownAnalyzer, `---\nname: x\n${yaml}\n---\n\nBody.\n`);
      const found = prose(c).find((p) => p.block === 'frontmatter');
      assert.equal(found?.text.trim(), expected.trim().replace(/\s+/g, ' '), yaml);
    }
  });

  it('does not emit the frontmatter as a paragraph and keeps body lines', () => {
    const c = collect(markdownAnalyzer, '---\nname: x\ndescription: d\n---\n# Title\n');
    assert.ok(!prose(c).some((p) => p.text.includes('name: x')));
    assert.equal(prose(c).find((p) => p.text === 'Title')?.line, 5);
  });

  it('visible text of a paragraph excludes its hidden span', () => {
    const visible = prose(collect(markdownAnalyzer, 'a <span style="font-size:0">b</span> c\n')).find((p) => !p.context?.hidden);
    assert.equal(visible?.text, 'a c');
  });
});

describe('markdown analyzer: URLs', () => {
  it('emits links, autolinks, images, definitions, frontmatter and hidden-comment URLs with lines', () => {
    const md = '---\nhomepage: https://home.example/x\n---\n[a](https://one.example/p)\n\nsee https://two.example/q\n\n[ref]: https://three.example\n\n<!-- post to https://drop.example/h -->\n';
    const got = urls(collect(markdownAnalyzer, md)).map((u) => `${u.line} ${u.host}`);
    assert.deepEqual(got.sort(), ['10 drop.example', '2 home.example', '4 one.example', '6 two.example', '8 three.example']);
  });
  it('ignores relative links and mailto', () => {
    assert.deepEqual(urls(collect(markdownAnalyzer, '[a](./docs.md) [b](mailto:x@y.example)\n')), []);
  });
});

describe('markdown analyzer: code', () => {
  const cases: { name: string; md: string; lang: string; line: number; text: string; origin: string }[] = [
    { name: 'tagged bash', md: '# I\n\n```bash\ncurl -s https://a.example\n```\n', lang: 'shell', line: 4, text: 'curl -s https://a.example', origin: 'codeblock' },
    { name: 'untagged with prompt', md: '```\n$ npm i x\nadded 1 package\n```\n', lang: 'shell', line: 2, text: 'npm i x\n', origin: 'codeblock' },
    { name: 'untagged python', md: '```\nimport os\nprint(os.getcwd())\n```\n', lang: 'python', line: 2, text: 'import os\nprint(os.getcwd())', origin: 'codeblock' },
    { name: 'json goes to text', md: '```json\n{"a": 1}\n```\n', lang: 'text', line: 2, text: '{"a": 1}', origin: 'codeblock' },
    { name: 'indented block', md: 'para\n\n    pip install foo\n', lang: 'shell', line: 3, text: 'pip install foo', origin: 'codeblock' },
    { name: 'inline command', md: 'Run `curl -fsSL https://x.example/i.sh | bash` first.\n', lang: 'shell', line: 1, text: 'curl -fsSL https://x.example/i.sh | bash', origin: 'inline-code' },
    { name: 'powershell tag', md: '```powershell\niwr https://x.example | iex\n```\n', lang: 'powershell', line: 2, text: 'iwr https://x.example | iex', origin: 'codeblock' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = collect(markdownAnalyzer, c.md).embedded;
      assert.equal(e.length, 1, JSON.stringify(e));
      assert.equal(e[0]!.lang, c.lang);
      assert.equal(e[0]!.line, c.line);
      assert.equal(e[0]!.text, c.text);
      assert.equal(e[0]!.origin, c.origin);
    });
  }
  it('passes the heading path to code blocks', () => {
    assert.deepEqual(collect(markdownAnalyzer, '# A\n## B\n```sh\nls\n```\n').embedded[0]?.headings, ['A', 'B']);
  });
  it('does not hand ordinary inline code to the shell analyzer', () => {
    assert.deepEqual(collect(markdownAnalyzer, 'Use `jq .name` and `--verbose`.\n').embedded, []);
  });
});

describe('markdown helpers', () => {
  it('codeLanguage guesses', () => {
    const table: [string, string, string][] = [
      ['', 'wget https://x.example/a', 'shell'], ['', 'hello there', 'text'], ['', 'const x = 1', 'javascript'],
      ['text', '$ curl x | sh', 'shell'], ['go', 'package main', 'text'], ['console', 'ls', 'shell'], ['', 'Invoke-WebRequest x', 'powershell'],
    ];
    for (const [tag, code, lang] of table) assert.equal(codeLanguage(tag, code), lang, `${tag} ${code}`);
  });
  it('stripPrompts keeps continuations and blanks output', () => {
    assert.equal(stripPrompts('$ a \\\n  b\nout\n$ c'), 'a \\\n  b\n\nc');
    assert.equal(stripPrompts('plain\nlines'), 'plain\nlines');
  });
  it('inlineCommandLanguage', () => {
    assert.equal(inlineCommandLanguage('echo aGk= | base64 -d | sh'), 'shell');
    assert.equal(inlineCommandLanguage('iex (iwr https://x.example)'), 'powershell');
    assert.equal(inlineCommandLanguage('npm test'), undefined);
  });
  it('splitFrontmatter blanks lines and handles a missing close', () => {
    assert.equal(splitFrontmatter('---\na: 1\n---\nbody').body, '\n\n\nbody');
    assert.equal(splitFrontmatter('---\na: 1\nno close').frontmatter, undefined);
  });
});
