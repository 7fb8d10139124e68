// Dependency confusion: with `--extra-index-url`, pip takes the highest version from ANY index,
// so a public package named like an internal one wins. A custom index is a risk in itself; with an
// internal-looking package name (or one named after the index's owner), a plain-HTTP index or a raw
// IP it is the attack.

import type { Rule } from '../types.ts';
import { isIpLiteral } from './common/destination.ts';

/** The public default registries (shared with supply-chain-anomalies). */
export const defaultIndexes = /^(?:https:\/\/)?(?:pypi\.org|files\.pythonhosted\.org|registry\.npmjs\.org|registry\.yarnpkg\.com)(?:\/|$)/i;
const internalName = /(?:^|[-_.])(?:internal|corp|corporate|private|priv|intranet|infra|company|enterprise|inhouse|in-house)(?:$|[-_.])/i;

/**
 * The package is named after the index's owner (`acme-warehouse-client` from `pypi.acme-mirror.example`):
 * a package that exists only on that index, which a public package of the same name can shadow.
 */
function namedAfterIndex(name: string, host: string): boolean {
  const first = name.toLowerCase().replace(/^@/, '').split(/[-_./]/)[0] ?? '';
  if (first.length < 3 || /^(?:py|python|node|lib|pypi|npm|simple|pkgs?|packages?|registry|download|files)$/.test(first)) return false;
  return host.split(/[.-]/).includes(first);
}

function hostOf(source: string): string | undefined {
  try {
    return new URL(source).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export const extraIndexUrl: Rule = {
  meta: {
    id: 'extra-index-url',
    category: 'supply-chain',
    severity: 'high',
    title: 'Installs from an extra or custom package index (dependency confusion)',
    description: 'A package installed from a non-default index (pip --index-url/--extra-index-url, npm --registry). High when the package name looks internal, the index is plain HTTP or a raw IP (dependency confusion, or a registry under an attacker\'s control); medium otherwise.',
    references: ['https://medium.com/@alex.birsan/dependency-confusion-4a5d60fec610', 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-extra-index-url'],
    messages: {
      confusion: '{{name}} is installed from the extra index {{source}}: dependency confusion risk',
      custom: '{{name}} is installed from the custom index {{source}}',
    },
  },
  check(facts, context) {
    for (const dep of facts.of('dependency')) {
      const source = dep.source;
      if (!source || !/^(?:https?:)?\/\//i.test(source) || defaultIndexes.test(source)) continue;
      if (/^git\+|\.(?:whl|tar\.gz|tgz|zip)(?:$|[?#])|github\.com\//i.test(source)) continue;
      const host = hostOf(source) ?? '';
      const risky = internalName.test(dep.name.replace(/[@/*]/g, '.')) || namedAfterIndex(dep.name, host) || source.startsWith('http://') || isIpLiteral(host);
      context.report({ messageId: risky ? 'confusion' : 'custom', fact: dep, data: { name: dep.name, source: source.slice(0, 100) }, severity: risky ? 'high' : 'medium' });
    }
  },
};
