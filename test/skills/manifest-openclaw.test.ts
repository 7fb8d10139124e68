// SKILL.md frontmatter as OpenClaw reads it (openclaw@2026.9.6, dist/frontmatter-*.mjs, from
// packages/markdown-core/src/frontmatter.ts and src/shared/frontmatter.ts; see docs/skill-format.md):
// YAML (core schema) first, OpenClaw's line reader when YAML fails, `metadata` as a nested map or a
// single-line JSON5 string, the block under `openclaw` or a legacy key. Never throws.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../src/skills/index.ts';
import type { OpenClawMetadata } from '../../src/skills/index.ts';

const emptyBlock: OpenClawMetadata = {
  requires: { bins: [], anyBins: [], env: [], config: [] },
  primaryEnv: undefined,
  envVars: [],
  os: [],
  install: [],
  always: false,
  homepage: undefined,
  skillKey: undefined,
  emoji: undefined,
};

const fullJson = JSON.stringify({
  openclaw: {
    emoji: '🌤',
    always: true,
    homepage: 'https://weather.example/docs',
    skillKey: 'weather-pro',
    primaryEnv: 'WEATHER_API_KEY',
    os: ['darwin', 'linux'],
    requires: { bins: ['curl', 'jq'], anyBins: ['python3', 'python'], env: ['WEATHER_API_KEY'], config: ['skills.entries.weather.enabled'] },
    envVars: [{ name: 'WEATHER_API_KEY', required: true, description: 'API key' }, { name: 'WEATHER_UNITS', required: false }],
    install: [
      { id: 'brew', kind: 'brew', formula: 'jq', bins: ['jq'], label: 'Install jq (brew)' },
      { kind: 'download', url: 'https://downloads.example/tool.tgz', sha256: 'ab'.repeat(32), archive: 'tar.gz', os: ['linux'] },
    ],
  },
});

const fullYaml = `metadata:
  openclaw:
    emoji: "🌤"
    always: true
    homepage: https://weather.example/docs
    skillKey: weather-pro
    primaryEnv: WEATHER_API_KEY
    os: [darwin, linux]
    requires:
      bins: [curl, jq]
      anyBins:
        - python3
        - python
      env: [WEATHER_API_KEY]
      config: [skills.entries.weather.enabled]
    envVars:
      - name: WEATHER_API_KEY
        required: true
        description: API key
      - name: WEATHER_UNITS
        required: false
    install:
      - id: brew
        kind: brew
        formula: jq
        bins: [jq]
        label: Install jq (brew)
      - kind: download
        url: https://downloads.example/tool.tgz
        sha256: ${'ab'.repeat(32)}
        archive: tar.gz
        os: [linux]
`;

const fm = (body: string) => `---\n${body}---\n\n# Title\n\nBody text.\n`;
const parse = (text: string) => parseManifest(text, 'SKILL.md');

function assertFullBlock(block: OpenClawMetadata): void {
  assert.deepEqual(block.requires, {
    bins: ['curl', 'jq'], anyBins: ['python3', 'python'], env: ['WEATHER_API_KEY'], config: ['skills.entries.weather.enabled'],
  });
  assert.equal(block.primaryEnv, 'WEATHER_API_KEY');
  assert.deepEqual(block.os, ['darwin', 'linux']);
  assert.equal(block.always, true);
  assert.equal(block.homepage, 'https://weather.example/docs');
  assert.equal(block.skillKey, 'weather-pro');
  assert.equal(block.emoji, '🌤');
  assert.deepEqual(block.envVars, [
    { name: 'WEATHER_API_KEY', required: true, description: 'API key' },
    { name: 'WEATHER_UNITS', required: false, description: undefined },
  ]);
  assert.equal(block.install.length, 2);
  assert.deepEqual(
    block.install.map(({ raw: _raw, ...rest }) => rest),
    [
      { id: 'brew', kind: 'brew', label: 'Install jq (brew)', formula: 'jq', package: undefined, module: undefined, url: undefined, sha256: undefined, archive: undefined, bins: ['jq'], os: [] },
      { id: undefined, kind: 'download', label: undefined, formula: undefined, package: undefined, module: undefined, url: 'https://downloads.example/tool.tgz', sha256: 'ab'.repeat(32), archive: 'tar.gz', bins: [], os: ['linux'] },
    ],
  );
}

