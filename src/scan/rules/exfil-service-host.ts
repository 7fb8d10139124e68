// Hosts where anyone can drop data and read it back: request bins, paste sites, file drops,
// tunnels, URL shorteners, dynamic DNS, Telegram bot API, Discord webhooks, onion services. A
// skill's code sending data there is the classic exfiltration sink. The table is shared with the
// code rules (rules/common/hosts.ts).

import { exfilSinkOf } from './common/hosts.ts';
import { createEndpointRule } from './prose/endpoint-rule.ts';

export const exfilServiceHost = createEndpointRule({
  id: 'exfil-service-host',
  title: 'Contacts a webhook, paste, file-drop, tunnel or shortener host',
  description: 'A URL or connection to a service that accepts data from anyone (webhook.site, pastebin, transfer.sh, ngrok, Discord webhooks, the Telegram bot API, dynamic DNS, .onion…). High when code sends data there, medium when code contacts it, low when prose mentions it.',
  references: ['https://attack.mitre.org/techniques/T1567/', 'https://snyk.io/blog/toxicskills-malicious-ai-agent-skills-clawhub/'],
  what: 'the drop-box service',
  classify: (host, url) => (host.endsWith('.onion') ? 'onion service' : exfilSinkOf(host, url)),
});
