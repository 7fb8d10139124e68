import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../src/skills/index.ts';

interface Case {
  name: string;
  text: string;
  expect: {
    name?: string;
    description?: string;
    bins?: string[];
    env?: string[];
    metadataKey?: string;
    always?: boolean;
    allowedTools?: string[];
    userInvocable?: boolean;
    disableModelInvocation?: boolean;
    homepage?: string;
    version?: string;
    bodyLine: number;
    bodyStart: string;
    issues: string[];
  };
}

const cases: Case[] = [
  {
    name: 'plain AgentSkills frontmatter',
    text: '---\nname: notes\ndescription: Take notes\n---\n# Notes\n',
    expect: { name: 'notes', description: 'Take notes', bodyLine: 5, bodyStart: '# Notes', issues: [] },
  },
  {
    name: 'single-line JSON metadata',
    text: '---\nname: gh\ndescription: GitHub\nmetadata: {"openclaw": {"requires": {"bins": ["gh"], "env": ["GH_TOKEN"]}}}\n---\nBody\n',
    expect: { name: 'gh', bins: ['gh'], env: ['GH_TOKEN'], metadataKey: 'openclaw', bodyLine: 6, bodyStart: 'Body', issues: [] },
  },
  {
    name: 'nested YAML metadata',
    text: '---\nname: wx\nmetadata:\n  openclaw:\n    always: true\n    requires:\n      bins: [curl, jq]\n---\nBody',
    expect: { name: 'wx', bins: ['curl', 'jq'], metadataKey: 'openclaw', always: true, bodyLine: 9, bodyStart: 'Body', issues: [] },
  },
  {
    name: 'multi-line JSON5 metadata with trailing commas',
    text: '---\nname: gh\nmetadata:\n  {\n    "openclaw":\n      {\n        "requires": { "bins": ["gh"], },\n      },\n  }\n---\nBody',
    expect: { name: 'gh', bins: ['gh'], metadataKey: 'openclaw', bodyLine: 11, bodyStart: 'Body', issues: [] },
  },
  {
    name: 'legacy clawdbot key',
    text: '---\nname: old\nmetadata: {"clawdbot": {"requires": {"env": ["API_KEY"]}}}\n---\n',
    expect: { name: 'old', env: ['API_KEY'], metadataKey: 'clawdbot', bodyLine: 5, bodyStart: '', issues: [] },
  },
  {
    name: 'legacy clawdis key',
    text: "---\nname: older\nmetadata: {clawdis: {requires: {bins: ['node']}}}\n---\nx",
    expect: { name: 'older', bins: ['node'], metadataKey: 'clawdis', bodyLine: 5, bodyStart: 'x', issues: [] },
  },
  {
    name: 'always as a string is not honoured (OpenClaw wants a boolean)',
    text: '---\nname: s\nmetadata: {"openclaw": {"always": "true"}}\n---\n',
    expect: { name: 's', metadataKey: 'openclaw', always: false, bodyLine: 5, bodyStart: '', issues: [] },
  },
  {
    name: 'invocation keys, allowed-tools as a string, homepage and version',
    text: '---\nname: k\nuser-invocable: false\ndisable-model-invocation: true\nallowed-tools: Bash Read\nhomepage: https://example.com/k\nversion: 1.2.3\n---\n',
    expect: {
      name: 'k', userInvocable: false, disableModelInvocation: true, allowedTools: ['Bash', 'Read'],
      homepage: 'https://example.com/k', version: '1.2.3', bodyLine: 9, bodyStart: '', issues: [],
    },
  },
  {
    name: 'allowed-tools as a list',
    text: '---\nname: k\nallowed-tools:\n  - Bash\n  - Write\n---\n',
    expect: { name: 'k', allowedTools: ['Bash', 'Write'], bodyLine: 7, bodyStart: '', issues: [] },
  },
  {
    name: 'broken YAML (unquoted colon) falls back to lines',
    text: '---\nname: colon\ndescription: Use this: then that\nmetadata: {"openclaw": {"requires": {"bins": ["sh"]}}}\n---\nBody',
    expect: { name: 'colon', description: 'Use this: then that', bins: ['sh'], metadataKey: 'openclaw', bodyLine: 6, bodyStart: 'Body', issues: ['frontmatter-invalid'] },
  },
  {
    name: 'metadata that is not JSON5',
    text: '---\nname: m\nmetadata: "{openclaw: [}"\n---\n',
    expect: { name: 'm', bodyLine: 5, bodyStart: '', issues: ['frontmatter-invalid'] },
  },
  {
    name: 'no frontmatter',
    text: '# Just a heading\n\nText.',
    expect: { bodyLine: 1, bodyStart: '# Just a heading', issues: [] },
  },
  {
    name: 'frontmatter never closed',
    text: '---\nname: open\n# Body',
    expect: { bodyLine: 1, bodyStart: '---', issues: ['frontmatter-invalid'] },
  },
  {
    name: 'CRLF line endings',
    text: '---\r\nname: crlf\r\ndescription: Windows\r\n---\r\nBody\r\n',
    expect: { name: 'crlf', description: 'Windows', bodyLine: 5, bodyStart: 'Body', issues: [] },
  },
  {
    name: 'byte order mark',
    text: '\uFEFF---\nname: bom\n---\nBody',
    expect: { name: 'bom', bodyLine: 4, bodyStart: 'Body', issues: [] },
  },
  {
    name: 'frontmatter that is a scalar, not a map',
    text: '---\njust words\n---\nBody',
    expect: { bodyLine: 4, bodyStart: 'Body', issues: ['frontmatter-invalid'] },
  },
];

