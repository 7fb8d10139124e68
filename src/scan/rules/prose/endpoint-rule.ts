// Rules about where a skill points: one finding per place a matching host appears, graded by how
// it is used. Data sent there from code: high. Contacted from code, or named in code: medium.
// Merely mentioned in prose: low (documentation links to a pastebin are not an attack).

import { memoized } from '../../../core/memo.ts';
import type { Fact } from '../../facts.ts';
import type { Rule, RuleMeta, Severity } from '../../types.ts';
import { isTeaching } from '../common/context.ts';
import { isLocalHost } from '../common/destination.ts';

export interface EndpointRuleSpec extends Omit<RuleMeta, 'category' | 'messages' | 'severity'> {
  /** A label for the host ("raw IP", "webhook"), or undefined when the rule does not apply. */
  classify(host: string, url: string | undefined): string | undefined;
  what: string;
}

/** The host as reported: lower case, without IPv6 brackets. */
const bareHost = memoized((host: string) => host.toLowerCase().replace(/^\[|\]$/g, ''), 20_000);

function isProse(fact: Fact): boolean {
  return fact.context.origin === 'prose' || fact.context.origin === 'frontmatter';
}

export function createEndpointRule(spec: EndpointRuleSpec): Rule {
  const { classify, what, ...meta } = spec;
  return {
    meta: {
      ...meta, category: 'suspicious-endpoint', severity: 'high',
      messages: {
        send: `Sends data to ${what} {{host}} ({{label}})`,
        code: `Code contacts ${what} {{host}} ({{label}})`,
        mention: `Mentions ${what} {{host}} ({{label}})`,
      },
    },
    check(facts, context) {
      const seen = new Set<string>();
      // One finding per file, line and host: the first fact there with a label. Most hosts have
      // none, so the key is built only for one that has.
      const report = (fact: Fact, host: string, url: string | undefined, messageId: string, severity: Severity) => {
        const h = bareHost(host);
        if (isLocalHost(h)) return;
        const label = classify(h, url);
        if (!label) return;
        const key = `${fact.file}:${fact.line}:${h}`;
        if (seen.has(key)) return;
        seen.add(key);
        context.report({ messageId, fact, data: { host: h, label }, severity: isTeaching(fact.context) ? 'low' : severity });
      };
      for (const net of facts.of('network')) {
        if (net.host) report(net, net.host, net.url, net.sendsData ? 'send' : 'code', net.sendsData ? 'high' : 'medium');
      }
      for (const sock of facts.of('socket')) if (sock.host) report(sock, sock.host, undefined, 'code', 'medium');
      for (const url of facts.of('url')) {
        report(url, url.host, url.url, isProse(url) ? 'mention' : 'code', isProse(url) ? 'low' : 'medium');
      }
    },
  };
}
