// A public IP literal instead of a host name: no certificate, no owner to look up, the shape of a
// throwaway attacker server. Private and loopback addresses are fine. Documentation ranges
// (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) count as public: defanged samples use them.

import { isIpLiteral } from './common/destination.ts';
import { createEndpointRule } from './prose/endpoint-rule.ts';

export const rawIpEndpoint = createEndpointRule({
  id: 'raw-ip-endpoint',
  title: 'Contacts a raw public IP address',
  description: 'A URL or connection to a public IP literal rather than a host name. High when code sends data there, medium when code contacts or names it, low when prose merely mentions it. Loopback and private ranges are not reported.',
  references: ['https://attack.mitre.org/techniques/T1071/001/'],
  what: 'the raw IP',
  classify: (host) => (isIpLiteral(host) ? 'public IP literal' : undefined),
});
