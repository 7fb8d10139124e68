// Acceptance 1 of issue 4: the labelled corpus under test/fixtures/skills/. Every skill is loaded
// with the real loader and scanned with the real engine; recall on the malicious half and the
// flagged rate on the benign half are asserted and printed (the closing note quotes them).
// The corpus itself is checked too: labels match the folders, every attack and hard-benign
// category has at least two samples, and the malicious samples are defanged (reserved hosts and
// documentation IP ranges only). Nothing in the corpus is ever executed.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SkillReport } from '../../src/scan/types.ts';
import type { LoadedSkill } from '../../src/skills/index.ts';

const root = fileURLToPath(new URL('../fixtures/skills/', import.meta.url));

interface LabelEntry {
  path: string;
  label: 'malicious' | 'benign';
  categories: string[];
  subtle?: boolean;
  hard?: boolean;
  note: string;
}

const labels = (JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as { version: number; skills: LabelEntry[] }).skills;

/** The attack categories of issue 4 and the brief; each needs at least two samples. */
const maliciousCategories = [
  'fake-prerequisite', 'base64-oneliner', 'password-zip', 'binary-download', 'powershell-cradle',
  'paste-in-terminal', 'openclaw-credentials', 'agent-memory-read', 'env-file', 'env-dump', 'ssh-keys',
  'cloud-credentials', 'browser-store', 'wallet', 'exfil-webhook', 'exfil-paste', 'exfil-raw-ip',
  'reverse-shell', 'persistence-cron', 'persistence-rc', 'persistence-launchd', 'persistence-systemd',
  'authorized-keys', 'path-sudo-hijack', 'agent-memory-write', 'instruction-override', 'memory-poisoning',
  'safety-off', 'conversation-exfil', 'remote-instructions', 'seed-phrase', 'hidden-zero-width',
  'hidden-bidi', 'hidden-unicode-tags', 'hidden-html-comment', 'reference-injection', 'obfuscation',
  'mcp-poisoning', 'dependency-confusion', 'typosquat', 'install-script', 'dns-exfil', 'git-exfil',
  'destructive', 'privilege-escalation', 'sandbox-escape', 'split-across-files', 'helper-chain',
  'one-bad-line',
];

/** What public scanners wrongly flag (issue 4); each needs at least two benign samples. */
const benignCategories = [
  'declared-api', 'security-tool', 'secret-patterns', 'injection-teaching', 'deploy', 'base64-media',
  'pinned-install', 'official-installer', 'own-webhook', 'local-sensitive-read', 'persona-consent',
  'persistence-consent', 'backup', 'git-push-own', 'scheduling', 'dingtalk-zh', 'data-analysis', 'writing',
];

const minimumPerLabel = 66;
const minRecall = 0.95;
const maxBenignFlagged = 0.05;