describe('manifest: metadata forms', () => {
  it('reads single-line JSON metadata under openclaw', () => {
    const { manifest, issues } = parse(fm(`name: weather\ndescription: Forecasts.\nmetadata: ${fullJson}\n`));
    assert.deepEqual(issues, []);
    assert.equal(manifest.metadataKey, 'openclaw');
    assertFullBlock(manifest.openclaw);
    assert.equal(manifest.homepage, 'https://weather.example/docs', 'homepage falls back to the metadata block');
  });

  it('reads nested YAML metadata to the same block as the JSON form', () => {
    const yaml = parse(fm(`name: weather\ndescription: Forecasts.\n${fullYaml}`));
    const json = parse(fm(`name: weather\ndescription: Forecasts.\nmetadata: ${fullJson}\n`));
    assert.deepEqual(yaml.issues, []);
    assertFullBlock(yaml.manifest.openclaw);
    assert.deepEqual(yaml.manifest.openclaw, json.manifest.openclaw);
  });

  it('reads JSON5 metadata (unquoted keys, single quotes, trailing commas)', () => {
    const { manifest, issues } = parse(fm(`name: j5\nmetadata: {openclaw: {requires: {env: ['TOKEN',],}, primaryEnv: 'TOKEN',},}\n`));
    assert.deepEqual(issues, []);
    assert.deepEqual(manifest.openclaw.requires.env, ['TOKEN']);
    assert.equal(manifest.openclaw.primaryEnv, 'TOKEN');
  });

  it('reads metadata JSON written on the indented lines below `metadata:`', () => {
    const { manifest } = parse(fm(`name: ml\nmetadata:\n  {"openclaw": {"requires": {"bins": ["gh"]}}}\n`));
    assert.deepEqual(manifest.openclaw.requires.bins, ['gh']);
  });

  const legacy: { name: string; metadata: string; key: string | undefined; env: string[] }[] = [
    { name: 'clawdbot', metadata: '{"clawdbot":{"requires":{"env":["A"]}}}', key: 'clawdbot', env: ['A'] },
    { name: 'clawdis', metadata: '{"clawdis":{"requires":{"env":["B"]}}}', key: 'clawdis', env: ['B'] },
    { name: 'openclaw wins over clawdbot (OpenClaw runtime order)', metadata: '{"clawdbot":{"requires":{"env":["OLD"]}},"openclaw":{"requires":{"env":["NEW"]}}}', key: 'openclaw', env: ['NEW'] },
    { name: 'clawdbot wins over clawdis', metadata: '{"clawdis":{"requires":{"env":["C"]}},"clawdbot":{"requires":{"env":["D"]}}}', key: 'clawdbot', env: ['D'] },
    { name: 'a non-object openclaw falls through to a legacy key', metadata: '{"openclaw":"yes","clawdbot":{"requires":{"env":["E"]}}}', key: 'clawdbot', env: ['E'] },
    { name: 'an unknown key is not an OpenClaw block', metadata: '{"hermes":{"requires":{"env":["F"]}}}', key: undefined, env: [] },
  ];
  for (const c of legacy) {
    it(`legacy key: ${c.name}`, () => {
      const { manifest, issues } = parse(fm(`name: legacy\nmetadata: ${c.metadata}\n`));
      assert.deepEqual(issues, []);
      assert.equal(manifest.metadataKey, c.key);
      assert.deepEqual(manifest.openclaw.requires.env, c.env);
    });
  }

  it('splits comma-separated requirement strings like OpenClaw', () => {
    const { manifest } = parse(fm(`name: csv\nmetadata: {"openclaw":{"requires":{"bins":"jq, curl","env":"A_KEY"},"os":"linux"}}\n`));
    assert.deepEqual(manifest.openclaw.requires.bins, ['jq', 'curl']);
    assert.deepEqual(manifest.openclaw.requires.env, ['A_KEY']);
    assert.deepEqual(manifest.openclaw.os, ['linux']);
  });

  it('honours `always` only as a real boolean, as OpenClaw does', () => {
    assert.equal(parse(fm('name: a\nmetadata: {"openclaw":{"always":"true"}}\n')).manifest.openclaw.always, false);
    assert.equal(parse(fm('name: a\nmetadata: {"openclaw":{"always":true}}\n')).manifest.openclaw.always, true);
  });

  it('reports metadata that is not JSON5 and keeps the rest', () => {
    const { manifest, issues } = parse(fm('name: badmeta\ndescription: Still here.\nmetadata: {"openclaw": {requires: \n'));
    assert.equal(manifest.name, 'badmeta');
    assert.equal(manifest.description, 'Still here.');
    assert.deepEqual(manifest.openclaw, emptyBlock);
    assert.ok(issues.some((i) => i.code === 'frontmatter-invalid' && i.file === 'SKILL.md'), JSON.stringify(issues));
  });
});

