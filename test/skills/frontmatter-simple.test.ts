import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import JSON5 from 'json5';
import { parse as parseYaml } from 'yaml';
import { isPlainJsonLine, simpleFrontmatter } from '../../src/skills/frontmatter-simple.ts';

// The YAML path of manifest.ts for a frontmatter YAML accepts: YAML's map, with a one-line JSON
// `metadata` replaced by its line (OpenClaw's rule).
function viaYaml(yaml: string): unknown {
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml, { schema: 'core', uniqueKeys: false });
  } catch {
    return 'YAML rejects it';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a map';
  const line = /^metadata:\s*(\{.*?)\s*$/m.exec(yaml)?.[1];
  if (line) (parsed as Record<string, unknown>).metadata = line;
  return parsed;
}

function frontmattersUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) frontmattersUnder(path, out);
    else if (entry.name === 'SKILL.md') {
      const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'));
      if (m) out.push(m[1]!);
    }
  }
  return out;
}

// Values that sit at the edges of each accepted shape, or just past them.
const values = [
  'Formats notes', 'Formats notes   ', 'C# helper', 'see https://example.com/a?b=c#frag', 'a #comment', 'a: b', 'ends with:',
  'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE', 'null', 'Null', 'nUll', 'yes', 'on', 'Infinity', 'NaN',
  'x, y, and z', 'it\'s "quoted" inside', 'a [bracket]', 'a {brace}', 'back\\slash', 'tab\there', 'x & y * z ! | > % @ `',
  '"double"', '"with \\" escape"', '"with # and : colon"', "'single'", "'it''s'", "'x' tail", '"x" tail', '""', "''",
  '中文描述，帮助团队', 'Ünïcödé', 'nbsp\u00a0inside', 'sep\u2028arator', 'bom\ufeffinside', 'emoji 🎉 here', 'del\u007fchar', 'c1\u0085char',
  '- item', '? key', '&anchor x', '*alias', '!tag x', '|', '>', '%directive', '@at', '`tick`', '[a, b]', '{a: b}', '~', '123', '0x1F', '1e5', '.inf',
];
const metadataValues = [
  '{"openclaw":{"requires":{"bins":["jq"],"env":["API_KEY"]},"primaryEnv":"API_KEY"}}', '{ "a" : 1 , "b" : [ 1 , 2 ] }', '{"a":"x #y: z"}',
  '{"a":"it\'s"}', '{"a":1,}', '{a:1}', '{"a":"\\u0041"}', '{"a":"\\"q\\""}', '{"a":1} # comment', '{"a":1}x', `{"${'k'.repeat(1100)}":1}`,
  '{"a":1e400,"b":-0,"c":null,"d":true}', '{"__proto__":{"x":1}}', '{"a":"é"}', '{}', '[1,2]', '"{\\"a\\":1}"',
];

describe('simple frontmatter (no YAML parser)', () => {
  it('gives what the YAML path gives on every fixture frontmatter it reads', () => {
    const all = frontmattersUnder(new URL('../fixtures/skills', import.meta.url).pathname);
    let read = 0;
    for (const yaml of all) {
      const simple = simpleFrontmatter(yaml);
      if (simple === undefined) continue;
      read++;
      assert.deepEqual(simple, viaYaml(yaml), yaml);
    }
    // Most real frontmatters are of the simple shape; the fast path must not be dead code.
    assert.ok(read > all.length / 2, `${read} of ${all.length}`);
  });

  it('gives what the YAML path gives, or leaves it to YAML, on hostile values and layouts', () => {
    let read = 0;
    let left = 0;
    const check = (yaml: string) => {
      const simple = simpleFrontmatter(yaml);
      if (simple === undefined) left++;
      else {
        read++;
        assert.deepEqual(simple, viaYaml(yaml), JSON.stringify(yaml));
      }
    };
    for (const v of values) {
      check(`name: demo\ndescription: ${v}`);
      check(`description: ${v}\nversion: 1.0.0`);
      check(`${v.replace(/\W/g, '') || 'k'}: x`);
    }
    for (const m of metadataValues) check(`name: demo\nmetadata: ${m}`);
    for (const layout of ['', '\n', 'name: a\n\nversion: b', 'name: a\n  indented: b', 'name: a\nname: b', 'true: x', 'Null: x', '# comment\nname: a', 'name:a', 'name:  a', 'name: a\n...', 'name: a\n%YAML 1.2', 'a-b_c: d', 'metadata:\n  {"a": 1}']) check(layout);
    assert.ok(read > 40 && left > 40, `read ${read}, left to YAML ${left}`);
  });

  it('reads one-line JSON metadata the way JSON5 does, and only when YAML accepts it', () => {
    for (const m of metadataValues) {
      if (!isPlainJsonLine(m)) continue;
      assert.deepEqual(JSON.parse(m), JSON5.parse(m), m);
      assert.notEqual(viaYaml(`metadata: ${m}`), 'YAML rejects it', m);
    }
    assert.equal(isPlainJsonLine('{"a":"\\u0041"}'), false);
    assert.equal(isPlainJsonLine(`{"${'k'.repeat(1100)}":1}`), false);
    assert.equal(isPlainJsonLine('[1,2]'), false);
  });
});
