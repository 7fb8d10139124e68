// Secrets a skill reads from the environment without declaring them (requires.env, primaryEnv,
// envVars). OpenClaw injects only declared variables; reading others means reaching for secrets
// that belong to someone else, and sending one over the network is how they leave.

import type { Rule } from '../types.ts';
import { hostOfUrl, isDeclaredApiHost, isSecretEnvName } from './common/destination.ts';

export const undeclaredSecretEnv: Rule = {
  meta: {
    id: 'undeclared-secret-env',
    category: 'declared-mismatch',
    severity: 'medium',
    title: 'Reads a secret env var the skill does not declare',
    description: 'Code reads an environment variable named like a secret (…_TOKEN, …_KEY, …_SECRET, PASSWORD) that is not in requires.env, primaryEnv or envVars. Medium; high when the value is sent over the network.',
    references: ['https://docs.openclaw.ai/tools/skills#gating-load-time-filters'],
    messages: {
      read: 'Reads the undeclared secret {{name}}',
      sent: 'Sends the undeclared secret {{name}} over the network',
    },
  },
  check(facts, context) {
    const declared = context.skill.declaredEnv;
    const sent = new Set<string>();
    // A token sent to the API of the skill's declared app keys was minted from them at run time.
    const foreign = (target: { host?: string; url?: string }) => {
      const host = target.host ?? hostOfUrl(target.url);
      return !host || !isDeclaredApiHost(host, context.skill);
    };
    for (const net of facts.of('network')) for (const s of net.dataSources ?? []) if (s.kind === 'env' && foreign(net)) sent.add(s.name);
    for (const flow of facts.of('flow')) if (flow.source.kind === 'env' && flow.sink.kind === 'network' && foreign(flow.sink)) sent.add(flow.source.name);
    const reported = new Set<string>();
    for (const read of facts.of('env-read')) {
      const name = read.name;
      if (reported.has(name) || declared.has(name) || !isSecretEnvName(name) || read.context.origin === 'prose') continue;
      reported.add(name);
      const isSent = sent.has(name);
      context.report({ messageId: isSent ? 'sent' : 'read', fact: read, data: { name }, severity: isSent ? 'high' : 'medium' });
    }
  },
};