for (const c of cases) {
  test(`parseManifest: ${c.name}`, () => {
    const { manifest, issues } = parseManifest(c.text, 'SKILL.md');
    const e = c.expect;
    assert.equal(manifest.file, 'SKILL.md');
    assert.equal(manifest.name, e.name);
    if (e.description !== undefined) assert.equal(manifest.description, e.description);
    assert.deepEqual(manifest.openclaw.requires.bins, e.bins ?? []);
    assert.deepEqual(manifest.openclaw.requires.env, e.env ?? []);
    assert.equal(manifest.metadataKey, e.metadataKey);
    assert.equal(manifest.openclaw.always, e.always ?? false);
    assert.deepEqual(manifest.allowedTools, e.allowedTools ?? []);
    assert.equal(manifest.userInvocable, e.userInvocable ?? true);
    assert.equal(manifest.disableModelInvocation, e.disableModelInvocation ?? false);
    assert.equal(manifest.homepage, e.homepage);
    assert.equal(manifest.version, e.version);
    assert.equal(manifest.bodyLine, e.bodyLine);
    assert.ok(manifest.body.startsWith(e.bodyStart), `body starts with ${JSON.stringify(e.bodyStart)}: ${JSON.stringify(manifest.body)}`);
    assert.deepEqual(issues.map((i) => i.code), e.issues);
  });
}

test('parseManifest: bodyLine points at the body line in the original text', () => {
  const text = '---\nname: x\ndescription: >\n  folded\n  text\n---\nFIRST BODY LINE\n';
  const { manifest } = parseManifest(text, 'SKILL.md');
  assert.equal(text.split('\n')[manifest.bodyLine - 1], 'FIRST BODY LINE');
});

test('parseManifest: install specs and envVars are normalised', () => {
  const text = '---\nname: i\nmetadata: {"openclaw": {"primaryEnv": "K", "envVars": ["K", {"name": "OPT", "required": false}],'
    + ' "install": [{"kind": "download", "url": "https://example.com/x.tgz", "bins": "x"}], "os": ["linux"]}}\n---\n';
  const { manifest } = parseManifest(text, 'SKILL.md');
  assert.equal(manifest.openclaw.primaryEnv, 'K');
  assert.deepEqual(manifest.openclaw.envVars.map((v) => [v.name, v.required]), [['K', true], ['OPT', false]]);
  assert.equal(manifest.openclaw.install[0]?.url, 'https://example.com/x.tgz');
  assert.deepEqual(manifest.openclaw.install[0]?.bins, ['x']);
  assert.deepEqual(manifest.openclaw.os, ['linux']);
});

test('parseManifest: never throws on random garbage', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = '-:{}[]"\'\n\r \t#|>&*!%@`,abc\uFEFF\u0000';
  for (let n = 0; n < 300; n++) {
    const len = next() % 120;
    let text = n % 2 ? '---\n' : '';
    for (let i = 0; i < len; i++) text += alphabet[next() % alphabet.length];
    const { manifest } = parseManifest(text, 'SKILL.md');
    assert.ok(manifest.bodyLine >= 1);
  }
});
