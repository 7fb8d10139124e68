// `pip install foo` / `npm install foo` in a skill's instructions installs whatever the registry
// serves that day. Not an attack, but a skill that changes under its users: low, shown only; info
// in a reference file's examples (`npm install tsup` in a guide the agent reads on demand), where
// dozens of them are normal and must not add up to a verdict.

import type { Rule } from '../types.ts';
import { isReferenceDoc } from './common/context.ts';

const registries = new Set(['npm', 'pypi']);

export const unpinnedInstall: Rule = {
  meta: {
    id: 'unpinned-install',
    category: 'supply-chain',
    severity: 'low',
    title: 'Installs a package without pinning its version',
    description: 'An install command for an npm or PyPI package without an exact version or hash, so what is installed can change after the skill was reviewed. Info in the documentation of reference files (not SKILL.md, not scripts).',
    references: ['https://pip.pypa.io/en/stable/topics/secure-installs/', 'https://docs.npmjs.com/cli/commands/npm-install'],
    messages: {
      unpinned: '{{ecosystem}} package {{name}} is installed without a pinned version',
    },
  },
  check(facts, context) {
    for (const dep of facts.of('dependency')) {
      if (dep.via !== 'install-command' || dep.pinned || !registries.has(dep.ecosystem) || dep.source) continue;
      const severity = isReferenceDoc(dep, context.skill) ? 'info' : 'low';
      context.report({ messageId: 'unpinned', fact: dep, data: { ecosystem: dep.ecosystem, name: dep.name }, severity });
    }
  },
};