describe('manifest: top-level keys', () => {
  const table: { name: string; yaml: string; user: boolean; model: boolean; tools: string[] }[] = [
    { name: 'booleans', yaml: 'user-invocable: false\ndisable-model-invocation: true\n', user: false, model: true, tools: [] },
    { name: 'quoted booleans', yaml: 'user-invocable: "false"\ndisable-model-invocation: "true"\n', user: false, model: true, tools: [] },
    { name: 'yes/no words', yaml: 'user-invocable: no\ndisable-model-invocation: yes\n', user: false, model: true, tools: [] },
    { name: 'on/off and 1/0 (OpenClaw parseBooleanValue)', yaml: 'user-invocable: off\ndisable-model-invocation: 1\n', user: false, model: true, tools: [] },
    { name: 'upper case words', yaml: 'user-invocable: FALSE\ndisable-model-invocation: On\n', user: false, model: true, tools: [] },
    { name: 'unknown words keep the defaults', yaml: 'user-invocable: maybe\ndisable-model-invocation: perhaps\n', user: true, model: false, tools: [] },
    { name: 'allowed-tools as a space list', yaml: 'allowed-tools: Bash(git:*) Read\n', user: true, model: false, tools: ['Bash(git:*)', 'Read'] },
    { name: 'allowed-tools as a YAML list', yaml: 'allowed-tools:\n  - Bash\n  - Write\n', user: true, model: false, tools: ['Bash', 'Write'] },
  ];
  for (const c of table) {
    it(`invocation keys: ${c.name}`, () => {
      const { manifest, issues } = parse(fm(`name: inv\n${c.yaml}`));
      assert.deepEqual(issues, []);
      assert.equal(manifest.userInvocable, c.user);
      assert.equal(manifest.disableModelInvocation, c.model);
      assert.deepEqual(manifest.allowedTools, c.tools);
    });
  }

  it('a top-level homepage wins over the metadata one; version and unknown keys are kept', () => {
    const { manifest } = parse(fm('name: hp\nhomepage: https://top.example\nversion: 1.2.0\nlicense: MIT\nmetadata: {"openclaw":{"homepage":"https://meta.example"}}\n'));
    assert.equal(manifest.homepage, 'https://top.example');
    assert.equal(manifest.openclaw.homepage, 'https://meta.example');
    assert.equal(manifest.version, '1.2.0');
    assert.equal(manifest.frontmatter.license, 'MIT');
  });
});

