// A dependency whose package itself (a tarball, a wheel, a git repository) comes over plain HTTP or
// unencrypted git://, or from a raw public IP: anyone on the path, or whoever holds that address,
// decides what gets installed, and a raw IP is never where a maintained package lives. Index URLs
// are extra-index-url's concern; this rule looks only at direct artifact and repository sources.

import type { Rule } from '../types.ts';
import { hostOfUrl, isIpLiteral, isLocalHost } from './common/destination.ts';

/** A direct artifact or a repository rather than an index. */
const directSource = /^(?:git\+|git:\/\/)|\.(?:whl|tar\.gz|tgz|tar\.bz2|zip|gem|crate)(?:$|[?#])|\.git(?:$|[#@])/i;

export const insecureDependencySource: Rule = {
  meta: {
    id: 'insecure-dependency-source',
    category: 'supply-chain',
    severity: 'high',
    title: 'Dependency fetched over plain HTTP or from a raw IP',
    description: 'A manifest or install command takes a package tarball, wheel or git repository over plain HTTP or git://, or from a public IP address. The content is whatever the network path or the address owner serves at install time; no maintained package is published that way. Local and private addresses (a developer\'s own mirror) are not reported.',
    references: ['https://attack.mitre.org/techniques/T1195/002/', 'https://docs.npmjs.com/cli/configuring-npm/package-json#urls-as-dependencies'],
    messages: {
      plain: '{{name}} is fetched without encryption: {{source}}',
      ip: '{{name}} is fetched from the raw IP {{host}}: {{source}}',
    },
  },
  check(facts, context) {
    for (const dep of facts.of('dependency')) {
      const source = dep.source;
      if (!source || !directSource.test(source)) continue;
      const url = source.replace(/^git\+/i, '');
      const host = hostOfUrl(url);
      if (!host || isLocalHost(host)) continue;
      const data = { name: dep.name, source: source.slice(0, 100), host };
      if (isIpLiteral(host)) context.report({ messageId: 'ip', fact: dep, data });
      else if (/^(?:http|git):\/\//i.test(url)) context.report({ messageId: 'plain', fact: dep, data });
    }
  },
};