function folders(label: string): string[] {
  return readdirSync(join(root, label), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${label}/${d.name}`)
    .sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

// Defanging: hosts a malicious sample may name. Reserved names (RFC 2606/6761), documentation
// IP ranges (RFC 5737), the well-known sinks a category needs (never with a working path), and
// the real services a legit-looking sample really calls.
const reservedHost = /(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$/i;
const docIp = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/;
const allowedHosts = new Set([
  'webhook.site', 'pastebin.com', 'glot.io', 'discord.com', 'api.telegram.org',
  'wttr.in', 'api.notion.com', 'www.apple.com', 'www.w3.org', 'github.com', 'api.github.com', 'localhost', '127.0.0.1',
]);

describe('labelled skill corpus: labels', () => {
  it('labels.json lists exactly the corpus folders, each under its own label', () => {
    const onDisk = [...folders('malicious'), ...folders('benign')].sort();
    const labelled = labels.map((l) => l.path).sort();
    assert.deepEqual(labelled, onDisk);
    assert.equal(new Set(labelled).size, labelled.length, 'duplicate label entries');
    for (const l of labels) {
      assert.equal(l.path.split('/')[0], l.label, `${l.path}: label does not match its folder`);
      assert.ok(l.categories.length > 0, `${l.path}: no categories`);
      assert.ok(l.note.length > 10, `${l.path}: note missing`);
    }
  });

  it('has enough samples, a third of them subtle (malicious) or hard (benign)', () => {
    const mal = labels.filter((l) => l.label === 'malicious');
    const ben = labels.filter((l) => l.label === 'benign');
    assert.ok(mal.length >= minimumPerLabel, `${mal.length} malicious samples`);
    assert.ok(ben.length >= minimumPerLabel, `${ben.length} benign samples`);
    assert.ok(mal.filter((l) => l.subtle).length * 3 >= mal.length, 'fewer than a third subtle');
    assert.ok(ben.filter((l) => l.hard).length * 3 >= ben.length, 'fewer than a third hard');
  });

  for (const [label, required] of [['malicious', maliciousCategories], ['benign', benignCategories]] as const) {
    it(`every ${label} category has at least two samples, and no category is unknown`, () => {
      const counts = new Map<string, number>();
      for (const l of labels.filter((x) => x.label === label)) {
        for (const c of l.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const thin = required.filter((c) => (counts.get(c) ?? 0) < 2);
      assert.deepEqual(thin, [], `categories with fewer than two samples: ${thin.join(', ')}`);
      const known = new Set<string>([...required, 'plain', 'code-review', 'mcp-guidance']);
      const unknown = [...counts.keys()].filter((c) => !known.has(c));
      assert.deepEqual(unknown, [], `unknown categories: ${unknown.join(', ')}`);
    });
  }

  it('malicious samples are defanged: reserved hosts and documentation IPs only', () => {
    const bad: string[] = [];
    for (const skill of folders('malicious')) {
      for (const file of filesUnder(join(root, skill))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(?:https?|ftp|wss?):\/\/([^/\s"'`)<>:?#]+)/gi)) {
          const host = m[1]!.toLowerCase().replace(/^[^@]*@/, '');
          if (!reservedHost.test(host) && !docIp.test(host) && !allowedHosts.has(host)) bad.push(`${file}: ${host}`);
        }
        for (const m of text.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/g)) {
          const ip = m[1]!;
          // A reversed-string payload holds its documentation IP backwards.
          const reversed = [...ip].reverse().join('');
          if (!docIp.test(ip) && !docIp.test(reversed) && ip !== '127.0.0.1' && ip !== '0.0.0.0') bad.push(`${file}: ${ip}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });
});

// The scanner is imported when the quality test runs, so the corpus checks above still report
// when the scanner itself does not load.
async function scanner() {
  const [{ loadSkills }, { scanSkill }] = await Promise.all([import('../../src/skills/index.ts'), import('../../src/scan/engine.ts')]);
  return { loadSkills, scanSkill };
}

async function loadOne(loadSkills: Awaited<ReturnType<typeof scanner>>['loadSkills'], dir: string): Promise<LoadedSkill> {
  const results = [];
  for await (const result of loadSkills([dir])) results.push(result);
  assert.equal(results.length, 1, `${dir}: expected one skill, got ${results.length}`);
  const [result] = results;
  if (!result!.ok) assert.fail(`${dir}: ${result!.error.message}`);
  return result!.skill;
}

function top(report: SkillReport): string {
  return report.findings.slice(0, 3).map((f) => `${f.severity} ${f.ruleId} ${f.file}:${f.line}`).join('; ') || 'no findings';
}

describe('labelled skill corpus: scanner quality (acceptance 1)', () => {
  it(`recall ≥ ${minRecall}, benign flagged ≤ ${maxBenignFlagged}, no benign skill malicious`, async () => {
    const { loadSkills, scanSkill } = await scanner();
    const reports = new Map<string, SkillReport>();
    for (const l of labels) reports.set(l.path, await scanSkill(await loadOne(loadSkills, join(root, l.path))));

    const mal = labels.filter((l) => l.label === 'malicious');
    const ben = labels.filter((l) => l.label === 'benign');
    const verdict = (l: LabelEntry) => reports.get(l.path)!.verdict;
    const misses = mal.filter((l) => verdict(l) === 'clean');
    const flagged = ben.filter((l) => verdict(l) !== 'clean');
    const benignMalicious = ben.filter((l) => verdict(l) === 'malicious');
    const recall = (mal.length - misses.length) / mal.length;
    const flaggedRate = flagged.length / ben.length;
    const subtle = mal.filter((l) => l.subtle);
    const subtleRecall = subtle.filter((l) => verdict(l) !== 'clean').length / subtle.length;
    const hard = ben.filter((l) => l.hard);
    const count = (ls: LabelEntry[], v: string) => ls.filter((l) => verdict(l) === v).length;

    console.log(`corpus: ${mal.length} malicious (${subtle.length} subtle), ${ben.length} benign (${hard.length} hard)`);
    console.log(`malicious verdicts: ${count(mal, 'malicious')} malicious, ${count(mal, 'suspicious')} suspicious, ${misses.length} clean`);
    console.log(`benign verdicts: ${count(ben, 'clean')} clean, ${count(ben, 'suspicious')} suspicious, ${benignMalicious.length} malicious`);
    console.log(`recall ${recall.toFixed(3)} (subtle ${subtleRecall.toFixed(3)}); benign flagged ${flaggedRate.toFixed(3)} (hard ${(hard.filter((l) => verdict(l) !== 'clean').length / hard.length).toFixed(3)})`);
    for (const l of misses) console.log(`MISS ${l.path} [${l.categories.join(',')}]: ${l.note}`);
    for (const l of flagged) console.log(`FP   ${l.path} ${verdict(l)} score ${reports.get(l.path)!.score}: ${top(reports.get(l.path)!)}`);

    assert.deepEqual(benignMalicious.map((l) => l.path), [], 'benign skills called malicious');
    assert.ok(recall >= minRecall, `recall ${recall.toFixed(3)} < ${minRecall}; misses: ${misses.map((l) => l.path).join(', ')}`);
    assert.ok(flaggedRate <= maxBenignFlagged, `benign flagged ${flaggedRate.toFixed(3)} > ${maxBenignFlagged}: ${flagged.map((l) => l.path).join(', ')}`);
  });
});
