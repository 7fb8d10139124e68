// TLS certificate checks turned off (`curl -k`, `verify=False`, `NODE_TLS_REJECT_UNAUTHORIZED=0`).
// Low: it opens a door for interception but is mostly a shortcut around self-signed certificates.
// Local hosts are not reported.

import type { Fact } from '../facts.ts';
import type { Rule } from '../types.ts';
import { hasFlag, programOf } from './common/commands.ts';
import { isLocalHost } from './common/destination.ts';

const codePatterns = /\bverify\s*=\s*False\b|rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0|InsecureSkipVerify\s*:\s*true|ssl\._create_unverified_context|CERT_NONE|sslVerify\s*=?\s*false|ServerCertificateValidationCallback\s*=\s*\{\s*\$true|-SkipCertificateCheck\b/i;

export const tlsVerifyOff: Rule = {
  meta: {
    id: 'tls-verify-off',
    category: 'privilege',
    severity: 'low',
    title: 'Turns off TLS certificate checks',
    description: 'The skill disables TLS certificate verification, so anyone on the network path can read or change its traffic.',
    references: ['https://cwe.mitre.org/data/definitions/295.html'],
    messages: { insecure: 'Turns off TLS certificate checks ({{how}}).' },
  },
  check(facts, context) {
    const local = (f: Fact) => f.kind === 'network' && f.host !== undefined && isLocalHost(f.host);
    for (const cmd of facts.of('command')) {
      const program = programOf(cmd);
      const insecure = (program === 'curl' && hasFlag(cmd, 'k', '--insecure')) || (program === 'wget' && hasFlag(cmd, undefined, '--no-check-certificate'));
      if (!insecure) continue;
      const sameLine = facts.of('network').filter((n) => n.file === cmd.file && n.line === cmd.line);
      if (!sameLine.some(local)) context.report({ messageId: 'insecure', fact: cmd, data: { how: `${program} ${program === 'curl' ? '-k' : '--no-check-certificate'}` } });
    }
    for (const fact of facts.all) {
      if (fact.kind === 'prose' || fact.kind === 'url' || fact.kind === 'command' || local(fact)) continue;
      const m = codePatterns.exec(fact.evidence);
      if (m) context.report({ messageId: 'insecure', fact, data: { how: m[0] } });
    }
  },
};
