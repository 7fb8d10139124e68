// A dependency or install one or two edits away from a popular package (`reqeusts`, `axois`,
// `cllawhub`): the typo installs the attacker's package. A swap of two letters is one edit. Known
// ClawHavoc look-alikes are high, and so is a near miss the code really imports (the typo is not
// just in a note) or a skill with two or more near misses (nobody slips twice by chance).

import type { Rule } from '../types.ts';
import { typoDistance } from './common/edit-distance.ts';
import { knownLegitimate, knownTyposquats, popularPackages } from './prose/popular-packages.ts';

const runners = new Set(['npx', 'bunx', 'pnpx', 'uvx', 'pipx']);

/** The popular package `name` imitates, if any. */
export function imitated(name: string): string | undefined {
  const n = name.toLowerCase().replace(/^@[^/]+\//, '').replace(/@.*$/, '');
  if (n.length < 4 || knownLegitimate.has(n) || popularPackages.includes(n)) return undefined;
  for (const popular of popularPackages) {
    const limit = popular.length >= 8 ? 2 : popular.length >= 5 ? 1 : 0;
    if (limit > 0 && typoDistance(n, popular, limit) <= limit) return popular;
  }
  return undefined;
}

export const typosquatPackage: Rule = {
  meta: {
    id: 'typosquat-package',
    category: 'supply-chain',
    severity: 'medium',
    title: 'Package name one or two edits from a popular package',
    description: 'A dependency, install command or npx/uvx run of a package whose name is a near miss of a popular one (edit distance 1 for short names, 2 for long ones). Known ClawHavoc typosquats (clawhub1, cllawhub…) are high.',
    references: ['https://www.koi.ai/blog/clawhavoc-341-malicious-clawedbot-skills-found-by-the-bot-they-were-targeting', 'https://arxiv.org/abs/2005.09535'],
    messages: {
      known: '{{name}} is a known malicious look-alike of {{target}}',
      nearMiss: '{{name}} looks like a typo of the popular package {{target}}',
    },
  },
  check(facts, context) {
    const names: { name: string; fact: (typeof facts.all)[number] }[] = [];
    for (const dep of facts.of('dependency')) names.push({ name: dep.name, fact: dep });
    for (const cmd of facts.of('command')) {
      const first = cmd.args.find((a) => !a.startsWith('-'));
      if (runners.has(cmd.name) && first) names.push({ name: first, fact: cmd });
    }
    const near: { n: string; target: string; fact: (typeof facts.all)[number] }[] = [];
    for (const { name, fact } of names) {
      const n = name.toLowerCase().replace(/@[^/]*$/, '');
      if (knownTyposquats.has(n)) {
        context.report({ messageId: 'known', fact, data: { name: n, target: n.includes('hub') ? 'clawhub' : 'openclaw' }, severity: 'high' });
        continue;
      }
      const target = imitated(n);
      if (target) near.push({ n, target, fact });
    }
    const imported = new Set(facts.of('import').map((i) => i.module.toLowerCase().split('/')[0]!.split('.')[0]!));
    const distinct = new Set(near.map((x) => x.n)).size;
    for (const { n, target, fact } of near) {
      const high = distinct >= 2 || imported.has(n.replace(/^@[^/]+\//, '')) || imported.has(n.replace(/-/g, '_'));
      context.report({ messageId: 'nearMiss', fact, data: { name: n, target }, severity: high ? 'high' : 'medium' });
    }
  },
};
