// A traced data flow from a secret (sensitive file, whole environment, undeclared
// or misdirected secret env var, keychain, history, clipboard) to a network send. The destination
// decides: the secret's own API, a local address or a destination the user configures through a
// declared env var are fine; a drop box, raw IP or unknown host is theft. A flow the engine joined
// across files (`crossFile`) is one step weaker, unless it ends at a known drop box; so is a secret
// env var in an example of a reference file (not SKILL.md, not a script).

import type { Fact, Source } from '../facts.ts';
import type { Rule, Severity } from '../types.ts';
import { isReferenceDoc, lower, weigh } from './common/context.ts';
import { documentedHosts, judgeDestination } from './common/destination.ts';
import { judgeExfil, type ExfilJudgement } from './common/exfil-judge.ts';

const rank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export const secretExfilFlow: Rule = {
  meta: {
    id: 'secret-exfil-flow',
    category: 'exfiltration',
    severity: 'critical',
    title: 'Sends secrets to a foreign host',
    description: "Data read from a secret store, the environment or a secret env var reaches a network send to a host that is not the secret's own API nor a destination the user configures.",
    references: ['https://attack.mitre.org/techniques/T1041/', 'https://attack.mitre.org/techniques/T1567/'],
    messages: { sent: 'Sends {{what}} to {{host}}.' },
  },
  check(facts, context) {
    const docHosts = documentedHosts(facts, context.skill);
    const best = new Map<Fact, { j: ExfilJudgement; host: string }>();
    const consider = (fact: Fact, source: Source, target: { host?: string; url?: string }, crossFile = false) => {
      const dest = judgeDestination(target, context.skill, docHosts);
      const found = judgeExfil(source, dest, context.skill);
      if (!found) return;
      // A variable in a reference file's example is how the service is called, not a script that
      // runs; a secret store read there still weighs in full.
      const weaker = (crossFile && dest.kind !== 'exfil-sink') || (source.kind === 'env' && isReferenceDoc(fact, context.skill));
      const j = weaker ? { ...found, severity: lower(found.severity) } : found;
      const prev = best.get(fact);
      if (!prev || rank[j.severity] > rank[prev.j.severity]) best.set(fact, { j, host: dest.label });
    };
    for (const flow of facts.of('flow')) {
      if (flow.sink.kind === 'network') consider(flow, flow.source, flow.sink, flow.crossFile);
    }
    for (const n of facts.of('network')) {
      for (const source of n.dataSources ?? []) consider(n, source, n);
    }
    for (const [fact, { j, host }] of best) {
      context.report({ messageId: 'sent', fact, severity: weigh(j.severity, fact, context.skill), data: { what: j.what, host } });
    }
  },
};
