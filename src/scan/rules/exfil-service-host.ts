// Hosts where anyone can drop data and read it back: request bins, paste sites, file drops,
// tunnels, URL shorteners, dynamic DNS, Telegram bot API, Discord webhooks, onion services. A
// skill's code sending data there is the classic exfiltration sink. The table is shared with the
// code rules (rules/common/hosts.ts).
//
// A chat bot reached with a credential the skill declares (`bot${TELEGRAM_BOT_TOKEN}`) is the
// user's own bot: only the user reads what arrives, so those lines report low. What is sent there
// is still judged by secret-exfil-flow.

import type { Rule } from '../types.ts';
import { ownBotLines } from './common/destination.ts';
import { exfilSinkOf } from './common/hosts.ts';
import { createEndpointRule } from './prose/endpoint-rule.ts';

const endpointRule = createEndpointRule({
  id: 'exfil-service-host',
  title: 'Contacts a webhook, paste, file-drop, tunnel or shortener host',
  description: "A URL or connection to a service that accepts data from anyone (webhook.site, pastebin, transfer.sh, ngrok, Discord webhooks, the Telegram bot API, dynamic DNS, .onion…). High when code sends data there, medium when code contacts it, low when prose mentions it or when a chat bot is reached with the skill's own declared credential.",
  references: ['https://attack.mitre.org/techniques/T1567/', 'https://snyk.io/blog/toxicskills-malicious-ai-agent-skills-clawhub/'],
  what: 'the drop-box service',
  classify: (host, url) => (host.endsWith('.onion') ? 'onion service' : exfilSinkOf(host, url)),
});

export const exfilServiceHost: Rule = {
  meta: endpointRule.meta,
  check(facts, context) {
    const own = ownBotLines(facts, context.skill);
    endpointRule.check(facts, {
      ...context,
      report(d) {
        const fact = d.fact;
        context.report(fact && own.has(`${fact.file}:${fact.line}`) ? { ...d, severity: 'low' } : d);
      },
    });
  },
};
