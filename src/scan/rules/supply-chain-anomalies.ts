// Several independent supply-chain anomalies in one skill's dependencies: a near-miss of a popular
// package name, a custom package index, a dependency fetched from a git or URL source off the big
// code hosts, an install hook that downloads or runs code. Each alone is often an ordinary choice
// (a PyTorch wheel index, a fork on a company git server) and is reported medium or low by its own
// rule; two different kinds in one skill are how a poisoned manifest looks (a typo that resolves on
// the attacker's index), which no tidy project needs. Looks only at dependency and install-hook facts.

import type { FactOf } from '../facts.ts';
import type { Rule } from '../types.ts';
import { defaultIndexes } from './extra-index-url.ts';
import { fetchesOrRuns } from './install-hook-network.ts';
import { imitated } from './typosquat-package.ts';
import { knownTyposquats } from './prose/popular-packages.ts';

type Kind = 'typosquat' | 'custom-index' | 'foreign-source' | 'install-hook';

const labels: Readonly<Record<Kind, string>> = {
  typosquat: 'a look-alike package name',
  'custom-index': 'a custom package index',
  'foreign-source': 'a dependency from a git/URL source off the big code hosts',
  'install-hook': 'an install hook that downloads or runs code',
};

const bigCodeHosts = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|files\.pythonhosted\.org|registry\.npmjs\.org)(?:[/:]|$)|^(?:git@)?github\.com:/i;
const archive = /\.(?:whl|tar\.gz|tgz|zip)(?:$|[?#])/i;

function kindOfSource(source: string | undefined): Kind | undefined {
  if (!source || !/^(?:git\+|https?:\/\/|ssh:\/\/|git:\/\/|git@)/i.test(source) || defaultIndexes.test(source)) return undefined;
  if (/^git(?:\+|@|:)|^ssh:/i.test(source) || archive.test(source)) return bigCodeHosts.test(source) ? undefined : 'foreign-source';
  return 'custom-index';
}

export const supplyChainAnomalies: Rule = {
  meta: {
    id: 'supply-chain-anomalies',
    category: 'supply-chain',
    severity: 'high',
    title: 'Combines several supply-chain anomalies',
    description: 'The skill\'s manifests and install commands show two or more different kinds of supply-chain anomaly: a package name one or two edits from a popular one, a custom package index, a dependency fetched from git or a URL off the big code hosts, an install hook that downloads or runs code. Each alone is reported by its own rule at its own severity; together they are how a poisoned manifest looks.',
    references: ['https://medium.com/@alex.birsan/dependency-confusion-4a5d60fec610', 'https://attack.mitre.org/techniques/T1195/001/'],
    messages: {
      combined: 'Supply-chain anomalies of {{count}} kinds ({{kinds}}), first: {{evidence}}',
    },
  },
  check(facts, context) {
    const byKind = new Map<Kind, FactOf<'dependency'> | FactOf<'install-hook'>>();
    const note = (kind: Kind | undefined, fact: FactOf<'dependency'> | FactOf<'install-hook'>) => {
      if (kind && !byKind.has(kind)) byKind.set(kind, fact);
    };
    for (const dep of facts.of('dependency')) {
      const name = dep.name.toLowerCase();
      if (knownTyposquats.has(name) || imitated(name)) note('typosquat', dep);
      note(kindOfSource(dep.source), dep);
    }
    for (const hook of facts.of('install-hook')) if (fetchesOrRuns.test(hook.command)) note('install-hook', hook);
    if (byKind.size < 2) return;
    const first = [...byKind.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)[0]!;
    context.report({
      messageId: 'combined', fact: first,
      data: { count: byKind.size, kinds: [...byKind.keys()].map((k) => labels[k]).join(', '), evidence: first.evidence.slice(0, 100) },
    });
  },
};
