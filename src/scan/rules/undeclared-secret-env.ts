// Secrets a skill reads from the environment without declaring them (requires.env, primaryEnv,
// envVars). OpenClaw injects only declared variables; reading others means reaching for secrets
// that belong to someone else, and sending one to a foreign host is how they leave. Sending it to
// the service the skill is about (its API, its vendor's hosts, an address the user configures) is
// the skill's purpose with a missing declaration: low.

import type { Rule, Severity } from '../types.ts';
import { isReferenceDoc, lower } from './common/context.ts';
import { documentedHosts, hostOfUrl, isDeclaredApiHost, isForeign, isOwnApiHost, isSecretEnvName, judgeDestination } from './common/destination.ts';

type Target = { host?: string; url?: string; protocol?: string };

export const undeclaredSecretEnv: Rule = {
  meta: {
    id: 'undeclared-secret-env',
    category: 'declared-mismatch',
    severity: 'medium',
    title: 'Reads a secret env var the skill does not declare',
    description: 'Code reads an environment variable named like a secret (…_TOKEN, …_KEY, …_SECRET, PASSWORD) that is not in requires.env, primaryEnv or envVars. Medium; high when the value is sent to a host foreign to the skill, low when it goes to the service the skill is about. One step lower in documentation outside SKILL.md.',
    references: ['https://docs.openclaw.ai/tools/skills#gating-load-time-filters'],
    messages: {
      read: 'Reads the undeclared secret {{name}}',
      sent: 'Sends the undeclared secret {{name}} over the network',
      sentToOwn: 'Sends the undeclared secret {{name}} to the service the skill is about ({{host}}); declare it in requires.env',
    },
  },
  check(facts, context) {
    const skill = context.skill;
    const docHosts = documentedHosts(facts, skill);
    /** Per variable: sent somewhere foreign (true) or only to the skill's own service (false, with its label). */
    const sent = new Map<string, { foreign: boolean; host: string }>();
    const note = (name: string, target: Target) => {
      const host = target.host ?? hostOfUrl(target.url);
      const dest = judgeDestination(target, skill, docHosts);
      // A token sent to the API of the skill's declared app keys was minted from them at run time.
      const own = (host !== undefined && dest.kind !== 'exfil-sink' && (isDeclaredApiHost(host, skill) || isOwnApiHost(name, host))) || !isForeign(dest);
      const prev = sent.get(name);
      if (!prev || (!own && !prev.foreign)) sent.set(name, { foreign: !own, host: dest.label });
    };
    for (const net of facts.of('network')) for (const s of net.dataSources ?? []) if (s.kind === 'env') note(s.name, net);
    for (const flow of facts.of('flow')) if (flow.source.kind === 'env' && flow.sink.kind === 'network') note(flow.source.name, flow.sink);
    const reported = new Set<string>();
    for (const read of facts.of('env-read')) {
      const name = read.name;
      if (reported.has(name) || skill.declaredEnv.has(name) || !isSecretEnvName(name) || read.context.origin === 'prose') continue;
      reported.add(name);
      const where = sent.get(name);
      const [messageId, severity]: [string, Severity] = !where ? ['read', 'medium'] : where.foreign ? ['sent', 'high'] : ['sentToOwn', 'low'];
      context.report({ messageId, fact: read, data: { name, host: where?.host ?? '' }, severity: isReferenceDoc(read, skill) ? lower(severity) : severity });
    }
  },
};