describe('manifest: framing and damage', () => {
  const body = '# Title\n\nBody text.\n';
  const table: { name: string; text: string; issue: boolean; title: string | undefined; bodyLine: number }[] = [
    { name: 'LF', text: `---\nname: lf\ndescription: d\n---\n${body}`, issue: false, title: 'lf', bodyLine: 5 },
    { name: 'CRLF', text: `---\r\nname: crlf\r\ndescription: d\r\n---\r\n${body.replace(/\n/g, '\r\n')}`, issue: false, title: 'crlf', bodyLine: 5 },
    { name: 'BOM', text: `\uFEFF---\nname: bom\ndescription: d\n---\n${body}`, issue: false, title: 'bom', bodyLine: 5 },
    { name: 'BOM and CRLF', text: `\uFEFF---\r\nname: both\r\n---\r\n${body}`, issue: false, title: 'both', bodyLine: 4 },
    { name: 'no frontmatter', text: body, issue: false, title: undefined, bodyLine: 1 },
    { name: 'unterminated frontmatter', text: `---\nname: open\n${body}`, issue: true, title: undefined, bodyLine: 1 },
    { name: 'broken YAML (unclosed flow sequence)', text: `---\nname: broken\ntags: [a, b\ndescription: d\n---\n${body}`, issue: true, title: 'broken', bodyLine: 6 },
    { name: 'broken YAML (bad indentation)', text: `---\nname: indent\n  description: x\n bad: [\n---\n${body}`, issue: true, title: 'indent', bodyLine: 6 },
    { name: 'frontmatter that is a list, not a map', text: `---\n- a\n- b\n---\n${body}`, issue: true, title: undefined, bodyLine: 5 },
    { name: 'empty frontmatter', text: `---\n---\n${body}`, issue: false, title: undefined, bodyLine: 3 },
  ];
  for (const c of table) {
    it(c.name, () => {
      const { manifest, issues } = parse(c.text);
      assert.equal(issues.some((i) => i.code === 'frontmatter-invalid'), c.issue, JSON.stringify(issues));
      assert.equal(manifest.name, c.title);
      assert.equal(manifest.bodyLine, c.bodyLine);
      const lines = c.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      if (c.bodyLine > 1) assert.equal(lines[c.bodyLine - 1], '# Title', 'bodyLine points at the first body line in the file');
      assert.match(manifest.body, /# Title\r?\n/);
      assert.doesNotMatch(manifest.name ?? '', /\r/);
    });
  }

  it('broken YAML elsewhere still yields the line-read description and metadata', () => {
    const text = '---\nname: colon\ndescription: Use this: when things break\nmetadata:\n  {"openclaw": {"requires": {"env": ["API_KEY"]}}}\n---\nbody\n';
    const { manifest, issues } = parse(text);
    assert.equal(manifest.description, 'Use this: when things break');
    assert.deepEqual(manifest.openclaw.requires.env, ['API_KEY']);
    assert.equal(manifest.bodyLine, 7);
    assert.ok(issues.every((i) => i.code === 'frontmatter-invalid'));
  });

});

describe('manifest: resource attacks', () => {
  // Each of these took seconds in the YAML or JSON5 parser before the depth check; the test only
  // asserts the outcome (no throw, an issue, the name still read), never the time.
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const table: { name: string; text: string; issue: RegExp }[] = [
    { name: 'brackets nested 100,000 deep in a frontmatter value', text: `---\nname: deep\ntags: ${deep(100_000)}\n---\n`, issue: /frontmatter nests 100000 levels/ },
    { name: 'metadata JSON nested 50,000 deep', text: `---\nname: deep\nmetadata: {"openclaw": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}\n---\n`, issue: /metadata nests 50001 levels/ },
    { name: 'a YAML alias bomb', text: `---\nname: deep\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n`, issue: /alias/ },
  ];
  for (const c of table) {
    it(c.name, () => {
      const { manifest, issues } = parse(c.text);
      assert.equal(manifest.name, 'deep');
      assert.ok(issues.some((i) => i.code === 'frontmatter-invalid' && c.issue.test(i.message)), JSON.stringify(issues.map((i) => i.message.slice(0, 100))));
    });
  }

  it('ordinary nesting (a few levels) is parsed as before', () => {
    const { manifest, issues } = parse(fm(`name: ok\nmetadata: {"openclaw":{"install":[{"kind":"node","package":"x","bins":["x"],"os":["linux"]}]}}\n`));
    assert.deepEqual(issues, []);
    assert.equal(manifest.openclaw.install[0]?.package, 'x');
  });
});
